package kit.grader.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * A statistical claim checked over several seeds: "at least {@code required} of {@code seeds} runs
 * succeed". The failure message lists the seeds that did not, so a run can be reproduced.
 */
public final class SeedBudget {
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
     * (its training), done two at a time where there are two processors: a background thread
     * ({@link Once#inBackground}) prepares the seeds from the last one back while this thread
     * prepares them from the first one on, each seed once; {@code trial} runs on this thread for each
     * seed in order with what was prepared for it, so what the trials print and record is in seed
     * order. A preparation must depend on its seed alone (its own generators, nothing shared that it
     * changes), so that it gives the same result on either thread, bit for bit. One that throws
     * throws here, at its seed's turn.
     */
    public static <T> List<Long> failingSeeds(int seeds, LongFunction<T> prepare, Trial<T> trial) {
        List<Once<T>> prepared = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            long seed = Seeds.seed(k);
            prepared.add(new Once<>(() -> prepare.apply(seed)));
        }
        List<Once<T>> lastFirst = new ArrayList<>(prepared);
        Collections.reverse(lastFirst);
        Once.inBackground(lastFirst.toArray(Once<?>[]::new));
        Iterator<Once<T>> inOrder = prepared.iterator();   // failingSeeds tries the seeds in order
        return failingSeeds(seeds, seed -> trial.test(seed, inOrder.next().get()));
    }

    public static String describe(String claim, int seeds, int required, List<Long> failing) {
        return String.format(Locale.ROOT, "%s held on %d of %d seeds but must hold on at least %d; failing seeds: %s",
                claim, seeds - failing.size(), seeds, required, failing);
    }
}
