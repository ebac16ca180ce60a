package kit.grader.scoring;

/**
 * One unit of a run: a test method with its points (a parameterised method counts once, passing
 * only if every case passes), or a test worth nothing (the kit's own checks: lesson null).
 */
public final class GradedTest {
    private final Lesson lesson;          // null for a test worth no points
    private final String name;            // "Linear > backward > dW matches the numeric gradient"
    private final String testClass;       // binary name without package, e.g. LinearTest$Backward
    private final String method;
    private final int points;
    private final String hint;            // "" if none
    private Outcome outcome;              // null until known
    private String message = "";
    private String stub = "";             // for NOT_STARTED: the stub's Class.method
    private String stubHint = "";
    private String blockedBy = "";        // "Lesson 1: SigmoidBCE" or "Attention.backward": failing code it uses is in the way
    private boolean equationShown = true; // the course's hint level shows a failure's key equation

    GradedTest(Lesson lesson, String name, String testClass, String method, int points, String hint) {
        this.lesson = lesson;
        this.name = name;
        this.testClass = testClass;
        this.method = method;
        this.points = points;
        this.hint = hint;
    }

    public Lesson lesson() {
        return lesson;
    }

    public String name() {
        return name;
    }

    /** The test class's binary name without its package, e.g. {@code LinearTest$Backward}. */
    public String testClass() {
        return testClass;
    }

    /** The test method's name. */
    public String method() {
        return method;
    }

    public int points() {
        return points;
    }

    public int earned() {
        return outcome == Outcome.PASSED ? points : 0;
    }

    /**
     * The key equation shown under this test's failure: "" when the course's hint level is
     * {@code book}, or when the test is blocked (its failure is another method's, whose own test
     * shows the hint that helps).
     */
    public String hint() {
        return equationShown && blockedBy.isEmpty() ? hint : "";
    }

    void showEquation(boolean shown) {
        equationShown = shown;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String message() {
        return message;
    }

    public String stub() {
        return stub;
    }

    public String stubHint() {
        return stubHint;
    }

    /** The failing code this failed test reaches, "Lesson 1: SigmoidBCE" or "Attention.backward", or "" (see {@link Prerequisites}). */
    public String blockedBy() {
        return blockedBy;
    }

    void markBlocked(String by) {
        blockedBy = by;
    }

    /** The command that reruns this test alone. */
    public String rerunCommand() {
        return "./mvnw test -Dtest='" + testClass + "#" + method + "'";
    }

    /** Records a result; a failure is never overwritten by a later pass of another case. */
    void record(Outcome newOutcome, String newMessage) {
        if (outcome == Outcome.FAILED || (outcome == Outcome.NOT_STARTED && newOutcome == Outcome.PASSED)) {
            return;
        }
        outcome = newOutcome;
        message = newMessage;
    }

    /** Not started after all, whatever was recorded: {@code stubMethod} was found still running (or out of memory) here. */
    void notStartedAfterAll(String stubMethod, String newMessage) {
        outcome = Outcome.NOT_STARTED;
        message = newMessage;
        stub = stubMethod;
        stubHint = "";
    }

    void markNotStarted(String stubMethod, String hintOfStub, String newMessage) {
        record(Outcome.NOT_STARTED, newMessage);
        if (outcome == Outcome.NOT_STARTED && stub.isEmpty()) {
            stub = stubMethod;
            stubHint = hintOfStub;
        }
    }
}
