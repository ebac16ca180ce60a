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
import kit.lesson2.MSELoss;

@Tag("lesson2")
@Order(2)
@DisplayName("MSELoss")
class MseLossTest {
    private final MSELoss loss = new MSELoss();

    @Test
    @Order(1)
    @Points(1)
    @Hint("the identity link: the predicted mean is the logit itself (return a copy)")
    void predict_is_the_logit_itself() {
        assertThat(loss.predict(new double[] {1.5, -2, 1000})).containsExactly(1.5, -2, 1000);
    }

    @Test
    @Order(2)
    @Points(1)
    @Hint("L = sum over i of (z[i] - y[i])^2 / 2: keep the 1/2, drop log(2 pi) / 2")
    void value_is_half_the_squared_error_summed_over_outputs() {
        // residuals 1, -3, 0: (1 + 9 + 0) / 2
        assertThat(loss.value(new double[] {1, -2, 0.5}, new double[] {0, 1, 0.5})).isCloseTo(5, within(1e-12));
        assertThat(loss.value(new double[] {1000}, new double[] {-1000})).isCloseTo(2e6, within(1e-6));
    }

    @Test
    @Order(3)
    @Points(1)
    @Hint("dL/dz[i] = z[i] - y[i]")
    void gradient_matches_the_numeric_gradient_also_at_logits_of_1000() {
        Backprops.MSE.require();
        assertThatGradient(GradientCheck.ofLoss("MSELoss", loss, new double[] {0.3, -1.7, 2.2},
                new double[] {1, -1, 0}, Seeds.seed(24))).matchesNumeric();
        for (double z : new double[] {-1000, 1000}) {
            assertThatGradient(GradientCheck.ofLoss("MSELoss", loss, new double[] {z}, new double[] {3},
                    Seeds.seed(24))).matchesNumeric();
        }
    }

    @Test
    @Order(4)
    @Points(1)
    @Hint("value, gradient and predict must never write into the logits or the target, and must return new arrays (predict too: never the logits themselves)")
    void value_gradient_and_predict_leave_the_logits_untouched_and_return_new_arrays() {
        Contract.assertLoss("MSELoss", new MSELoss(), new double[] {-1.5, 0.2, 3}, new double[] {1, 0, 2});
    }
}
