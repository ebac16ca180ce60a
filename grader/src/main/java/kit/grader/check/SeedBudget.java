package kit.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * A statistical claim checked over several seeds: "at least {@code required} of {@code seeds} runs
 * succeed". The failure message lists the seeds that did not, so a run can be reproduced.
 */
public final class SeedBudget {
    /** The most threads that prepare seeds at once. */
    static final int THREADS = 2;

    private SeedBudget() {
    }

    /** A trial of one seed, given what was prepared for it. */
    @FunctionalInterface
    public interface Trial<T> {
        boolean test(long seed, T prepared);
    }

    /** Runs {@code trial} on seeds {@link Seeds#seed}(0 .. seeds-1); returns the failing seeds. */
    public static List<Long> failingSeeds(int seeds, LongPredicate trial) {
        List<Long> failing = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            long seed = Seeds.seed(k);
            if (!trial.test(seed)) {
                failing.add(seed);
            }
        }
        return failing;
    }

    /**
     * Like {@link #failingSeeds(int, LongPredicate)}, with each seed's costly part, {@code prepare}
     * (its training), done ahead for every seed on as many threads as there are processors, at most
     * {@value #THREADS}; then {@code trial} runs on this thread for each seed in order with what was
     * prepared for it, so what the trials print and record is in seed order. A preparation must
     * depend on its seed alone (its own generators, nothing shared that it changes), so that it gives
     * the same result on any thread, bit for bit. One that throws throws here, at its seed's turn.
     */
    public static <T> List<Long> failingSeeds(int seeds, LongFunction<T> prepare, Trial<T> trial) {
        int threads = Math.min(Math.min(THREADS, seeds), Runtime.getRuntime().availableProcessors());
        List<Long> failing = new ArrayList<>();
        if (threads <= 1) {
            for (int k = 0; k < seeds; k++) {
                long seed = Seeds.seed(k);
                if (!trial.test(seed, prepare.apply(seed))) {
                    failing.add(seed);
                }
            }
            return failing;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "grader-prepares-seeds");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> ahead = new ArrayList<>();
            for (int k = 0; k < seeds; k++) {
                long seed = Seeds.seed(k);
                ahead.add(pool.submit(() -> prepare.apply(seed)));
            }
            for (int k = 0; k < seeds; k++) {
                long seed = Seeds.seed(k);
                if (!trial.test(seed, Once.resultOf(ahead.get(k)))) {
                    failing.add(seed);
                }
            }
            return failing;
        } finally {
            pool.shutdownNow();
        }
    }

    public static String describe(String claim, int seeds, int required, List<Long> failing) {
        return String.format(Locale.ROOT, "%s held on %d of %d seeds but must hold on at least %d; failing seeds: %s",
                claim, seeds - failing.size(), seeds, required, failing);
    }
}
