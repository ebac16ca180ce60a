package kit.grader.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import kit.grader.figures.FigureIndex;
import kit.grader.scoring.GradedTest;
import kit.grader.scoring.Gradebook;
import kit.grader.scoring.Lesson;

/**
 * {@code report.html}: one run as one page to open in a browser, written beside the other
 * reports. It holds the score table (the console's rows), then per lesson each failure with its
 * message, hint, book link and rerun command, and each figure of the lesson's book page with the
 * student's copy beside the book's ({@link LessonSection}).
 *
 * <p>The page stands alone: no server, no network, no script; its style is inline and its links
 * are relative, to the run's {@code figures/} and to the book's copies in {@code book/}
 * ({@link BookCopy}), so it opens from the file system wherever the reports folder goes. Pass and
 * fail are words, not only colours, and every image has an alt text saying what it shows.
 */
public final class ReportPage {
    public static final String FILE = "report.html";

    /** How the page is named where its path means nothing (Gradescope, which keeps only results.json). */
    static final String ELSEWHERE = "page: report.html puts the table, each failure and your figures beside the book's"
            + " in one page; ./mvnw test in your copy of the kit writes it to grader/target/grader/report.html";

    private ReportPage() {
    }

    /**
     * Writes the page into {@code reports} with the copies of {@code book} (the kit's
     * {@code src/site/markdown}, or null) it links to; returns the page's path.
     */
    static Path write(Gradebook book, Path reports, Path bookDir) throws IOException {
        FigureIndex index = FigureIndex.read(reports.resolve(FigureIndex.FOLDER));
        BookCopy copy = BookCopy.make(bookDir, reports, book.byLesson().keySet());
        Path page = reports.resolve(FILE);
        Files.writeString(page, render(book, index, copy, reports), StandardCharsets.UTF_8);
        return page;
    }

    /** The line after the console's table: where the page is, as a path a terminal can open. */
    public static String consoleLine(Path page) {
        String path = page.toAbsolutePath().normalize().toString();
        return "page: " + (path.contains(" ") ? "\"" + path + "\"" : path)
                + " (the table, each failure and your figures beside the book's, in a browser)";
    }

    static String render(Gradebook book, FigureIndex index, BookCopy copy, Path reports) throws IOException {
        StringBuilder s = new StringBuilder(64 * 1024);
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Grade ").append(book.score()).append(" / ").append(book.maxScore())
                .append(": inductive biases kit</title>\n<style>\n").append(style()).append("</style>\n</head>\n<body>\n");
        header(s, book);
        table(s, book);
        notices(s, book, copy);
        List<GradedTest> toFix = ConsoleTable.failedOnTheirOwn(book);
        List<GradedTest> blocked = ConsoleTable.blocked(book);
        for (ConsoleTable.Row row : ConsoleTable.rows(book)) {
            if (row.lesson() != null) {
                new LessonSection(row, book, toFix, blocked, index, copy, reports).render(s);
            }
        }
        s.append("<footer>\n<p>Written by the grader with the other reports of this run (<code>table.txt</code>, ")
                .append("<code>results.json</code>, <code>summary.md</code>, <code>figures/</code>). The book's pages ")
                .append("and figures are copies of the kit's <code>src/site/markdown</code>, in <code>")
                .append(BookCopy.FOLDER).append("/</code> beside this page.</p>\n</footer>\n</body>\n</html>\n");
        return s.toString();
    }

    private static void header(StringBuilder s, Gradebook book) {
        List<ConsoleTable.Row> rows = ConsoleTable.rows(book);
        ConsoleTable.Row total = rows.get(rows.size() - 1);
        s.append("<header>\n<p class=\"kicker\">Inductive biases, built from scratch in Java: your grading</p>\n")
                .append("<h1>Grade ").append(book.score()).append(" / ").append(book.maxScore()).append("</h1>\n")
                .append("<p class=\"totals\">").append(total.passed()).append(" passed, ").append(total.failed())
                .append(" failed").append(total.notStarted() == 0 ? "" : " (" + total.notStarted() + " of them not started)")
                .append(book.refused() ? "; <strong>refused: grade 0</strong>" : "").append("</p>\n");
        List<String> next = ConsoleTable.nextStep(book).lines().map(String::strip).toList();
        s.append("<div class=\"next\"><p>").append(Html.text(next.get(0))).append("</p>");
        for (String line : next.subList(1, next.size())) {
            s.append("<p><code>").append(Html.text(line)).append("</code></p>");
        }
        s.append("</div>\n</header>\n");
    }

    private static void table(StringBuilder s, Gradebook book) {
        s.append("<section id=\"score\">\n<h2>Score</h2>\n<table class=\"score\">\n<thead><tr><th scope=\"col\">lesson</th>")
                .append("<th scope=\"col\">points</th><th scope=\"col\">passed</th><th scope=\"col\">failed</th>")
                .append("<th scope=\"col\">(not started)</th><th scope=\"col\">state</th></tr></thead>\n<tbody>\n");
        for (ConsoleTable.Row r : ConsoleTable.rows(book)) {
            boolean total = r.lesson() == null;
            String label = total ? "total" : "<a href=\"#" + r.lesson().tag() + "\">" + Html.text(r.label()) + "</a>";
            s.append(total ? "<tr class=\"total\">" : "<tr>").append("<th scope=\"row\">").append(label).append("</th><td>")
                    .append(Html.text(r.points())).append("</td><td>").append(r.passed()).append("</td><td>")
                    .append(r.failed()).append("</td><td>(").append(r.notStarted()).append(")</td><td>")
                    .append(state(r.state())).append("</td></tr>\n");
        }
        s.append("</tbody>\n</table>\n<p class=\"legend\">\"failed\" counts every test that did not pass; those not ")
                .append("started are part of it, in parentheses.</p>\n</section>\n");
    }

    /** A state word with its mark; the colour only repeats what the word says. */
    static String state(String word) {
        String kind = word.replace(' ', '-');
        String mark = switch (word) {
            case "passed" -> "&#10003; ";
            case "failing", "failed" -> "&#10007; ";
            default -> "&#9675; ";
        };
        return "<span class=\"state " + kind + "\">" + mark + Html.text(word) + "</span>";
    }

    private static void notices(StringBuilder s, Gradebook book, BookCopy copy) {
        book.refusal().ifPresent(r -> s.append("<section class=\"notice refused\">\n<h2>Refused, grade set to 0</h2>\n")
                .append("<p>None of the submission ran, because:</p>\n<pre>").append(Html.text(r)).append("</pre>\n")
                .append("<p>Fix what is named above; then every test runs again.</p>\n</section>\n"));
        if (!book.ungradedFailures().isEmpty()) {
            s.append("<section class=\"notice kit\">\n<h2>Kit checks failed</h2>\n<p>Worth no points, but the kit or ")
                    .append("its given code is broken:</p>\n");
            for (String failure : book.ungradedFailures()) {
                s.append("<pre>").append(Html.text(failure)).append("</pre>\n");
            }
            s.append("</section>\n");
        }
        if (!book.notes().isEmpty()) {
            s.append("<section class=\"notice notes\">\n<h2>Notes</h2>\n<ul>\n");
            for (String note : book.notes()) {
                s.append("<li><pre>").append(Html.text(note)).append("</pre></li>\n");
            }
            s.append("</ul>\n</section>\n");
        }
        copy.missing().ifPresent(why -> s.append("<section class=\"notice notes\">\n<p>The book's pages and figures ")
                .append("are not shown: ").append(Html.text(why)).append(".</p>\n</section>\n"));
    }

    /** The page's style sheet, {@code report.css} beside this class, inlined so that the page stands alone. */
    private static String style() throws IOException {
        try (InputStream in = ReportPage.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IOException("report.css is missing from the grader's class path (kit/grader/report/)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
