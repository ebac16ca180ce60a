package kit.grader.report;

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

    private ConsoleTable() {
    }

    static String render(Gradebook book) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(ROW, "lesson", "points", "passed", "failed", "(not started)"));
        for (Map.Entry<Lesson, Gradebook.LessonTotals> e : book.byLesson().entrySet()) {
            Lesson lesson = e.getKey();
            Gradebook.LessonTotals t = e.getValue();
            s.append(String.format(ROW, lesson.number() + " " + lesson.title(), t.earned() + "/" + t.possible(),
                    t.passed(), t.failed() + t.notStarted(), "(" + t.notStarted() + ")"));
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
