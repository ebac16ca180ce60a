package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import kit.core.NotImplementedYet;
import kit.grader.figures.BarPlot;
import kit.grader.figures.Figure;
import kit.grader.figures.FigureFolder;
import kit.grader.figures.FigureIndex;
import kit.grader.figures.FigureIndex.Attempt;
import kit.grader.figures.FigureIndex.Status;
import kit.grader.figures.FreshFolder;
import kit.grader.figures.HeatMap;
import kit.grader.figures.LinePlot;
import kit.grader.figures.Panels;
import kit.grader.figures.Png;

/**
 * The figures package: valid PNGs of the size asked, and a drawing that fails costs nothing. The
 * tests that draw need fonts; on a machine without them they are skipped, as the figures are.
 */
@Tag("selfcheck")
@DisplayName("Figures")
class FigurePackageTest {
    static final double[] X = {0, 1, 2, 3, 4};
    static final double[] Y = {1, 0.1, 0.01, Double.POSITIVE_INFINITY, 0.001};

    static Figure line() {
        return new LinePlot("a line", "epoch", "loss").logY().line("loss", X, Y).points("data", X, X)
                .band("band", X, X, X, X).truthBand("truth", X, X, X).horizontal(0.5, "bar").size(640, 400);
    }

    static Figure heat() {
        return new HeatMap("a map", "x1", "x2").values(new double[][] {{0, 0.5}, {0.5, 1}}, 0, 1, 0, 1)
                .sequential("p", 0, 1).point(0, 0, false, "(0,0)").size(500, 420);
    }

    static Figure panels() {
        return Panels.row("two", new BarPlot("bars", "", "accuracy").bar("A", "seen", 1).bar("B", "seen", Double.NaN)
                .horizontal(0.25, "chance"), new HeatMap("pixels", "column", "row")
                .pixels(new double[][] {{-1, 0}, {0, 1}}).diverging("w", 1).numbers("%.2f").noColourBar()).size(900, 360);
    }

    static void assumeFonts() {
        Assumptions.assumeTrue(Png.cannotDraw().isEmpty(), () -> "no figures here: " + Png.cannotDraw().orElse(""));
    }

    @Nested
    @DisplayName("write")
    class Write {
        @Test
        void every_kind_of_figure_is_a_valid_PNG_of_the_size_asked(@TempDir Path dir) throws IOException {
            assumeFonts();
            Figure[] figures = {line(), heat(), panels()};
            for (int i = 0; i < figures.length; i++) {
                Path file = dir.resolve("f" + i + ".png");
                Png.write(figures[i], file);
                assertThat(Png.size(file)).isEqualTo(new Dimension(figures[i].width(), figures[i].height()));
                BufferedImage decoded = ImageIO.read(file.toFile());
                assertThat(decoded.getWidth()).isEqualTo(figures[i].width());
                assertThat(decoded.getHeight()).isEqualTo(figures[i].height());
            }
        }

        @Test
        void what_a_broken_network_computes_still_draws(@TempDir Path dir) throws IOException {
            assumeFonts();
            double nan = Double.NaN;
            Figure[] figures = {
                new LinePlot("nothing finite", "x", "y").line("a", new double[] {nan, nan}, new double[] {nan, 1 / 0.0}),
                new LinePlot("huge", "x", "y").logY().line("a", new double[] {0, 1}, new double[] {-1, 1e300}),
                new HeatMap("holes", "x", "y").values(new double[][] {{nan, 1}, {2, nan}}, 0, 1, 0, 1).numbers("%.2f")};
            for (int i = 0; i < figures.length; i++) {
                Path file = dir.resolve("f" + i + ".png");
                Png.write(figures[i], file);
                assertThat(Png.size(file)).isEqualTo(new Dimension(800, 500));
            }
        }

        @Test
        void the_same_figure_gives_the_same_bytes(@TempDir Path dir) throws IOException {
            assumeFonts();
            Png.write(panels(), dir.resolve("a.png"));
            Png.write(panels(), dir.resolve("b.png"));
            assertThat(Files.readAllBytes(dir.resolve("a.png"))).isEqualTo(Files.readAllBytes(dir.resolve("b.png")));
        }

        @Test
        void a_file_that_is_not_a_PNG_is_refused(@TempDir Path dir) throws IOException {
            Path text = Files.writeString(dir.resolve("x.png"), "not an image, but long enough to read a header");
            assertThatThrownBy(() -> Png.size(text)).hasMessageContaining("not a PNG");
        }
    }

    @Nested
    @DisplayName("drawLesson")
    class DrawLesson {
        @Test
        void writes_lesson_named_files_and_lists_them(@TempDir Path dir) throws IOException {
            assumeFonts();
            Attempt a = FigureFolder.drawLesson("lesson9", dir, Duration.ofSeconds(30), f -> f.write("loss", line()));
            assertThat(a.status()).isEqualTo(Status.DRAWN);
            assertThat(Png.size(dir.resolve("lesson9-loss.png"))).isEqualTo(new Dimension(640, 400));
            FigureIndex index = FigureIndex.read(dir);
            assertThat(index.figures()).extracting(FigureIndex.Drawn::file).containsExactly("lesson9-loss.png");
            assertThat(index.line()).startsWith("figures: 1 drawn from your code (lesson 9) in ");
        }

        @Test
        void a_stub_that_is_not_started_means_no_figure(@TempDir Path dir) throws IOException {
            Attempt a = FigureFolder.drawLesson("lesson9", dir, Duration.ofSeconds(30), f -> {
                throw new IllegalStateException("training failed", new NotImplementedYet(9, "Thing.forward", ""));
            });
            assertThat(a.status()).isEqualTo(Status.NOT_STARTED);
            assertThat(a.detail()).isEqualTo("Thing.forward is not started");
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("figures.tsv");
            }
            assertThat(FigureIndex.read(dir).line()).startsWith("figures: none yet");
        }

        @Test
        void any_other_failure_is_noted_and_never_thrown(@TempDir Path dir) throws IOException {
            Attempt a = FigureFolder.drawLesson("lesson9", dir, Duration.ofSeconds(30), f -> {
                throw new StackOverflowError("deep");
            });
            assertThat(a.status()).isEqualTo(Status.NOT_DRAWN);
            assertThat(FigureIndex.read(dir).line()).contains("not drawn: lesson 9 (StackOverflowError: deep)");
        }

        @Test
        void a_drawing_that_takes_too_long_is_given_up(@TempDir Path dir) throws IOException {
            Attempt a = FigureFolder.drawLesson("lesson9", dir, Duration.ofMillis(200), f -> {
                Thread.sleep(60_000);
                f.write("late", line());
            });
            assertThat(a.status()).isEqualTo(Status.NOT_DRAWN);
            assertThat(a.detail()).isEqualTo("gave up after 0.2 s");
            assertThat(a.millis()).isLessThan(5_000);
        }

        @Test
        void a_name_that_is_not_lower_case_words_is_refused(@TempDir Path dir) {
            Attempt a = FigureFolder.drawLesson("lesson9", dir, Duration.ofSeconds(30), f -> f.write("My Loss", line()));
            assertThat(a.detail()).contains("lower-case words joined by hyphens");
        }
    }

    @Test
    void a_run_starts_with_no_figures_but_keeps_other_files(@TempDir Path dir) throws IOException {
        assumeFonts();
        FigureFolder.drawLesson("lesson9", dir, Duration.ofSeconds(30), f -> f.write("map", heat()));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        FreshFolder.empty(dir);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void the_reports_mention_the_figures_in_the_table_the_summary_and_the_gradescope_output(@TempDir Path dir)
            throws IOException {
        assumeFonts();
        FigureFolder.drawLesson("lesson9", dir.resolve("figures"), Duration.ofSeconds(30), f -> f.write("map", heat()));
        Files.writeString(dir.resolve("table.txt"), "total 1/1\n");
        Files.writeString(dir.resolve("summary.md"), "## Grade\n");
        Files.writeString(dir.resolve("results.json"), "{\"score\": 1, \"output\": \"total 1/1\\n\"}");
        FigureIndex.mentionIn(dir, "table.txt", "summary.md", "results.json");
        String line = FigureIndex.read(dir.resolve("figures")).line();
        assertThat(Files.readString(dir.resolve("table.txt"))).isEqualTo("total 1/1\n" + line + "\n");
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("[a map](figures/lesson9-map.png)");
        assertThat(JsonParser.parseString(Files.readString(dir.resolve("results.json"))).getAsJsonObject()
                .get("output").getAsString()).isEqualTo("total 1/1\n" + line + "\n");
    }
}
