package kit.grader.lesson4;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.Contract;
import kit.grader.check.GradientCheck;
import kit.grader.check.LayerGradients;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson4.Embedding;
import kit.lesson4.WindowConcat;

@Tag("lesson4")
@Order(2)
@DisplayName("WindowConcat")
class WindowConcatTest {

    @Nested
    @Order(1)
    @DisplayName("forward")
    class Forward {
        @Test
        @Order(1)
        @Points(1)
        @Hint("slot after slot, oldest first: y[i * d + j] = x[i][j], so y has length N * d")
        void lays_the_slots_side_by_side_in_order() {
            double[] y = new WindowConcat(3, 2).forward(new double[][] {{1, 2}, {3, 4}, {5, 6}}).output();
            assertThat(y).containsExactly(1, 2, 3, 4, 5, 6);
        }

        @Test
        @Order(2)
        @Points(1)
        @Hint("each slot keeps its own place in y: swapping two different tokens must swap their blocks of d numbers")
        void swapping_two_different_tokens_changes_the_vector_where_a_mean_of_the_rows_would_not() {
            // given an embedding and the windows [0, 1, 2] and [1, 0, 2]
            Embedding embedding = Windows.randomEmbedding(3, 2, Seeds.seed(46));
            WindowConcat concat = new WindowConcat(3, 2);
            double[][] a = embedding.forward(Windows.oneHot(3, 0, 1, 2)).output();
            double[][] b = embedding.forward(Windows.oneHot(3, 1, 0, 2)).output();
            // when
            double[] ya = concat.forward(a).output();
            double[] yb = concat.forward(b).output();
            // then the bag of words (the mean of the rows) cannot tell the windows apart, the concatenation can
            for (int j = 0; j < 2; j++) {
                assertThat((a[0][j] + a[1][j] + a[2][j]) / 3).as("the mean of the rows, entry %d", j)
                        .isCloseTo((b[0][j] + b[1][j] + b[2][j]) / 3, within(1e-12));
            }
            assertThat(ya).as("concat of E[0], E[1], E[2]").isNotEqualTo(yb);
            double[] swapped = {yb[2], yb[3], yb[0], yb[1], yb[4], yb[5]};
            assertThat(ya).as("concat of [0, 1, 2]: the blocks of concat of [1, 0, 2] with slots 0 and 1 swapped")
                    .containsExactly(swapped, within(0.0));
        }
    }

    @Nested
    @Order(2)
    @DisplayName("backward")
    class Backward {
        @Test
        @Order(1)
        @Points(1)
        @Hint("cut g back into N slices of d, in order: dx[i][j] = g[i * d + j], in a new N x d array")
        void cuts_the_gradient_back_into_the_slots_in_order() {
            Backprops.WINDOW_CONCAT.require();
            double[][] dx = new WindowConcat(3, 2).split(new double[] {1, 2, 3, 4, 5, 6});
            assertThat(dx).as("dL/dx (N x d)").hasDimensions(3, 2);
            assertThat(dx[0]).as("slot 0").containsExactly(1, 2);
            assertThat(dx[1]).as("slot 1").containsExactly(3, 4);
            assertThat(dx[2]).as("slot 2").containsExactly(5, 6);
        }

        @Test
        @Order(2)
        @Points(1)
        @Hint("dx[i][j] = g[i * d + j]: the same bookkeeping as forward, in reverse")
        void dx_matches_the_numeric_gradient() {
            Backprops.WINDOW_CONCAT.require();
            long seed = Seeds.seed(47);
            LayerGradients<double[][], double[]> check = GradientCheck.ofLayer("WindowConcat(N = 4, d = 3)",
                    new WindowConcat(4, 3), Windows.random(4, 3, new Random(seed)), seed);
            assertThatGradient(check.input()).matchesNumeric();
        }
    }

    @Nested
    @Order(3)
    @DisplayName("contract")
    class KeepsTheContract {
        @Test
        @Order(1)
        @Points(1)
        @Hint("concat must return a new array and never write into x")
        void concat_leaves_its_input_untouched_and_returns_a_new_array() {
            Contract.assertForward("WindowConcat", "concat", new WindowConcat(4, 3),
                    Windows.random(4, 3, new Random(Seeds.seed(47))));
        }

        @Test
        @Order(2)
        @Points(1)
        @Hint("split must return a new N x d array and never write into g")
        void split_leaves_dL_dy_untouched_and_returns_a_new_array() {
            Contract.assertBackward("WindowConcat", "split", new WindowConcat(4, 3),
                    Windows.random(4, 3, new Random(Seeds.seed(47))), Seeds.seed(47));
        }
    }
}
