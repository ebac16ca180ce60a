package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.SeedBudget;
import kit.grader.check.Seeds;

/** {@link SeedBudget}'s seeds prepared ahead: the same outcome as one seed after another, in order. */
@Tag("selfcheck")
@DisplayName("Kit: a seed budget prepared ahead on two threads")
class SeedBudgetTest {

    /** A stand-in for a training: a long walk drawn from the seed's own generator. */
    static double walk(long seed) {
        Random rng = new Random(seed);
        double x = 0;
        for (int i = 0; i < 200_000; i++) {
            x += rng.nextGaussian();
        }
        return x;
    }

    @Test
    void the_trials_see_each_seeds_own_preparation_in_seed_order_and_fail_the_same_seeds() {
        List<Long> order = new ArrayList<>();
        List<Double> seen = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(6, SeedBudgetTest::walk, (seed, x) -> {
            order.add(seed);
            seen.add(x);
            return x > 0;
        });
        List<Long> expectedFailing = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            long seed = Seeds.seed(k);
            assertThat(order.get(k)).isEqualTo(seed);
            assertThat(seen.get(k)).as("seed %d, prepared on another thread", seed).isEqualTo(walk(seed));
            if (walk(seed) <= 0) {
                expectedFailing.add(seed);
            }
        }
        assertThat(failing).isEqualTo(expectedFailing)
                .isEqualTo(SeedBudget.failingSeeds(6, seed -> walk(seed) > 0));
    }

    @Test
    void a_preparation_that_throws_throws_its_own_exception_at_its_seeds_turn() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Long> tried = new ArrayList<>();
        assertThatThrownBy(() -> SeedBudget.failingSeeds(3, seed -> {
            if (seed == Seeds.seed(1)) {
                throw boom;
            }
            return seed;
        }, (seed, prepared) -> tried.add(prepared))).isSameAs(boom);
        assertThat(tried).containsExactly(Seeds.seed(0));
    }
}
