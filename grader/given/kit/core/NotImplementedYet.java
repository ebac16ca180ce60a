package kit.core;

/**
 * Thrown by every stub in {@code exercises/}: the grader reports the test as "not started" and
 * shows the lesson, the method and the hint, instead of a stack trace.
 */
public final class NotImplementedYet extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    private final int lesson;
    private final String method;
    private final String hint;

    public NotImplementedYet(int lesson, String method, String hint) {
        super("Lesson " + lesson + ": " + method + " is not implemented yet"
                + (hint.isEmpty() ? "" : " (" + hint + ")"));
        this.lesson = lesson;
        this.method = method;
        this.hint = hint;
    }

    public int lesson() {
        return lesson;
    }

    /** {@code Class.method}, for example {@code Linear.forward}. */
    public String method() {
        return method;
    }

    public String hint() {
        return hint;
    }
}
