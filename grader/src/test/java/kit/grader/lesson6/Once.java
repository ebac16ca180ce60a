package kit.grader.lesson6;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A computation done at most once: by the first thread that asks for its result, or by a
 * background thread it was handed to first. Every caller gets the same result, or the same
 * exception the computation threw; a caller that asks while another thread computes it waits.
 */
final class Once<T> {
    private final FutureTask<T> task;

    Once(Callable<T> work) {
        this.task = new FutureTask<>(work);
    }

    /**
     * Computes {@code onces} one after another on a new daemon thread, {@code grader-trains-in-background};
     * one that a caller has started meanwhile is left to that caller.
     */
    static void inBackground(Once<?>... onces) {
        Thread thread = new Thread(() -> {
            for (Once<?> once : onces) {
                once.task.run();
            }
        }, "grader-trains-in-background");
        thread.setDaemon(true);
        thread.start();
    }

    /** The result: computed on this thread if nothing started it, else waited for. */
    T get() {
        task.run();   // does nothing if it has run, or is running on another thread
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a computation on another thread", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
