package kit.grader.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The grader's bookkeeping reads a failure's message, cause and stack after the test's time limit
 * no longer applies. A library class can override those methods, so a call that would run library
 * code runs on a thread of its own and is given {@value #LIMIT_MS} ms; one that does not return
 * leaves its thread behind, and {@link #stuck()} tells the listener to end this JVM once the result
 * is recorded. Methods the JDK, JUnit or the grader declare are called directly. A cause chain is
 * read to at most {@value #MAX_CAUSES} links, each throwable once (a chain may be a cycle, or grow as
 * it is read).
 */
final class LibraryCalls {
    static final long LIMIT_MS = 2000;
    static final int MAX_CAUSES = 16;

    private static volatile Thread stuck;   // a call that did not return, still running

    private LibraryCalls() {
    }

    /** Whether {@code name} is library code: a class the student's tree compiles (not the grader's). */
    static boolean isLibrary(String className) {
        return className.startsWith("kit.") && !className.startsWith("kit.grader.");
    }

    /** The thread of a call that did not return, or null. */
    static Thread stuck() {
        return stuck;
    }

    /**
     * {@code call}'s value, where {@code call} calls the no-argument method {@code method} of
     * {@code target}: directly if a class outside the library declares it, else on a bounded
     * thread. {@code otherwise} if it throws or does not return in time.
     */
    static <T> T call(Object target, String method, Supplier<T> call, T otherwise) {
        boolean trusted;
        try {
            trusted = !isLibrary(target.getClass().getMethod(method).getDeclaringClass().getName());
        } catch (NoSuchMethodException | RuntimeException | LinkageError e) {
            trusted = false;
        }
        if (trusted) {
            try {
                return call.get();
            } catch (RuntimeException | StackOverflowError e) {
                return otherwise;
            }
        }
        if (stuck != null) {
            return otherwise;   // one stuck call is enough: this JVM ends after this result
        }
        FutureTask<T> task = new FutureTask<>(call::get);
        Thread thread = new Thread(task, "grader-reads-" + method);
        thread.setDaemon(true);
        thread.start();
        try {
            T value = task.get(LIMIT_MS, TimeUnit.MILLISECONDS);
            return value == null ? otherwise : value;
        } catch (TimeoutException e) {
            stuck = thread;
            return otherwise;
        } catch (ExecutionException e) {
            return otherwise;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return otherwise;
        }
    }

    /** {@code t} and its causes, each once, at most {@value #MAX_CAUSES}. */
    static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = t; c != null && chain.size() < MAX_CAUSES && seen.add(c); ) {
            chain.add(c);
            Throwable of = c;
            c = call(of, "getCause", of::getCause, null);
        }
        return chain;
    }

    /** {@code t.getMessage()}, or null if it has none (or it did not return). */
    static String message(Throwable t) {
        return call(t, "getMessage", t::getMessage, null);
    }

    /** {@code t.getStackTrace()}, or none. */
    static StackTraceElement[] stackTrace(Throwable t) {
        return call(t, "getStackTrace", t::getStackTrace, new StackTraceElement[0]);
    }
}
