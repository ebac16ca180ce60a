package kit.grader.lesson3;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import kit.lesson3.GlobalAvgPool;

@Tag("lesson3")
@Order(3)
@DisplayName("GlobalAvgPool")
class GlobalAvgPoolTest {

    @Test
    @Order(1)
    @Points(1)
    @Hint("y[c] = the mean of channel c over all H * W positions")
    void forward_averages_each_map_over_every_position() {
        double[] y = new GlobalAvgPool().pool(Grids.image("""
                1  2  3
                4  5  9
                """, """
                -1  0  0
                 0  0  7
                """, """
                 0  0  0
                 0  0  0
                """));
        // (1 + 2 + 3 + 4 + 5 + 9) / 6, (-1 + 7) / 6, 0
        assertThat(y).containsExactly(new double[] {4, 1, 0}, within(1e-12));
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("every position shares equally in the mean: dx[c][i][j] = g[c] / (H * W)")
    void dx_matches_the_numeric_gradient() {
        Backprops.GLOBAL_AVG_POOL.require();
        long seed = Seeds.seed(32);
        LayerGradients<double[][][], double[]> check = GradientCheck.ofLayer("GlobalAvgPool", new GlobalAvgPool(),
                Grids.random(3, 2, 5, new Random(seed)), seed);
        assertThatGradient(check.input()).matchesNumeric();
    }

    @Test
    @Order(3)
    @Points(1)
    @Hint("pool must return a new array and never write into x")
    void pool_leaves_its_input_untouched_and_returns_a_new_array() {
        Contract.assertForward("GlobalAvgPool", "pool", new GlobalAvgPool(), Grids.random(2, 3, 4, new Random(Seeds.seed(32))));
    }

    @Test
    @Order(4)
    @Points(1)
    @Hint("backward must return a new array and never write into x or g")
    void backward_leaves_dL_dy_untouched_and_returns_a_new_array() {
        Contract.assertBackward("GlobalAvgPool", "backward", new GlobalAvgPool(), Grids.random(2, 3, 4, new Random(Seeds.seed(32))), Seeds.seed(32));
    }
}
