package kit.grader.lesson8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Network;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson2.SoftmaxCrossEntropy;
import kit.lesson8.Bandit;
import kit.lesson8.Reinforce;
import kit.lesson8.SoftmaxPolicy;

/**
 * Unbiasedness and variance on a 3-armed bandit, where the estimator has three outcomes and its mean
 * and variance are finite sums. The estimate of dJ/dtheta from one pull of arm {@code a} is minus the
 * gradient {@code Reinforce.update} leaves for the optimiser (the update descends, the estimate
 * ascends): {@code (onehot(a) - p) (r[a] - b)}.
 *
 * <p>The bandit: theta = (0.2, -0.1, 0.4), so p = (0.3376, 0.2501, 0.4123); rewards (1, 0, 0.5);
 * J = p.r = 0.5437; exact gradient p_i (r_i - J) = (0.1540, -0.1360, -0.0180). Total variance: 0.2379
 * without a baseline, 0.0676 with b = p.r, 0.0669 at the best constant b* = 0.5115.
 *
 * <p>Calibration of the sampled check (20,000 pulls, without and with b = p.r): over base seeds 1 to 30
 * of the reference the largest |z| of the six components was at most 2.81 (bar: 4).
 */
@Tag("lesson8")
@Order(4)
@DisplayName("REINFORCE on a bandit (Reinforce, SoftmaxPolicy)")
class BanditTest {
    static final double[] THETA = {0.2, -0.1, 0.4};
    static final double[] REWARDS = {1, 0, 0.5};
    static final double EXACT = 1e-12;

    final double[] p = Recorder.softmax(THETA);
    final double expectedReward = p[0] * REWARDS[0] + p[1] * REWARDS[1] + p[2] * REWARDS[2];
    final Network<double[]> policy = new Network<>(new Bandit(THETA, REWARDS), new SoftmaxCrossEntropy());

    /** The exact gradient of J = sum_a p_a r_a: p_i (r_i - J). */
    double[] exactGradient() {
        double[] g = new double[3];
        for (int i = 0; i < 3; i++) {
            g[i] = p[i] * (REWARDS[i] - expectedReward);
        }
        return g;
    }

    /** The student's estimate from one pull of {@code arm} with baseline {@code b}. */
    double[] estimate(int arm, double b) {
        Recorder recorder = new Recorder();
        Reinforce.update(policy, new double[][] {Bandit.state()}, new int[] {arm}, new double[] {REWARDS[arm] - b},
                recorder);
        double[] g = recorder.last();
        for (int i = 0; i < g.length; i++) {
            g[i] = -g[i];
        }
        return g;
    }

    double[] mean(double b) {
        double[] m = new double[3];
        for (int a = 0; a < 3; a++) {
            double[] g = estimate(a, b);
            for (int i = 0; i < 3; i++) {
                m[i] += p[a] * g[i];
            }
        }
        return m;
    }

    /** Total variance, E||g||^2 - ||E g||^2, by enumerating the three arms. */
    double variance(double b) {
        double second = 0;
        for (int a = 0; a < 3; a++) {
            double[] g = estimate(a, b);
            second += p[a] * (g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
        }
        double[] m = mean(b);
        return second - (m[0] * m[0] + m[1] * m[1] + m[2] * m[2]);
    }

    /** The grader's closed form of the total variance for a constant baseline b. */
    double varianceByFormula(double b) {
        double second = 0;
        for (int a = 0; a < 3; a++) {
            double norm = 0;
            for (int i = 0; i < 3; i++) {
                double e = (i == a ? 1 : 0) - p[i];
                norm += e * e;
            }
            second += p[a] * norm * (REWARDS[a] - b) * (REWARDS[a] - b);
        }
        double[] g = exactGradient();
        return second - (g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
    }

    @Test
    @Order(1)
    @Points(2)
    @Hint("the mean of the update over the three arms, weighted by p, must be the exact gradient p_i (r_i - p.r) "
            + "whatever the constant baseline: check the sign and the weight r[a] - b of each step")
    void the_expected_update_is_the_exact_gradient_with_and_without_a_baseline() {
        for (double b : new double[] {0, expectedReward, -3, 2.5}) {
            assertThat(mean(b)).as("sum over arms of p_a * estimate(a) with baseline %s", b)
                    .containsExactly(exactGradient(), within(EXACT));
        }
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("sample with SoftmaxPolicy.sample and weigh with r[a] - b: 20,000 pulls must average to the exact gradient")
    void the_mean_of_20000_sampled_updates_lies_within_4_standard_errors_of_the_exact_gradient() {
        long seed = Seeds.seed(88);
        Random rng = new Random(seed);
        double[] exact = exactGradient();
        StringBuilder report = new StringBuilder();
        double worst = 0;
        for (double b : new double[] {0, expectedReward}) {
            int n = 20_000;
            double[] sum = new double[3];
            double[] sumSquares = new double[3];
            for (int k = 0; k < n; k++) {
                double[] g = estimate(SoftmaxPolicy.sample(THETA, rng), b);
                for (int i = 0; i < 3; i++) {
                    sum[i] += g[i];
                    sumSquares[i] += g[i] * g[i];
                }
            }
            for (int i = 0; i < 3; i++) {
                double mean = sum[i] / n;
                double se = Math.sqrt((sumSquares[i] / n - mean * mean) / n);
                double z = (mean - exact[i]) / se;
                worst = Math.max(worst, Math.abs(z));
                report.append(String.format(Locale.ROOT, "b = %.4f, component %d: mean %.5f, exact %.5f, z %+.2f%n",
                        b, i, mean, exact[i], z));
            }
        }
        assertThat(worst).as("the largest |z| must be below 4 (seed %d)%n%s", seed, report).isLessThan(4);
    }

    @Test
    @Order(3)
    @Points(1)
    @Hint("with b = p.r the update's total variance must be 0.0676, against 0.2379 without a baseline")
    void a_baseline_of_the_expected_reward_cuts_the_variance_from_0_238_to_0_068() {
        double without = variance(0);
        double with = variance(expectedReward);
        assertThat(without).as("total variance without a baseline").isCloseTo(varianceByFormula(0), within(1e-12));
        assertThat(with).as("total variance with b = p.r").isCloseTo(varianceByFormula(expectedReward), within(1e-12));
        assertThat(with).as("total variance with b = p.r against without").isLessThan(without / 3);
    }

    @Test
    @Order(4)
    @Points(1)
    @Hint("the total variance is a parabola in b; its minimum is at b* = sum p_a ||e_a - p||^2 r_a / sum p_a ||e_a - p||^2")
    void the_variance_is_smallest_at_the_optimal_constant_baseline() {
        double numerator = 0;
        double denominator = 0;
        for (int a = 0; a < 3; a++) {
            double norm = 0;
            for (int i = 0; i < 3; i++) {
                double e = (i == a ? 1 : 0) - p[i];
                norm += e * e;
            }
            numerator += p[a] * norm * REWARDS[a];
            denominator += p[a] * norm;
        }
        double best = numerator / denominator;
        double atBest = variance(best);
        for (double b : new double[] {best - 0.1, best - 0.01, best + 0.01, best + 0.1, expectedReward, 0, 1}) {
            assertThat(atBest).as("total variance at b* = %.4f against b = %.4f", best, b).isLessThan(variance(b));
        }
    }
}
