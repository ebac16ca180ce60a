package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import kit.grader.figures.FigureFolder;
import kit.grader.figures.FigureIndex;
import kit.grader.figures.FigureIndex.Attempt;
import kit.grader.figures.FigureIndex.Drawn;
import kit.grader.figures.FigureIndex.Status;
import kit.grader.figures.Png;

/**
 * The figures this run drew, checked after every lesson's figures (this class is ordered last), in
 * the kit's two runs ({@code -Dgrader.library}, set by the kit's poms): the reference draws every
 * lesson's figures, valid PNGs of their stated size, the very ones its book page shows, at a small
 * cost; the untouched stubs draw none.
 *
 * <p>The cost is CPU time of the drawing threads, which a busy machine does not inflate as it does
 * the clock. Measured on a two-core machine shared with other builds (load 10 to 17), the figures
 * of all eight lessons took 670 to 720 ms of CPU time (Lessons 1 to 3 alone: 450 to 680 ms; the first
 * lesson drawn in a run also starts the fonts and loads the charting library, about 200 ms). The
 * test prints the figure and does not assert it: performance is measured, never a pass/fail.
 */
@Tag("selfcheck")
@Order(Integer.MAX_VALUE)
@DisplayName("This run's figures")
class FiguresOfTheRunTest {
    private static final Pattern BOOK_IMAGE = Pattern.compile("\\(figures/(lesson\\d+-[a-z0-9-]+\\.png)\\)");

    @Test
    @EnabledIfSystemProperty(named = "grader.library", matches = "reference")
    void the_reference_draws_every_lessons_figures_as_valid_PNGs() throws IOException {
        Assumptions.assumeTrue(Png.cannotDraw().isEmpty(), () -> "no figures here: " + Png.cannotDraw().orElse(""));
        Path folder = FigureFolder.ofThisRun();
        FigureIndex index = FigureIndex.read(folder);
        assertThat(index.attempts()).as("lessons whose figures were tried").isNotEmpty();
        for (Attempt a : index.attempts()) {
            assertThat(a.status()).as(a.lesson() + "'s figures: " + a.detail()).isEqualTo(Status.DRAWN);
        }
        for (Drawn d : index.figures()) {
            assertThat(Png.size(folder.resolve(d.file()))).as(d.file()).isEqualTo(new Dimension(d.width(), d.height()));
            assertThat(ImageIO.read(folder.resolve(d.file()).toFile())).as(d.file() + " decodes").isNotNull();
        }
        long cpu = index.attempts().stream().mapToLong(Attempt::cpuMillis).sum();
        // A measurement, not a timed assertion: a slow or busy CI machine must not turn the kit red.
        System.out.println("figures: drawing every lesson's figures took " + cpu + " ms of CPU time");
    }

    @Test
    @EnabledIfSystemProperty(named = "grader.library", matches = "reference")
    @DisabledIfSystemProperty(named = "grader.book", matches = "true", disabledReason = "the book's figures are being made")
    void each_book_page_shows_the_figures_the_reference_draws_for_its_lesson() throws IOException {
        Assumptions.assumeTrue(Png.cannotDraw().isEmpty(), () -> "no figures here: " + Png.cannotDraw().orElse(""));
        Path folder = FigureFolder.ofThisRun();
        FigureIndex index = FigureIndex.read(folder);
        Path book = root().resolve("src/site/markdown");
        String remedy = ": run ./mvnw verify -Pkit,book -Djacoco.skip=true and show the figures on the page";
        for (Drawn d : index.figures()) {
            Path shown = book.resolve("figures").resolve(d.file());
            assertThat(shown).as("the book's copy of " + d.file() + remedy).exists();
            assertThat(Png.size(shown)).as("the size of the book's copy of " + d.file() + remedy)
                    .isEqualTo(new Dimension(d.width(), d.height()));
        }
        for (String lesson : index.attempts().stream().map(Attempt::lesson).collect(Collectors.toSet())) {
            Set<String> drawn = index.figures().stream().filter(d -> d.lesson().equals(lesson)).map(Drawn::file)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(shownOn(book.resolve(lesson + ".md"))).as("the figures " + lesson + ".md shows" + remedy)
                    .isEqualTo(drawn);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "grader.library", matches = "stubs")
    void the_untouched_stubs_draw_nothing() throws IOException {
        Path folder = FigureFolder.ofThisRun();
        FigureIndex index = FigureIndex.read(folder);
        assertThat(index.attempts()).as("lessons whose figures were tried").isNotEmpty();
        for (Attempt a : index.attempts()) {
            assertThat(a.status()).as(a.lesson() + "'s figures: " + a.detail()).isEqualTo(Status.NOT_STARTED);
        }
        assertThat(index.figures()).isEmpty();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.filter(f -> f.toString().endsWith(".png"))).isEmpty();
        }
    }

    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("src/site/markdown")) && Files.isDirectory(p.resolve("exercises"))) {
                return p;
            }
        }
        throw new IllegalStateException("no kit root above " + Path.of("").toAbsolutePath());
    }

    /** The figures a book page shows: {@code ![...](figures/lessonN-name.png)}. */
    static Set<String> shownOn(Path page) throws IOException {
        Set<String> shown = new TreeSet<>();
        if (Files.exists(page)) {
            Matcher m = BOOK_IMAGE.matcher(Files.readString(page));
            while (m.find()) {
                shown.add(m.group(1));
            }
        }
        return shown;
    }
}
