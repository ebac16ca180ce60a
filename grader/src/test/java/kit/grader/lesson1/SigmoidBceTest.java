package kit.grader.lesson1;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.Contract;
import kit.grader.check.GradientCheck;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson1.SigmoidBCE;

@Tag("lesson1")
@Order(4)
@DisplayName("SigmoidBCE")
class SigmoidBceTest {
    private final SigmoidBCE loss = new SigmoidBCE();

    @Test
    @Order(1)
    @Points(1)
    @Hint("SigmoidBCE.sigmoid: 1 / (1 + exp(-z)); for z < 0 use exp(z) / (1 + exp(z)) so nothing overflows")
    void predict_is_the_sigmoid_and_stays_in_0_1_for_huge_logits() {
        double[] p = loss.predict(new double[] {-1000, -2, 0, 2, 1000});
        assertThat(p).containsExactly(new double[] {0, 1 / (1 + Math.exp(2)), 0.5, 1 / (1 + Math.exp(-2)), 1},
                within(1e-12));
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("L = sum of max(z, 0) + log1p(exp(-|z|)) - y z: never take log of a probability that can round to 0")
    void value_is_the_binary_cross_entropy_and_finite_for_huge_logits() {
        // log 2 for z = 0; log(1 + e^-3) for a right answer with z = 3; 1000 for a confident wrong answer
        assertThat(loss.value(new double[] {0}, new double[] {1})).isCloseTo(Math.log(2), within(1e-12));
        assertThat(loss.value(new double[] {3}, new double[] {1})).isCloseTo(Math.log1p(Math.exp(-3)), within(1e-12));
        assertThat(loss.value(new double[] {-3}, new double[] {1})).isCloseTo(3 + Math.log1p(Math.exp(-3)), within(1e-12));
        assertThat(loss.value(new double[] {1000}, new double[] {0})).isCloseTo(1000, within(1e-9));
        assertThat(loss.value(new double[] {-1000}, new double[] {0})).isCloseTo(0, within(1e-12));
        assertThat(loss.value(new double[] {2, -1}, new double[] {1, 0}))
                .as("summed over outputs")
                .isCloseTo(Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(-1)), within(1e-12));
    }

    @Test
    @Order(2)
    @Points(1)
    @Hint("L = max(z, 0) - y z + log1p(exp(-|z|)): subtract the large terms first; softplus(z) - y z cancels at z = 30, y = 1")
    void value_is_exact_where_softplus_minus_z_would_cancel() {
        for (double z : new double[] {30, 40}) {
            // the loss of a right answer at |z|: log1p(e^-|z|), about 1e-13 and 4e-18
            double exact = Math.log1p(Math.exp(-z));
            assertThat(loss.value(new double[] {z}, new double[] {1})).as("z = %s, y = 1", z)
                    .isCloseTo(exact, within(1e-12 * exact));
            assertThat(loss.value(new double[] {-z}, new double[] {0})).as("z = -%s, y = 0", z)
                    .isCloseTo(exact, within(1e-12 * exact));
            assertThat(loss.value(new double[] {z}, new double[] {0})).as("z = %s, y = 0", z)
                    .isCloseTo(z + exact, within(1e-12 * z));
        }
    }

    @Test
    @Order(2)
    @Points(1)
    @Hint("SigmoidBCE.softplus: log(1 + e^z) = max(z, 0) + log1p(exp(-|z|)), so exp never sees a large argument")
    void softplus_is_log_1_plus_e_to_the_z_and_finite_for_huge_logits() {
        assertThat(SigmoidBCE.softplus(0)).isCloseTo(Math.log(2), within(1e-15));
        assertThat(SigmoidBCE.softplus(-3)).isCloseTo(Math.log1p(Math.exp(-3)), within(1e-15));
        assertThat(SigmoidBCE.softplus(3)).isCloseTo(3 + Math.log1p(Math.exp(-3)), within(1e-14));
        assertThat(SigmoidBCE.softplus(1000)).isEqualTo(1000);
        assertThat(SigmoidBCE.softplus(-40)).isCloseTo(Math.exp(-40), within(1e-12 * Math.exp(-40)));
        assertThat(SigmoidBCE.softplus(-1000)).isEqualTo(0);
    }

    @Test
    @Order(3)
    @Points(2)
    @Hint("dL/dz = sigmoid(z) - y")
    void gradient_matches_the_numeric_gradient() {
        Backprops.SIGMOID_BCE.require();
        assertThatGradient(GradientCheck.ofLoss("SigmoidBCE", loss, new double[] {-4, -0.5, 0.2, 3},
                new double[] {1, 0, 1, 0}, Seeds.seed(4))).matchesNumeric();
    }

    @Test
    @Order(4)
    @Points(1)
    @Hint("dL/dz = sigmoid(z) - y exactly, also at z = +-1000 where it must be 0 or -1, never NaN")
    void gradient_is_prediction_minus_target_even_at_huge_logits() {
        Backprops.SIGMOID_BCE.require();
        double[] z = {-1000, -1000, 1000, 1000};
        double[] y = {0, 1, 0, 1};
        assertThat(loss.gradient(z, y)).containsExactly(0, -1, 1, 0);
    }

    @Test
    @Order(5)
    @Points(1)
    @Hint("value, gradient and predict must never write into the logits or the target, and must return new arrays (predict too: never the logits themselves)")
    void value_gradient_and_predict_leave_the_logits_untouched_and_return_new_arrays() {
        Contract.assertLoss("SigmoidBCE", new SigmoidBCE(), new double[] {-1.5, 0.2, 3}, new double[] {1, 0, 1});
    }
}
