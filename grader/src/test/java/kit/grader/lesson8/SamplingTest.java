package kit.grader.lesson8;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson8.SoftmaxPolicy;

/**
 * Sampling an action. Calibration of the frequency test on the reference: over base seeds 1 to 30 the
 * largest |z| of the five actions was at most 3.25 (bar: 4; a correct sampler fails one run with
 * probability about 3e-4).
 */
@Tag("lesson8")
@Order(1)
@DisplayName("SoftmaxPolicy.sample")
class SamplingTest {
    /** Logits whose exponentials are 1, 2 and 3: the policy is 1/6, 2/6, 3/6. */
    static final double[] BY_HAND = {0, Math.log(2), Math.log(3)};

    /** A generator that hands out one given uniform and refuses everything else. */
    static final class OneUniform implements RandomGenerator {
        private final double u;
        private int draws;

        OneUniform(double u) {
            this.u = u;
        }

        @Override
        public double nextDouble() {
            if (++draws > 1) {
                throw new AssertionError("sample drew a second uniform; one rng.nextDouble() per action is enough");
            }
            return u;
        }

        @Override
        public long nextLong() {
            throw new AssertionError("sample must draw its uniform with rng.nextDouble()");
        }

        /** Not the class's name: library code that prints the generator must not learn which test calls it. */
        @Override
        public String toString() {
            return "a random generator";
        }
    }

    static int sampleAt(double[] logits, double u) {
        return SoftmaxPolicy.sample(logits.clone(), new OneUniform(u));
    }

    @Test
    @Order(1)
    @Points(2)
    @Hint("draw u = rng.nextDouble() once; return the first k with u < p[0] + ... + p[k]")
    void sample_returns_the_first_action_whose_cumulative_probability_exceeds_one_uniform_draw() {
        // cumulative probabilities 1/6, 1/2, 1
        double[] us = {0, 0.1, 0.17, 0.4, 0.51, 0.9, Math.nextDown(1.0)};
        int[] expected = {0, 0, 1, 1, 2, 2, 2};
        for (int i = 0; i < us.length; i++) {
            assertThat(sampleAt(BY_HAND, us[i])).as("the action for u = %s with p = (1/6, 2/6, 3/6)", us[i])
                    .isEqualTo(expected[i]);
        }
        // p = (1/2, 1/6, 1/3): cumulative 1/2, 2/3, 1
        double[] shuffled = {Math.log(3), 0, Math.log(2)};
        assertThat(sampleAt(shuffled, 0.49)).as("u = 0.49 with p = (1/2, 1/6, 1/3)").isEqualTo(0);
        assertThat(sampleAt(shuffled, 0.6)).as("u = 0.6 with p = (1/2, 1/6, 1/3)").isEqualTo(1);
        assertThat(sampleAt(shuffled, 0.7)).as("u = 0.7 with p = (1/2, 1/6, 1/3)").isEqualTo(2);
        double[] logits = BY_HAND.clone();
        SoftmaxPolicy.sample(logits, new OneUniform(0.3));
        assertThat(logits).as("the logits after sample").containsExactly(BY_HAND);
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("the probabilities are softmax(z) (SoftmaxCrossEntropy's predict, with the largest logit subtracted); "
            + "every action k must come up with frequency p[k]")
    void the_frequencies_of_100000_draws_lie_within_4_standard_errors_of_the_softmax() {
        double[] logits = {0.5, -1, 2, 0, 1};
        double[] p = Recorder.softmax(logits);
        int n = 100_000;
        long seed = Seeds.seed(81);
        Random rng = new Random(seed);
        int[] counts = new int[logits.length];
        for (int i = 0; i < n; i++) {
            int a = SoftmaxPolicy.sample(logits, rng);
            assertThat(a).as("an action of a %d-action policy", logits.length).isBetween(0, logits.length - 1);
            counts[a]++;
        }
        List<String> report = new ArrayList<>();
        double worst = 0;
        for (int k = 0; k < p.length; k++) {
            double z = (counts[k] / (double) n - p[k]) / Math.sqrt(p[k] * (1 - p[k]) / n);
            worst = Math.max(worst, Math.abs(z));
            report.add(String.format(Locale.ROOT, "action %d: frequency %.4f, p %.4f, z %+.2f", k,
                    counts[k] / (double) n, p[k], z));
        }
        assertThat(worst).as("the largest |z| over the actions must be below 4 (seed %d)%n%s", seed,
                String.join("\n", report)).isLessThan(4);
    }

    @Test
    @Order(3)
    @Points(1)
    @Hint("skip actions with p[k] = 0; if rounding leaves u at or above p[0] + ... + p[K-1] (the sum can be "
            + "1 - 2e-16), return the last action with p[k] > 0, never simply the last action")
    void an_action_of_probability_0_is_never_drawn() {
        // p = (0.6, 0.2, 0.2, 0): the rounded probabilities sum to 0.9999999999999998 < nextDown(1)
        double[] shortSum = {Math.log(6), Math.log(2), Math.log(2), -1000};
        assertThat(sampleAt(shortSum, Math.nextDown(1.0)))
                .as("u = the largest double below 1 with p = (0.6, 0.2, 0.2, 0): the last action has probability 0")
                .isEqualTo(2);
        double[] gaps = {0, -1000, 0, -1000};
        for (int i = 0; i <= 1000; i++) {
            double u = Math.min(i / 1000.0, Math.nextDown(1.0));
            int a = sampleAt(gaps, u);
            assertThat(a).as("u = %s with p = (1/2, 0, 1/2, 0)", u).isIn(0, 2);
        }
    }
}
