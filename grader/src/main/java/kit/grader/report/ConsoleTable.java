package kit.grader.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import kit.grader.scoring.GradedTest;
import kit.grader.scoring.Gradebook;
import kit.grader.scoring.Lesson;
import kit.grader.scoring.Outcome;

/**
 * The score table printed after every run: one row per lesson, the total, each failure with its
 * hint and rerun command, and where to go next.
 */
final class ConsoleTable {
    /** Failed counts every graded test that did not pass, as the closing line does; "not started" is part of it. */
    private static final String ROW = "%-34s %7s %8s %7s %14s%n";
    private static final String NOT_ASSIGNED = "%-34s    not assigned%n";

    private ConsoleTable() {
    }

    static String render(Gradebook book) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(ROW, "lesson", "points", "passed", "failed", "(not started)"));
        Map<Lesson, Gradebook.LessonTotals> byLesson = book.byLesson();
        for (Lesson lesson : Lesson.values()) {
            Gradebook.LessonTotals t = byLesson.get(lesson);
            if (t != null) {
                s.append(String.format(ROW, lesson.number() + " " + lesson.title(), t.earned() + "/" + t.possible(),
                        t.passed(), t.failed() + t.notStarted(), "(" + t.notStarted() + ")"));
            } else if (book.notAssigned().contains(lesson)) {
                s.append(String.format(NOT_ASSIGNED, lesson.number() + " " + lesson.title()));
            }
        }
        long notStarted = count(book, Outcome.NOT_STARTED);
        s.append(String.format(ROW, "total", book.score() + "/" + book.maxScore(), count(book, Outcome.PASSED),
                count(book, Outcome.FAILED) + notStarted, "(" + notStarted + ")"));
        if (!book.notes().isEmpty()) {
            s.append("\nnotes:\n");
            for (String note : book.notes()) {
                s.append("- ").append(note.replace("\n", "\n  ")).append('\n');
            }
        }
        if (!book.ungradedFailures().isEmpty()) {
            s.append("\nKIT CHECKS FAILED (worth no points, but the kit or its given code is broken):\n");
            for (String failure : book.ungradedFailures()) {
                s.append(indent(failure)).append('\n');
            }
        }
        List<GradedTest> failed = book.refused() ? List.of()
                : book.failed().stream().filter(t -> t.blockedBy().isEmpty()).toList();
        List<GradedTest> blocked = book.refused() ? List.of()
                : book.failed().stream().filter(t -> !t.blockedBy().isEmpty()).toList();
        if (!failed.isEmpty()) {
            s.append("\nfailed:\n");
            for (GradedTest t : failed) {
                s.append("- lesson ").append(t.lesson().number()).append(": ").append(t.name())
                        .append(" (").append(t.points()).append(t.points() == 1 ? " point)\n" : " points)\n");
                s.append(indent(t.message())).append('\n');
                if (!t.hint().isEmpty()) {
                    s.append("    hint: ").append(t.hint()).append('\n');
                }
                s.append("    rerun: ").append(t.rerunCommand()).append('\n');
            }
        }
        if (!blocked.isEmpty()) {
            s.append("\nblocked (an earlier lesson's code they use fails its own tests; fix that first):\n");
            for (GradedTest t : blocked) {
                s.append("- lesson ").append(t.lesson().number()).append(": ").append(t.name())
                        .append(": blocked by ").append(t.blockedBy()).append('\n');
            }
        }
        String stubs = book.graded().stream().filter(t -> t.outcome() == Outcome.NOT_STARTED)
                .map(GradedTest::stub).distinct().collect(Collectors.joining(", "));
        if (!stubs.isEmpty()) {
            s.append("\nnot started: ").append(stubs).append('\n');
        }
        if (book.refused()) {
            s.append("\nREFUSED, grade set to 0: none of the submission ran, because:\n")
                    .append(indent(book.refusal().orElseThrow())).append('\n');
            s.append("\nnext: fix what is named above; then every test runs again\n");
            return s.toString();
        }
        book.next().ifPresentOrElse(
                t -> s.append('\n').append(nextLine(t)).append('\n'),
                () -> s.append(book.graded().isEmpty() ? "\nno graded tests ran\n"
                        : book.ungradedFailures().isEmpty() ? "\nall done: full marks\n"
                        : "\nfull marks, but the kit's own checks failed (above)\n"));
        return s.toString();
    }

    static long count(Gradebook book, Outcome outcome) {
        return book.graded().stream().filter(t -> t.outcome() == outcome).count();
    }

    static String nextLine(GradedTest t) {
        String book = "book: " + t.lesson().bookPage();
        if (t.outcome() == Outcome.NOT_STARTED) {
            return "next: " + t.stub() + " (lesson " + t.lesson().number() + ")"
                    + (t.stubHint().isEmpty() ? "" : " - " + t.stubHint()) + "; " + book;
        }
        return "next: fix " + t.name() + " (lesson " + t.lesson().number() + ")"
                + (t.hint().isEmpty() ? "" : " - " + t.hint()) + "; " + book
                + "\n      " + t.rerunCommand();
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }
}
