package kit.grader.scoring;

import kit.core.NotImplementedYet;

/**
 * Turns a test's throwable into what a student should read: a stub's hint, or one clear message.
 * What it reads from a library class (a student's exception may override {@code getMessage},
 * {@code getCause} or {@code getStackTrace}) it reads through {@link LibraryCalls}, bounded in time;
 * the type comes from the JVM ({@code getClass}), never from the exception's {@code toString}.
 */
final class Failures {
    private static final int MESSAGE_LIMIT = 1500;

    private Failures() {
    }

    record NotStarted(int lesson, String method, String hint, String message) {
    }

    /** The stub behind a failure, if a {@code NotImplementedYet} is among its causes. */
    static NotStarted notStarted(Throwable t) {
        for (Throwable c : LibraryCalls.causes(t)) {
            if (c instanceof NotImplementedYet stub) {
                return new NotStarted(LibraryCalls.call(stub, "lesson", stub::lesson, 0),
                        LibraryCalls.call(stub, "method", stub::method, "?"),
                        LibraryCalls.call(stub, "hint", stub::hint, ""),
                        String.valueOf(LibraryCalls.message(stub)));
            }
        }
        return null;
    }

    /** An assertion's message, or an exception's type, message and the line of library code that threw it. */
    static String describe(Throwable t) {
        if (t == null) {
            return "failed without an exception";
        }
        if (t instanceof LibraryExceptions.Thrown && t.getCause() != null) {
            t = t.getCause();
        }
        String message = LibraryCalls.message(t);
        String text;
        if (t instanceof AssertionError && !LibraryCalls.isLibrary(t.getClass().getName())) {
            text = String.valueOf(message).strip();
        } else {
            text = typeOf(t) + (message == null ? "" : ": " + message);
            if (LibraryCalls.stuck() != null) {
                text += " (reading this exception ran library code that did not return within "
                        + LibraryCalls.LIMIT_MS / 1000 + " s)";
            }
            if (t instanceof java.util.concurrent.TimeoutException) {
                text += " (a loop that never ends, or far more work than the method needs?)";
            }
            for (StackTraceElement frame : LibraryCalls.stackTrace(t)) {
                if (LibraryCalls.isLibrary(frame.getClassName())) {
                    text += "\n  at " + frame;
                    break;
                }
            }
        }
        return text.length() <= MESSAGE_LIMIT ? text : text.substring(0, MESSAGE_LIMIT) + " ...";
    }

    /** The exception's class as the JVM names it: "IllegalStateException", a local class by its own name. */
    static String typeOf(Throwable t) {
        Class<?> type = t.getClass();
        return type.getSimpleName().isEmpty() ? type.getName().substring(type.getName().lastIndexOf('.') + 1)
                : type.getSimpleName();
    }
}
