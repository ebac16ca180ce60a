package kit.grader.lesson3;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

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
import kit.lesson3.Flatten;

@Tag("lesson3")
@Order(4)
@DisplayName("Flatten")
class FlattenTest {

    @Test
    @Order(1)
    @Points(1)
    @Hint("channel by channel, row by row: y[(c * H + i) * W + j] = x[c][i][j]")
    void forward_lays_the_maps_out_channel_by_channel_and_row_by_row() {
        double[] y = new Flatten().flatten(Grids.image("""
                 1  2  3
                 4  5  6
                """, """
                 7  8  9
                10 11 12
                """));
        assertThat(y).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    @Order(2)
    @Points(1)
    @Hint("backward puts each g[(c * H + i) * W + j] back at [c][i][j] in a new C x H x W array")
    void dx_matches_the_numeric_gradient() {
        Backprops.FLATTEN.require();
        long seed = Seeds.seed(33);
        LayerGradients<double[][][], double[]> check = GradientCheck.ofLayer("Flatten", new Flatten(),
                Grids.random(2, 3, 4, new Random(seed)), seed);
        assertThatGradient(check.input()).matchesNumeric();
    }

    @Test
    @Order(3)
    @Points(1)
    @Hint("flatten must return a new array and never write into x")
    void flatten_leaves_its_input_untouched_and_returns_a_new_array() {
        Contract.assertForward("Flatten", "flatten", new Flatten(), Grids.random(2, 3, 4, new Random(Seeds.seed(33))));
    }

    @Test
    @Order(4)
    @Points(1)
    @Hint("unflatten must return a new array and never write into x or g")
    void unflatten_leaves_dL_dy_untouched_and_returns_a_new_array() {
        Contract.assertBackward("Flatten", "unflatten", new Flatten(), Grids.random(2, 3, 4, new Random(Seeds.seed(33))), Seeds.seed(33));
    }
}
