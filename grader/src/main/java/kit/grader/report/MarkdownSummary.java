package kit.grader.report;

import java.util.Map;

import kit.grader.scoring.GradedTest;
import kit.grader.scoring.Gradebook;
import kit.grader.scoring.Lesson;
import kit.grader.scoring.Outcome;

/**
 * A Markdown summary for a CI job page: the table per lesson, each failure in a short line, and
 * where the report page is (a job page shows no local file, so it is named, not linked).
 */
final class MarkdownSummary {
    /** Where the report page is: beside the summary, in the reports folder (a CI run keeps it as an artifact). */
    static final String PAGE = "**The page:** `" + ReportPage.FILE + "`, beside this summary in the reports folder (in a"
            + " GitHub Actions run, the `grader-reports` artifact), puts the table, each failure with its hint and rerun"
            + " command, and your figures beside the book's in one page to open in a browser.";

    private MarkdownSummary() {
    }

    static String render(Gradebook book) {
        StringBuilder s = new StringBuilder();
        s.append("## Grade: ").append(book.score()).append(" / ").append(book.maxScore()).append("\n\n");
        book.refusal().ifPresent(r -> s.append("**Refused, grade 0: none of the submission ran.** ")
                .append(r.lines().findFirst().orElse("").replace("|", "\\|")).append("\n\n"));
        s.append("| lesson | points | passed | failed | (of them not started) |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<Lesson, Gradebook.LessonTotals> e : book.byLesson().entrySet()) {
            Gradebook.LessonTotals t = e.getValue();
            s.append("| ").append(e.getKey().number()).append(' ').append(e.getKey().title())
                    .append(" | ").append(t.earned()).append('/').append(t.possible())
                    .append(" | ").append(t.passed()).append(" | ").append(t.failed() + t.notStarted())
                    .append(" | ").append(t.notStarted()).append(" |\n");
        }
        boolean heading = false;
        for (GradedTest t : book.tests()) {
            if (t.outcome() != Outcome.FAILED) {
                continue;
            }
            if (!heading) {
                s.append("\n### Failed\n\n");
                heading = true;
            }
            String firstLine = t.message().lines().findFirst().orElse("");
            s.append("- lesson ").append(t.lesson().number()).append(": **")
                    .append(t.name()).append("**: ").append(firstLine.replace("|", "\\|")).append('\n');
        }
        book.next().ifPresent(t -> s.append("\n`").append(ConsoleTable.nextLine(t).lines().findFirst().orElse(""))
                .append("`\n"));
        s.append("\n").append(PAGE).append('\n');
        return s.toString();
    }
}
