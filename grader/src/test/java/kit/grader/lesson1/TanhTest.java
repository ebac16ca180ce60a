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
import kit.grader.check.LayerGradients;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson1.Tanh;

@Tag("lesson1")
@Order(2)
@DisplayName("Tanh")
class TanhTest {

    @Test
    @Order(1)
    @Points(1)
    @Hint("y[i] = Math.tanh(x[i]), a new array as long as x")
    void forward_is_tanh_of_each_entry() {
        double[] x = {-30, -1, 0, 0.5, 30};
        double[] expected = {-1, Math.tanh(-1), 0, Math.tanh(0.5), 1};
        assertThat(Tanh.tanh(x)).containsExactly(expected, within(1e-12));
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("dL/dx[i] = dL/dy[i] * (1 - y[i]^2), with y the output of forward (backward receives it as y)")
    void dx_matches_the_numeric_gradient() {
        Backprops.TANH.require();
        LayerGradients<double[], double[]> check = GradientCheck.ofLayer("Tanh", new Tanh<double[]>(),
                new double[] {-2.5, -0.3, 0, 0.4, 1.7}, Seeds.seed(2));
        assertThatGradient(check.input()).matchesNumeric();
    }

    @Test
    @Order(3)
    @Points(1)
    @Hint("tanh must return a new array and never write into x")
    void tanh_leaves_its_input_untouched_and_returns_a_new_array() {
        Contract.assertForward("Tanh", "tanh", new Tanh<double[]>(), new double[] {-2.5, 0.4, 1.7});
    }

    @Test
    @Order(4)
    @Points(1)
    @Hint("backward must return a new array and never write into y or g")
    void backward_leaves_dL_dy_untouched_and_returns_a_new_array() {
        Contract.assertBackward("Tanh", "backward", new Tanh<double[]>(), new double[] {-2.5, 0.4, 1.7}, Seeds.seed(2));
    }
}
