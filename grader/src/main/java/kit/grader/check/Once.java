package kit.grader.check;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A computation done at most once: by the first thread that asks for its result, or by a
 * background thread it was handed to first. Every caller gets the same result, or the same
 * exception the computation threw; a caller that asks while another thread computes it waits.
 * Tests use it to train two models at a time: each computation must depend on nothing another one
 * changes (its own seeded generator, its own model), so that it gives the same result, bit for
 * bit, on any thread.
 */
public final class Once<T> {
    private final FutureTask<T> task;

    public Once(Callable<T> work) {
        this.task = new FutureTask<>(work);
    }

    /**
     * Computes {@code onces} in the order given on a new daemon thread, {@code grader-trains-in-background},
     * if this machine has more than one processor (on one, each is computed when first asked for);
     * one that a caller has started meanwhile is left to that caller.
     */
    public static void inBackground(Once<?>... onces) {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Thread thread = new Thread(() -> {
            for (Once<?> once : onces) {
                once.task.run();
            }
        }, "grader-trains-in-background");
        thread.setDaemon(true);
        thread.start();
    }

    /** The result: computed on this thread if nothing started it, else waited for. */
    public T get() {
        task.run();   // does nothing if it has run, or is running on another thread
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a computation on another thread", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();   // thrown again as it was, as if this caller had computed it
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
