package kit.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
        List<Lesson> notAssigned = new ArrayList<>(book.notAssigned());
        for (Row r : rows(book)) {
            // The lessons not assigned yet, in their place among the lessons (before the total).
            while (!notAssigned.isEmpty() && (r.lesson() == null || notAssigned.get(0).number() < r.lesson().number())) {
                Lesson lesson = notAssigned.remove(0);
                s.append(String.format(NOT_ASSIGNED, lesson.number() + " " + lesson.title()));
            }
            s.append(String.format(ROW, r.label(), r.points(), r.passed(), r.failed(), "(" + r.notStarted() + ")"));
        }
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
        List<GradedTest> failed = failedOnTheirOwn(book);
        List<GradedTest> blocked = blocked(book);
        if (!failed.isEmpty()) {
            s.append("\nfailed:\n");
            for (GradedTest t : failed) {
                s.append("- lesson ").append(t.lesson().number()).append(": ").append(t.name())
                        .append(" (").append(t.points()).append(t.points() == 1 ? " point)\n" : " points)\n");
                s.append(indent(t.message())).append('\n');
                s.append(t.hint().isEmpty() ? "    book: " + t.lesson().bookPage() : "    hint: " + t.hint()).append('\n');
                s.append("    rerun: ").append(t.rerunCommand()).append('\n');
            }
        }
        if (!blocked.isEmpty()) {
            s.append("\nblocked (code they use fails its own test above; fix that first):\n");
            for (GradedTest t : blocked) {
                s.append("- lesson ").append(t.lesson().number()).append(": ").append(t.name())
                        .append(": blocked by ").append(t.blockedBy()).append('\n');
            }
        }
        s.append(notStarted(book));
        if (book.refused()) {
            s.append("\nREFUSED, grade set to 0: none of the submission ran, because:\n")
                    .append(indent(book.refusal().orElseThrow())).append('\n');
        }
        return s.append('\n').append(nextStep(book)).append('\n').toString();
    }

    /** Where to go next, the table's last word: one line, or two with the rerun command. */
    static String nextStep(Gradebook book) {
        if (book.refused()) {
            return "next: fix what is named above; then every test runs again";
        }
        return book.next().map(ConsoleTable::nextLine)
                .orElse(book.graded().isEmpty() ? "no graded tests ran"
                        : book.ungradedFailures().isEmpty() ? "all done: full marks"
                        : "full marks, but the kit's own checks failed (above)");
    }

    /**
     * One row of the table: a lesson ({@code lesson} null for the total), its points as
     * "earned/possible", and its tests that passed, failed ("not started" ones included, as the
     * closing line counts them) and are not started. The report page prints the same rows.
     */
    record Row(Lesson lesson, String label, String points, long passed, long failed, long notStarted) {
        /** The row's state in words, so that no reader depends on colour: passed, not started or failing. */
        String state() {
            return failed == 0 ? "passed" : passed == 0 && failed == notStarted ? "not started" : "failing";
        }
    }

    /** The table's rows: one per lesson of the run, then the total. */
    static List<Row> rows(Gradebook book) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Lesson, Gradebook.LessonTotals> e : book.byLesson().entrySet()) {
            Lesson lesson = e.getKey();
            Gradebook.LessonTotals t = e.getValue();
            rows.add(new Row(lesson, lesson.number() + " " + lesson.title(), t.earned() + "/" + t.possible(),
                    t.passed(), t.failed() + t.notStarted(), t.notStarted()));
        }
        long notStarted = count(book, Outcome.NOT_STARTED);
        rows.add(new Row(null, "total", book.score() + "/" + book.maxScore(), count(book, Outcome.PASSED),
                count(book, Outcome.FAILED) + notStarted, notStarted));
        return rows;
    }

    /** The failed tests to fix, in lesson order: not blocked by another method's failure; none if the submission was refused. */
    static List<GradedTest> failedOnTheirOwn(Gradebook book) {
        return book.refused() ? List.of() : book.failed().stream().filter(t -> t.blockedBy().isEmpty()).toList();
    }

    /** The failed tests blocked by another method's failing test (of this lesson or an earlier one); none if refused. */
    static List<GradedTest> blocked(Gradebook book) {
        return book.refused() ? List.of() : book.failed().stream().filter(t -> !t.blockedBy().isEmpty()).toList();
    }

    /**
     * Every stub left, by lesson: those of the lessons in this run (read from the library, so also
     * the ones no test reached), then those of other lessons that this run's tests needed.
     */
    static String notStarted(Gradebook book) {
        Map<Integer, Set<String>> byLesson = new TreeMap<>();
        Set<Integer> inRun = book.byLesson().keySet().stream().map(Lesson::number).collect(Collectors.toSet());
        book.stubs().forEach((lesson, stubs) -> {
            if (inRun.contains(lesson)) {
                byLesson.computeIfAbsent(lesson, k -> new LinkedHashSet<>()).addAll(stubs);
            }
        });
        for (GradedTest t : book.graded()) {
            if (t.outcome() == Outcome.NOT_STARTED && !t.stub().isEmpty()) {
                int lesson = lessonOf(book, t);
                byLesson.computeIfAbsent(lesson, k -> new LinkedHashSet<>()).add(t.stub());
            }
        }
        if (byLesson.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("\nnot started:\n");
        byLesson.forEach((lesson, stubs) -> s.append("- lesson ").append(lesson)
                .append(inRun.contains(lesson) ? "" : " (needed by this run's tests)").append(": ")
                .append(String.join(", ", stubs)).append('\n'));
        return s.toString();
    }

    /** The lesson of the stub a test stopped at: its own, or the earlier one the message names. */
    private static int lessonOf(Gradebook book, GradedTest t) {
        for (Map.Entry<Integer, List<String>> e : book.stubs().entrySet()) {
            if (e.getValue().contains(t.stub())) {
                return e.getKey();
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Lesson (\\d+)").matcher(t.message());
        return m.find() ? Integer.parseInt(m.group(1)) : t.lesson().number();
    }

    static long count(Gradebook book, Outcome outcome) {
        return book.graded().stream().filter(t -> t.outcome() == outcome).count();
    }

    static String nextLine(GradedTest t) {
        String book = "book: " + t.lesson().bookPage();
        if (t.outcome() == Outcome.NOT_STARTED) {
            return "next: " + t.stub() + " (lesson " + t.lesson().number() + ")"
                    + (t.stubHint().isEmpty() ? "" : " - " + t.stubHint()) + (t.stubHint().contains("book: ") ? "" : "; " + book);
        }
        return "next: fix " + t.name() + " (lesson " + t.lesson().number() + ")"
                + (t.hint().isEmpty() ? "" : " - " + t.hint()) + "; " + book
                + "\n      " + t.rerunCommand();
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }
}
