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
    private String blockedBy = "";        // "Lesson 1: SigmoidBCE" if an earlier lesson's failing code is in the way

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

    public int points() {
        return points;
    }

    public int earned() {
        return outcome == Outcome.PASSED ? points : 0;
    }

    public String hint() {
        return hint;
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

    /** The earlier lessons' failing classes this failed test reaches, or "" (see {@link Prerequisites}). */
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
