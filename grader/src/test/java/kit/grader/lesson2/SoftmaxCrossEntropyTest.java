package kit.grader.lesson2;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static kit.lesson2.SoftmaxCrossEntropy.oneHot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.Contract;
import kit.grader.check.GradientCheck;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson2.SoftmaxCrossEntropy;

@Tag("lesson2")
@Order(1)
@DisplayName("SoftmaxCrossEntropy")
class SoftmaxCrossEntropyTest {
    /** Logits whose exponentials are 1, 2 and 3: the softmax is 1/6, 2/6, 3/6. */
    static final double[] BY_HAND = {0, Math.log(2), Math.log(3)};
    /** Logits no exponential survives: e^1000 is Infinity, e^-1000 is 0. */
    static final double[] HUGE = {1000, -1000, 0, 999};

    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();

    static double[] randomLogits(int k, long seed) {
        Random rng = new Random(seed);
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = 3 * rng.nextGaussian();
        }
        return z;
    }

    @Test
    @Order(1)
    @Points(1)
    @Hint("p[k] = exp(z[k] - m) / sum over j of exp(z[j] - m), with m = max z")
    void predict_is_the_softmax_on_a_case_you_can_check_by_hand() {
        assertThat(loss.predict(BY_HAND)).containsExactly(new double[] {1 / 6.0, 2 / 6.0, 3 / 6.0}, within(1e-12));
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("L = logSumExp(z) - sum over k of y[k] z[k], which is -log p[c] for a one-hot y; "
            + "logSumExp(z) = m + log(sum over k of exp(z[k] - m))")
    void value_is_minus_the_log_probability_of_the_true_class() {
        assertThat(loss.value(BY_HAND, oneHot(2, 3))).as("-log(3/6)").isCloseTo(Math.log(2), within(1e-12));
        assertThat(loss.value(BY_HAND, oneHot(0, 3))).as("-log(1/6)").isCloseTo(Math.log(6), within(1e-12));
        assertThat(loss.value(BY_HAND, new double[] {0.5, 0, 0.5})).as("a soft label: -(log(1/6) + log(3/6)) / 2")
                .isCloseTo((Math.log(6) + Math.log(2)) / 2, within(1e-12));
    }

    @Test
    @Order(2)
    @Points(1)
    @Hint("SoftmaxCrossEntropy.logSumExp: m + log(sum over k of exp(z[k] - m)) with m = max z")
    void logSumExp_is_log_of_the_sum_of_exponentials_and_finite_at_logits_of_1000() {
        assertThat(SoftmaxCrossEntropy.logSumExp(new double[] {0, 0})).isCloseTo(Math.log(2), within(1e-15));
        assertThat(SoftmaxCrossEntropy.logSumExp(new double[] {1, 2, 3}))
                .isCloseTo(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), within(1e-14));
        assertThat(SoftmaxCrossEntropy.logSumExp(new double[] {1000, 1000})).isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(SoftmaxCrossEntropy.logSumExp(new double[] {-1000, -1001}))
                .isCloseTo(-1000 + Math.log1p(Math.exp(-1)), within(1e-12));
    }

    @Test
    @Order(3)
    @Points(2)
    @Hint("dL/dz[k] = p[k] - y[k]")
    void gradient_matches_the_numeric_gradient() {
        Backprops.SOFTMAX_CROSS_ENTROPY.require();
        long seed = Seeds.seed(21);
        assertThatGradient(GradientCheck.ofLoss("SoftmaxCrossEntropy", loss, randomLogits(5, seed), oneHot(3, 5), seed))
                .matchesNumeric();
    }

    @Test
    @Order(4)
    @Points(1)
    @Hint("never exponentiate a raw logit: exp(1000) is Infinity and exp(-1000) is 0; subtract the largest logit first")
    void value_gradient_and_prediction_stay_finite_and_correct_at_logits_of_1000() {
        // logSumExp = 1000 + log(1 + e^-1 + e^-1000 + e^-2000) = 1000 + log1p(e^-1) in double precision
        double logSumExp = 1000 + Math.log1p(Math.exp(-1));
        assertThat(loss.value(HUGE, oneHot(3, 4))).isCloseTo(logSumExp - 999, within(1e-9));
        assertThat(loss.value(HUGE, oneHot(1, 4))).as("the confidently wrong class")
                .isCloseTo(logSumExp + 1000, within(1e-9));
        double top = 1 / (1 + Math.exp(-1));
        assertThat(loss.predict(HUGE)).containsExactly(new double[] {top, 0, 0, 1 - top}, within(1e-12));
        assertThatGradient(GradientCheck.ofLoss("SoftmaxCrossEntropy", loss, HUGE, oneHot(3, 4), Seeds.seed(22)))
                .matchesNumeric();
    }

    @Test
    @Order(5)
    @Points(1)
    @Hint("softmax(z + c) = softmax(z): logits are log-probabilities only up to a constant; "
            + "with the largest logit subtracted first, a shift of 800 cannot overflow")
    void adding_one_constant_to_every_logit_changes_neither_the_loss_nor_the_prediction() {
        double[] z = randomLogits(4, Seeds.seed(23));
        double[] y = oneHot(1, 4);
        double value = loss.value(z, y);
        double[] p = loss.predict(z);
        for (double c : new double[] {-700, -2.5, 3.25, 800}) {
            double[] shifted = new double[z.length];
            for (int k = 0; k < z.length; k++) {
                shifted[k] = z[k] + c;
            }
            assertThat(loss.value(shifted, y)).as("the loss after adding %s to every logit", c)
                    .isCloseTo(value, within(1e-9));
            assertThat(loss.predict(shifted)).as("the prediction after adding %s to every logit", c)
                    .containsExactly(p, within(1e-12));
        }
    }

    @Test
    @Order(9)
    @Points(1)
    @Hint("value, gradient and predict must never write into the logits or the target, and must return new arrays (predict too: never the logits themselves)")
    void value_gradient_and_predict_leave_the_logits_untouched_and_return_new_arrays() {
        Contract.assertLoss("SoftmaxCrossEntropy", new SoftmaxCrossEntropy(), new double[] {-1.5, 0.2, 3}, new double[] {0, 1, 0});
    }
}
