package kit.grader.scoring;

import kit.core.NotImplementedYet;

/** Turns a test's throwable into what a student should read: a stub's hint, or one clear message. */
final class Failures {
    private static final int MESSAGE_LIMIT = 1500;

    private Failures() {
    }

    record NotStarted(int lesson, String method, String hint, String message) {
    }

    /** The stub behind a failure, if a {@code NotImplementedYet} is among its causes. */
    static NotStarted notStarted(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof NotImplementedYet stub) {
                return new NotStarted(stub.lesson(), stub.method(), stub.hint(), stub.getMessage());
            }
        }
        return null;
    }

    /** An assertion's message, or an exception's type, message and the line of library code that threw it. */
    static String describe(Throwable t) {
        if (t == null) {
            return "failed without an exception";
        }
        String text;
        if (t instanceof AssertionError) {
            text = String.valueOf(t.getMessage()).strip();
        } else {
            text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            if (t instanceof java.util.concurrent.TimeoutException) {
                text += " (a loop that never ends, or far more work than the method needs?)";
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("kit.") && !frame.getClassName().startsWith("kit.grader.")) {
                    text += "\n  at " + frame;
                    break;
                }
            }
        }
        return text.length() <= MESSAGE_LIMIT ? text : text.substring(0, MESSAGE_LIMIT) + " ...";
    }
}
