package kit.grader.lesson1;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;

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
import kit.lesson1.ReLU;

@Tag("lesson1")
@Order(3)
@DisplayName("ReLU")
class ReluTest {

    @Test
    @Order(1)
    @Points(1)
    @Hint("y[i] = max(0, x[i])")
    void forward_zeroes_the_negative_entries() {
        assertThat(ReLU.relu(new double[] {-2, -0.1, 0, 0.1, 3}))
                .containsExactly(0, 0, 0, 0.1, 3);
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("pass dL/dy[i] through where x[i] > 0; 0 elsewhere (0 is also fine at x[i] == 0)")
    void dx_matches_the_numeric_gradient_away_from_the_kink() {
        Backprops.RELU.require();
        // x[2] == 0 sits on the kink: the checker accepts any value there.
        LayerGradients<double[], double[]> check = GradientCheck.ofLayer("ReLU", new ReLU<double[]>(),
                new double[] {-1.5, -0.2, 0, 0.3, 2.2}, Seeds.seed(3));
        assertThatGradient(check.input()).matchesNumeric();
    }

    @Test
    @Order(3)
    @Points(1)
    @Hint("relu must return a new array and never write into x")
    void relu_leaves_its_input_untouched_and_returns_a_new_array() {
        Contract.assertForward("ReLU", "relu", new ReLU<double[]>(), new double[] {-1.5, 0.3, 2.2});
    }

    @Test
    @Order(4)
    @Points(1)
    @Hint("backward must return a new array and never write into x or g")
    void backward_leaves_dL_dy_untouched_and_returns_a_new_array() {
        Contract.assertBackward("ReLU", "backward", new ReLU<double[]>(), new double[] {-1.5, 0.3, 2.2}, Seeds.seed(3));
    }

    @Test
    @Order(5)
    @Points(1)
    @Hint("ReLU works row by row: relu and backward see one row at a time, whatever the rank")
    void works_on_feature_maps_row_by_row() {
        Backprops.RELU.require();
        double[][][] maps = {{{-1, 2}, {3, -4}}, {{0.5, -0.5}, {-2, 1}}};
        LayerGradients<double[][][], double[][][]> check = GradientCheck.ofLayer("ReLU on 2 x 2 x 2 maps",
                new ReLU<double[][][]>(), maps, Seeds.seed(3));
        assertThat(new ReLU<double[][][]>().forward(maps).output())
                .isDeepEqualTo(new double[][][] {{{0, 2}, {3, 0}}, {{0.5, 0}, {0, 1}}});
        assertThatGradient(check.input()).matchesNumeric();
    }
}
