package kit.grader.lesson2;

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
import kit.lesson2.PoissonNLLLoss;

@Tag("lesson2")
@Order(3)
@DisplayName("PoissonNLLLoss")
class PoissonNllLossTest {
    private final PoissonNLLLoss loss = new PoissonNLLLoss();

    @Test
    @Order(1)
    @Points(1)
    @Hint("the log link: the rate is exp(z), positive for every logit")
    void predict_is_the_rate_exp_z() {
        assertThat(loss.predict(new double[] {0, Math.log(3), 2, -1000}))
                .containsExactly(new double[] {1, 3, Math.exp(2), 0}, within(1e-12));
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("L = sum over i of exp(z[i]) - y[i] * z[i]; the log(y!) term does not depend on z and is dropped")
    void value_is_the_rate_minus_the_count_times_the_logit() {
        assertThat(loss.value(new double[] {Math.log(3)}, new double[] {2}))
                .isCloseTo(3 - 2 * Math.log(3), within(1e-12));
        assertThat(loss.value(new double[] {0}, new double[] {0})).as("a rate of 1 and no count")
                .isCloseTo(1, within(1e-12));
        assertThat(loss.value(new double[] {Math.log(3), 0}, new double[] {2, 0})).as("summed over outputs")
                .isCloseTo(4 - 2 * Math.log(3), within(1e-12));
    }

    @Test
    @Order(3)
    @Points(2)
    @Hint("dL/dz[i] = exp(z[i]) - y[i]: the rate minus the count")
    void gradient_matches_the_numeric_gradient() {
        Backprops.POISSON.require();
        assertThatGradient(GradientCheck.ofLoss("PoissonNLLLoss", loss, new double[] {-2.5, -0.4, 0, 0.7, 2.1},
                new double[] {0, 1, 3, 2, 7}, Seeds.seed(25))).matchesNumeric();
    }

    @Test
    @Order(4)
    @Points(1)
    @Hint("exp(-1000) is exactly 0, so L = -y z there; above z = 709 the rate itself overflows, "
            + "so the grader stops at 700")
    void value_and_gradient_stay_finite_and_correct_from_logits_of_minus_1000_to_700() {
        // one logit at a time: in a sum, e^700 would drown the other entry's change in rounding
        double[] low = {-1000};
        double[] high = {700};
        assertThat(loss.value(low, new double[] {3})).isCloseTo(3000, within(1e-9));
        assertThat(loss.value(high, new double[] {1})).isCloseTo(Math.exp(700) - 700, within(1e-12 * Math.exp(700)));
        assertThatGradient(GradientCheck.ofLoss("PoissonNLLLoss", loss, low, new double[] {3}, Seeds.seed(26)))
                .matchesNumeric();
        assertThatGradient(GradientCheck.ofLoss("PoissonNLLLoss", loss, high, new double[] {1}, Seeds.seed(26)))
                .matchesNumeric();
    }

    @Test
    @Order(5)
    @Points(1)
    @Hint("value, gradient and predict must never write into the logits or the target, and must return new arrays (predict too: never the logits themselves)")
    void value_gradient_and_predict_leave_the_logits_untouched_and_return_new_arrays() {
        Contract.assertLoss("PoissonNLLLoss", new PoissonNLLLoss(), new double[] {-1.5, 0.2, 3}, new double[] {1, 0, 2});
    }
}
