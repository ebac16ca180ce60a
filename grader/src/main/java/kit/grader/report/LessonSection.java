package kit.grader.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kit.grader.figures.FigureIndex;
import kit.grader.scoring.GradedTest;
import kit.grader.scoring.Gradebook;
import kit.grader.scoring.Lesson;
import kit.grader.scoring.Outcome;

/**
 * One lesson on the report page: its failures to fix (message, hint, book link, rerun command, as
 * the console prints them), the tests blocked by an earlier lesson, the stubs not started with the
 * tests that wait for them, the tests passed (lists of tests folded: a click opens them), and its
 * figures ({@link FigurePairs}).
 */
final class LessonSection {
    private final ConsoleTable.Row row;
    private final Lesson lesson;
    private final Gradebook book;
    private final List<GradedTest> toFix;
    private final List<GradedTest> blocked;
    private final FigurePairs figures;
    private final BookCopy copy;

    LessonSection(ConsoleTable.Row row, Gradebook book, List<GradedTest> toFix, List<GradedTest> blocked,
            FigureIndex index, BookCopy copy, Path reports) {
        this.row = row;
        this.lesson = row.lesson();
        this.book = book;
        this.toFix = toFix.stream().filter(t -> t.lesson() == lesson).toList();
        this.blocked = blocked.stream().filter(t -> t.lesson() == lesson).toList();
        this.figures = new FigurePairs(lesson, book.refused(), index, copy, reports);
        this.copy = copy;
    }

    void render(StringBuilder s) {
        s.append("<section class=\"lesson\" id=\"").append(lesson.tag()).append("\">\n<h2>Lesson ")
                .append(lesson.number()).append(": ").append(Html.text(lesson.title())).append(" <span class=\"points\">")
                .append(Html.text(row.points())).append("</span> ").append(ReportPage.state(row.state())).append("</h2>\n")
                .append("<p class=\"book\">book: ").append(bookLink()).append("</p>\n");
        if (book.refused()) {
            s.append("<p>Not run: the submission was refused (see above).</p>\n");
        } else {
            failures(s);
            blocked(s);
            notStarted(s);
            passed(s);
        }
        figures.render(s);
        s.append("</section>\n");
    }

    private void failures(StringBuilder s) {
        if (toFix.isEmpty()) {
            return;
        }
        s.append("<h3>").append(ReportPage.state("failed")).append(": ").append(toFix.size())
                .append(toFix.size() == 1 ? " test" : " tests").append(" to fix</h3>\n");
        for (GradedTest t : toFix) {
            s.append("<article class=\"test\">\n<h4>").append(ReportPage.state("failed")).append(' ')
                    .append(Html.text(t.name())).append(" <span class=\"points\">(").append(t.points())
                    .append(t.points() == 1 ? " point" : " points").append(")</span></h4>\n")
                    .append("<pre class=\"message\">").append(Html.text(t.message())).append("</pre>\n");
            if (!t.hint().isEmpty()) {
                s.append("<p class=\"hint\"><b>hint:</b> ").append(Html.text(t.hint())).append("</p>\n");
            }
            s.append("<p class=\"rerun\"><b>rerun:</b> <code>").append(Html.text(t.rerunCommand())).append("</code></p>\n")
                    .append("<p class=\"book\"><b>book:</b> ").append(bookLink()).append("</p>\n</article>\n");
        }
    }

    private void blocked(StringBuilder s) {
        if (blocked.isEmpty()) {
            return;
        }
        s.append("<h3>").append(ReportPage.state("blocked")).append(": an earlier lesson's code they use fails its own")
                .append(" tests; fix that first</h3>\n<ul class=\"tests\">\n");
        for (GradedTest t : blocked) {
            s.append("<li>").append(Html.text(t.name()))
                    .append(": blocked by ").append(Html.text(t.blockedBy())).append("</li>\n");
        }
        s.append("</ul>\n");
    }

    /** The stubs not started, in the order their tests ran, each with its hint and the tests that wait for it. */
    private void notStarted(StringBuilder s) {
        Map<String, List<GradedTest>> byStub = new LinkedHashMap<>();
        for (GradedTest t : book.graded()) {
            if (t.lesson() == lesson && t.outcome() == Outcome.NOT_STARTED) {
                byStub.computeIfAbsent(t.stub(), k -> new ArrayList<>()).add(t);
            }
        }
        if (byStub.isEmpty()) {
            return;
        }
        s.append("<h3>").append(ReportPage.state("not started")).append(": ").append(byStub.size())
                .append(byStub.size() == 1 ? " method" : " methods").append("</h3>\n<ul class=\"stubs\">\n");
        for (Map.Entry<String, List<GradedTest>> e : byStub.entrySet()) {
            GradedTest first = e.getValue().get(0);
            s.append("<li><code>").append(Html.text(e.getKey()))
                    .append("</code>").append(first.stubHint().isEmpty() ? "" : ": " + Html.text(first.stubHint()))
                    .append("<details class=\"waiting\"><summary>").append(e.getValue().size())
                    .append(e.getValue().size() == 1 ? " test waits" : " tests wait").append(" for it</summary>")
                    .append(Html.text(String.join("; ", e.getValue().stream().map(GradedTest::name).toList())))
                    .append("</details></li>\n");
        }
        s.append("</ul>\n");
    }

    private void passed(StringBuilder s) {
        List<String> passed = book.graded().stream().filter(t -> t.lesson() == lesson && t.outcome() == Outcome.PASSED)
                .map(GradedTest::name).toList();
        if (passed.isEmpty()) {
            return;
        }
        s.append("<details class=\"passed\"><summary>").append(ReportPage.state("passed")).append(": ")
                .append(passed.size()).append(passed.size() == 1 ? " test" : " tests").append("</summary>\n<p>")
                .append(Html.text(String.join("; ", passed))).append("</p></details>\n");
    }

    /** The lesson's book page: a link to its copy beside the page, named by its path in the kit. */
    private String bookLink() {
        String name = Html.text(lesson.bookPage());
        return copy.pageLink(lesson).map(link -> "<a href=\"" + link + "\">" + name + "</a>").orElse("<code>" + name + "</code>");
    }
}
