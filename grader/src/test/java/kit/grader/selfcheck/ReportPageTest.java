package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import com.google.gson.JsonParser;

import kit.core.NotImplementedYet;
import kit.grader.figures.FigureFolder;
import kit.grader.figures.FigureIndex;
import kit.grader.figures.FigureIndex.Drawn;
import kit.grader.figures.LinePlot;
import kit.grader.report.ReportPage;
import kit.grader.report.Reports;
import kit.grader.scoring.GradedTest;
import kit.grader.scoring.Gradebook;
import kit.grader.scoring.GradingListener;
import kit.grader.scoring.Lesson;
import kit.grader.scoring.Outcome;
import kit.grader.scoring.TestRuns;

/**
 * The report page, {@code report.html}, on two made-up lessons graded for real
 * ({@link ScoringFixtures} as Lesson 1, {@link ReportFixtures} as Lesson 4) with figures drawn for
 * Lesson 1 only, against the kit's own book: each failure is there with its message, hint, book
 * link and rerun command; each figure of the lessons' book pages is there, the student's beside
 * the book's, every image with an alt text; every link resolves to a file of the kit, from the
 * reports folder where it was written and from a copy of that folder elsewhere.
 */
@Tag("selfcheck")
@DisplayName("The report page")
class ReportPageTest {
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
    private static final Pattern IMAGE = Pattern.compile("<img [^>]*>");
    private static final Pattern ALT = Pattern.compile("alt=\"([^\"]+)\"");
    private static final Pattern BOOK_IMAGE = Pattern.compile("^!\\[(.+)]\\(figures/(lesson\\d+-[a-z0-9-]+\\.png)\\)",
            Pattern.MULTILINE);

    @Test
    void shows_each_failure_and_each_figure_and_every_link_resolves_to_a_file_of_the_kit(@TempDir Path reports,
            @TempDir Path elsewhere) throws IOException {
        Gradebook book = graded(reports);
        drawLessonOneOnly(reports);
        Reports.writeAll(book, reports, kitBook());
        String page = Files.readString(reports.resolve(ReportPage.FILE), StandardCharsets.UTF_8);

        List<GradedTest> failed = book.failed();
        assertThat(failed).as("the fixtures' failures").hasSizeGreaterThanOrEqualTo(2);
        for (GradedTest t : failed) {
            assertThat(page).as("the failure " + t.name()).contains(html(t.name()), html(t.message()),
                    html(t.rerunCommand()), "<a href=\"book/" + t.lesson().tag() + ".md\">" + t.lesson().bookPage() + "</a>");
            if (!t.hint().isEmpty()) {
                assertThat(page).as("the hint of " + t.name()).contains(html(t.hint()));
            }
        }
        assertThat(page).as("markup in a message is text").doesNotContain("<b>bold</b>").contains("&lt;b&gt;bold&lt;/b&gt;");
        for (GradedTest t : book.graded()) {
            if (t.outcome() == Outcome.NOT_STARTED) {
                assertThat(page).as("the stub " + t.stub()).contains("<code>" + html(t.stub()) + "</code>");
            }
        }

        FigureIndex index = FigureIndex.read(reports.resolve(FigureIndex.FOLDER));
        for (Lesson lesson : book.byLesson().keySet()) {
            Matcher shown = BOOK_IMAGE.matcher(Files.readString(kitBook().resolve(lesson.tag() + ".md")));
            int figures = 0;
            while (shown.find()) {
                figures++;
                assertThat(page).as("the book's " + shown.group(2))
                        .contains("<img src=\"book/figures/" + shown.group(2) + "\" alt=\"" + html(shown.group(1)) + "\"");
            }
            assertThat(figures).as(lesson.tag() + ".md's figures").isPositive();
        }
        for (Drawn d : index.figures()) {
            assertThat(page).as("your " + d.file())
                    .contains("<img src=\"figures/" + d.file() + "\" alt=\"Drawn from your code: " + html(d.title()) + "\"");
        }
        String lesson4 = page.substring(page.indexOf("<section class=\"lesson\" id=\"lesson4\""));
        assertThat(lesson4).as("why Lesson 4's own figures are missing")
                .contains("your code does not train yet: Embedding.lookup is not started");

        Matcher images = IMAGE.matcher(page);
        while (images.find()) {
            assertThat(ALT.matcher(images.group()).find()).as("an alt text on " + images.group()).isTrue();
        }
        assertThat(page).as("words carry pass and fail, not only colour").contains("passed</span>", "failing</span>",
                "not started</span>");
        assertThat(page).as("a page that stands alone").doesNotContain("<script", "http://", "https://", "<link ")
                .contains("<style>");
        everyLinkResolves(page, reports);

        copyTree(reports, elsewhere.resolve("alice"));   // a regrade keeps the reports away from the kit
        everyLinkResolves(page, elsewhere.resolve("alice"));
    }

    @Test
    void is_written_without_a_book_and_for_a_refused_submission_and_the_other_reports_name_it(@TempDir Path reports)
            throws IOException {
        Gradebook graded = graded(reports);
        Gradebook refused = new Gradebook(graded.tests(), List.of(), 0, "Linear.affine uses java.io.File", List.of());
        Reports.writeAll(refused, reports, null);
        String page = Files.readString(reports.resolve(ReportPage.FILE), StandardCharsets.UTF_8);
        assertThat(page).contains("Refused, grade set to 0", "Linear.affine uses java.io.File",
                "The book's pages and figures are not shown", "the submission was refused");
        everyLinkResolves(page, reports);

        assertThat(Files.readString(reports.resolve(Reports.SUMMARY))).contains("`report.html`");
        String output = JsonParser.parseString(Files.readString(reports.resolve(Reports.GRADESCOPE)))
                .getAsJsonObject().get("output").getAsString();
        assertThat(output).contains("report.html").contains(Reports.table(refused).strip());
        assertThat(ReportPage.consoleLine(reports.resolve(ReportPage.FILE)))
                .isEqualTo("page: " + reports.resolve(ReportPage.FILE).toAbsolutePath().normalize()
                        + " (the table, each failure and your figures beside the book's, in a browser)");
    }

    /**
     * Every href and src of {@code page} is an anchor on it or a relative path to a file under
     * {@code dir}; those into {@code book/} are copies of the kit's book.
     */
    private static void everyLinkResolves(String page, Path dir) throws IOException {
        Matcher links = LINK.matcher(page);
        int count = 0;
        while (links.find()) {
            String link = links.group(1).replace("&amp;", "&");
            count++;
            if (link.startsWith("#")) {
                assertThat(page).as("the anchor of " + link).contains("id=\"" + link.substring(1) + "\"");
                continue;
            }
            assertThat(link).as("a relative link").doesNotContain(":", "..", "\\").doesNotStartWith("/");
            Path target = dir.resolve(link).normalize();
            assertThat(target).as(link).startsWith(dir).isRegularFile();
            if (link.startsWith("book/")) {
                Path original = kitBook().resolve(link.substring("book/".length()));
                assertThat(Files.mismatch(target, original)).as(link + " is a copy of the kit's " + original).isEqualTo(-1);
            }
        }
        assertThat(count).as("links on the page").isPositive();
    }

    /** ScoringFixtures (Lesson 1) and ReportFixtures (Lesson 4), run and graded as a run would be. */
    private static Gradebook graded(Path reports) throws IOException {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(ScoringFixtures.class), selectClass(ReportFixtures.class)).build(),
                new GradingListener(reports.resolve("run.journal")));
        return TestRuns.fromJournal(reports.resolve("run.journal"));
    }

    /**
     * Lesson 1 draws two of its book page's three figures and one the book does not show; Lesson
     * 4's code is not started. On a machine without fonts neither draws, which the page says.
     */
    private static void drawLessonOneOnly(Path reports) {
        Path folder = reports.resolve(FigureIndex.FOLDER);
        double[] x = {0, 1, 2};
        FigureFolder.drawLesson("lesson1", folder, Duration.ofSeconds(30), f -> {
            f.write("xor-boundaries", new LinePlot("XOR: a stand-in boundary", "x", "y").line("p", x, x).size(220, 160));
            f.write("xor-loss", new LinePlot("Training on XOR: a stand-in loss", "epoch", "loss").line("loss", x, x)
                    .size(220, 160));
            f.write("not-in-the-book", new LinePlot("A figure the book does not show", "x", "y").line("y", x, x)
                    .size(220, 160));
        });
        FigureFolder.drawLesson("lesson4", folder, Duration.ofSeconds(30), f -> {
            throw new NotImplementedYet(4, "Embedding.lookup", "copy one row of E per token");
        });
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static Path kitBook() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("src/site/markdown")) && Files.isDirectory(p.resolve("grader"))) {
                return p.resolve("src/site/markdown");
            }
        }
        throw new IllegalStateException("no kit root above " + Path.of("").toAbsolutePath());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(all::add);
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target);
            }
        }
    }
}
