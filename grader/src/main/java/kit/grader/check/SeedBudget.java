package kit.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongPredicate;

/**
 * A statistical claim checked over several seeds: "at least {@code required} of {@code seeds} runs
 * succeed". The failure message lists the seeds that did not, so a run can be reproduced.
 */
public final class SeedBudget {
    private SeedBudget() {
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

    public static String describe(String claim, int seeds, int required, List<Long> failing) {
        return String.format(Locale.ROOT, "%s held on %d of %d seeds but must hold on at least %d; failing seeds: %s",
                claim, seeds - failing.size(), seeds, required, failing);
    }
}
