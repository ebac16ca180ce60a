package kit.grader.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every graded test of one run, in the order they ran, with the totals the reports print. */
public final class Gradebook {
    private final List<GradedTest> tests;
    private final List<String> ungradedFailures;
    private final double seconds;
    private final String refusal;
    private final List<String> notes;
    private List<Lesson> notAssigned = List.of();
    private Map<Integer, List<String>> stubs = Map.of();   // lesson -> the stubs left in the library

    /**
     * {@code tests} (graded ones) in the order they ran; the book keeps them by lesson, in that
     * order within a lesson. {@code ungradedFailures} are failed tests worth no points (the kit's
     * self-checks) or failures of the grader itself: no grade is final while one fails.
     * {@code refusal}, if not null, is why the submission was refused before any of it ran: the
     * grade is 0. {@code notes} are what grading forgave (a missing file, code that did not compile).
     */
    public Gradebook(List<GradedTest> tests, List<String> ungradedFailures, double seconds, String refusal,
            List<String> notes) {
        List<GradedTest> sorted = new ArrayList<>(tests);
        sorted.sort(Comparator.comparingInt(t -> t.lesson().number()));
        this.tests = List.copyOf(sorted);
        this.ungradedFailures = List.copyOf(ungradedFailures);
        this.seconds = seconds;
        this.refusal = refusal == null || refusal.isBlank() ? null : refusal;
        this.notes = List.copyOf(notes);
    }

    /** This book, with the lessons not assigned yet (shown in the table, not graded). */
    public Gradebook withNotAssigned(List<Lesson> lessons) {
        Gradebook copy = new Gradebook(tests, ungradedFailures, seconds, refusal, notes);
        copy.notAssigned = List.copyOf(lessons);
        return copy;
    }

    /** The lessons the instructor has not assigned yet: listed, not run, worth nothing. */
    public List<Lesson> notAssigned() {
        return notAssigned;
    }

    public List<GradedTest> tests() {
        return tests;
    }

    /** The graded tests (all of {@link #tests()}). */
    public List<GradedTest> graded() {
        return tests;
    }

    /** Why the submission was refused before any of it ran, if it was. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    public boolean refused() {
        return refusal != null;
    }

    /** What grading forgave: a missing or added file, code in a stub's place that did not compile. */
    public List<String> notes() {
        return notes;
    }

    /** The stubs still in the graded library, by lesson ({@link Stubs}); empty until recorded. */
    public Map<Integer, List<String>> stubs() {
        return stubs;
    }

    public void recordStubs(Map<Integer, List<String>> inLibrary) {
        stubs = Map.copyOf(inLibrary);
    }

    public List<String> ungradedFailures() {
        return ungradedFailures;
    }

    public double seconds() {
        return seconds;
    }

    /** Points earned; zero if the submission was refused. */
    public int score() {
        return refused() ? 0 : graded().stream().mapToInt(GradedTest::earned).sum();
    }

    public int maxScore() {
        return graded().stream().mapToInt(GradedTest::points).sum();
    }

    /** Per lesson that had tests in this run, in lesson order. */
    public Map<Lesson, LessonTotals> byLesson() {
        Map<Lesson, LessonTotals> totals = new TreeMap<>();
        for (GradedTest t : graded()) {
            totals.merge(t.lesson(), LessonTotals.of(t), LessonTotals::plus);
        }
        return totals;
    }

    /** Where to go next: the first test, in lesson order, that failed (not blocked) or is not started. */
    public Optional<GradedTest> next() {
        return graded().stream().filter(t -> t.outcome() != Outcome.PASSED && t.blockedBy().isEmpty()).findFirst()
                .or(() -> graded().stream().filter(t -> t.outcome() != Outcome.PASSED).findFirst());
    }

    public List<GradedTest> failed() {
        List<GradedTest> failed = new ArrayList<>();
        for (GradedTest t : tests) {
            if (t.outcome() == Outcome.FAILED) {
                failed.add(t);
            }
        }
        return failed;
    }

    /** Points, passed, failed and not started of one lesson. */
    public record LessonTotals(int earned, int possible, int passed, int failed, int notStarted) {
        static LessonTotals of(GradedTest t) {
            return new LessonTotals(t.earned(), t.points(), t.outcome() == Outcome.PASSED ? 1 : 0,
                    t.outcome() == Outcome.FAILED ? 1 : 0, t.outcome() == Outcome.NOT_STARTED ? 1 : 0);
        }

        LessonTotals plus(LessonTotals o) {
            return new LessonTotals(earned + o.earned, possible + o.possible, passed + o.passed,
                    failed + o.failed, notStarted + o.notStarted);
        }
    }
}
