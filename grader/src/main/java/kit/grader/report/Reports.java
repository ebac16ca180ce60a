package kit.grader.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kit.grader.scoring.Gradebook;
import kit.grader.scoring.Outcome;

/**
 * Writes every report of one run into one folder (by default {@code grader/target/grader}):
 * <ul>
 *   <li>{@code table.txt}: the score table the console shows;</li>
 *   <li>{@code results.json}: Gradescope's autograder format;</li>
 *   <li>{@code summary.md}: a Markdown summary for a CI job page;</li>
 *   <li>{@code report.html}: the run as one page for a browser, with the student's figures beside the
 *       book's ({@link ReportPage}; the book's copies it links to go into {@code book/});</li>
 *   <li>{@code verdict.properties}: the totals the build's verdict step reads.</li>
 * </ul>
 * Surefire writes its own XML beside them, in {@code target/surefire-reports}.
 */
public final class Reports {
    public static final String TABLE = "table.txt";
    public static final String GRADESCOPE = "results.json";
    public static final String SUMMARY = "summary.md";
    public static final String VERDICT = "verdict.properties";

    private Reports() {
    }

    public static String table(Gradebook book) {
        return ConsoleTable.render(book);
    }

    /**
     * Writes every report of {@code book} into {@code dir}; {@code bookDir} is the course book
     * ({@code src/site/markdown}) whose pages and figures the report page shows, or null.
     */
    public static void writeAll(Gradebook book, Path dir, Path bookDir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(TABLE), table(book), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(GRADESCOPE), GradescopeResults.render(book), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(SUMMARY), MarkdownSummary.render(book), StandardCharsets.UTF_8);
        kit.grader.figures.FigureIndex.mentionIn(dir, TABLE, SUMMARY, GRADESCOPE);
        try (Writer out = Files.newBufferedWriter(dir.resolve(VERDICT), StandardCharsets.UTF_8)) {
            totals(book).store(out, "totals of the last grading run");
        }
        writePage(book, dir, bookDir);
    }

    /** The report page, last: whatever goes wrong with it never costs another report. */
    private static void writePage(Gradebook book, Path dir, Path bookDir) {
        try {
            Files.deleteIfExists(dir.resolve(ReportPage.FILE));   // never an earlier run's page in place of this one's
            ReportPage.write(book, dir, bookDir);
        } catch (IOException | RuntimeException e) {
            System.err.println("grader: could not write the report page: " + e);
        }
    }

    /** The totals the verdict judges: score, maximum, and graded tests by outcome. */
    public static Properties totals(Gradebook book) {
        Properties totals = new Properties();
        totals.setProperty("score", String.valueOf(book.score()));
        totals.setProperty("max_score", String.valueOf(book.maxScore()));
        totals.setProperty("graded", String.valueOf(book.graded().size()));
        totals.setProperty("passed", String.valueOf(count(book, Outcome.PASSED)));
        totals.setProperty("failed", String.valueOf(count(book, Outcome.FAILED)));
        totals.setProperty("not_started", String.valueOf(count(book, Outcome.NOT_STARTED)));
        totals.setProperty("refused", String.valueOf(book.refused()));
        totals.setProperty("ungraded_failed", String.valueOf(book.ungradedFailures().size()));
        return totals;
    }

    private static long count(Gradebook book, Outcome outcome) {
        return book.graded().stream().filter(t -> t.outcome() == outcome).count();
    }
}
