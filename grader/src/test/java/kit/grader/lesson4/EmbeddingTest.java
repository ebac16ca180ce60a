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

import kit.core.Pass;
import kit.grader.check.Contract;
import kit.grader.check.GradientCheck;
import kit.grader.check.LayerGradients;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson1.Linear;
import kit.lesson4.Embedding;

@Tag("lesson4")
@Order(1)
@DisplayName("Embedding")
class EmbeddingTest {
    /** The window with forced repeats: token 2 in three slots, token 0 in one; tokens 1, 3 and 4 unused. */
    static final int[] REPEATS = {2, 0, 2, 2};

    /** V = 3 tokens in d = 2 numbers: E = [[1, 2], [3, 4], [-1, 0.5]]. */
    static Embedding handSet() {
        Embedding embedding = new Embedding(3, 2, new Random(0));
        double[][] e = embedding.table();
        e[0][0] = 1;  e[0][1] = 2;
        e[1][0] = 3;  e[1][1] = 4;
        e[2][0] = -1; e[2][1] = 0.5;
        return embedding;
    }

    /** V = 5, d = 3, on the window {@link #REPEATS}, projected by a seeded dL/dy. */
    static LayerGradients<double[][], double[][]> check() {
        long seed = Seeds.seed(41);
        return GradientCheck.ofLayer("Embedding(V = 5, d = 3) on ids [2, 0, 2, 2]",
                Windows.randomEmbedding(5, 3, seed), Windows.oneHot(5, REPEATS), seed);
    }

    /** dL/dE after {@code backward(x, g)} at the window {@code ids}, called directly. */
    static double[][] tableGradient(Embedding embedding, int[] ids, double[][] g) {
        embedding.backward(Windows.oneHot(embedding.table().length, ids), g);
        double[][] dE = new double[embedding.table().length][];
        for (int v = 0; v < dE.length; v++) {
            dE[v] = embedding.parameters().get(0).grad(v).clone();
        }
        return dE;
    }

    @Nested
    @Order(1)
    @DisplayName("forward")
    class Forward {
        @Test
        @Order(1)
        @Points(2)
        @Hint("y[t] = sum over v of x[t][v] * E[v]: for a one-hot row, row v of the table; y is T x d")
        void looks_up_one_row_of_the_table_per_token_on_a_case_you_can_check_by_hand() {
            // given E = [[1, 2], [3, 4], [-1, 0.5]] and the window of ids 2, 0, 2, 1
            double[][] y = handSet().forward(Windows.oneHot(3, 2, 0, 2, 1)).output();
            // then the rows are E[2], E[0], E[2], E[1]
            assertThat(y).as("the embedded window (T x d)").hasDimensions(4, 2);
            assertThat(y[0]).as("slot 0 (token 2)").containsExactly(-1, 0.5);
            assertThat(y[1]).as("slot 1 (token 0)").containsExactly(1, 2);
            assertThat(y[2]).as("slot 2 (token 2)").containsExactly(-1, 0.5);
            assertThat(y[3]).as("slot 3 (token 1)").containsExactly(3, 4);
        }

        @Test
        @Order(2)
        @Points(1)
        @Hint("the embedding is the bias-free linear layer y = W x with W = E^T: compute sum over v of x[t][v] * E[v]")
        void equals_a_bias_free_linear_layer_on_the_one_hot_rows() {
            long seed = Seeds.seed(42);
            Embedding embedding = Windows.randomEmbedding(5, 3, seed);
            Linear linear = asLinear(embedding);
            double[][] x = Windows.oneHot(5, 4, 1, 1, 3, 0, 2);
            double[][] y = embedding.forward(x).output();
            for (int t = 0; t < x.length; t++) {
                assertThat(y[t]).as("slot %d: the embedding against Linear(5 -> 3) with W = E^T and b = 0", t)
                        .containsExactly(linear.forward(x[t]).output(), within(1e-12));
            }
        }
    }

    @Nested
    @Order(2)
    @DisplayName("backward")
    class Backward {
        @Test
        @Order(1)
        @Points(2)
        @Hint("dE[v] += x[t][v] * g[t]: add each slot's gradient into the row it looked up; a token in three slots "
                + "collects three slices")
        void dE_matches_the_numeric_gradient_on_a_window_with_repeated_tokens() {
            Backprops.EMBEDDING.require();
            assertThatGradient(check().parameter("E")).matchesNumeric();
        }

        @Test
        @Order(2)
        @Points(1)
        @Hint("dL/dx[t][v] = E[v] . g[t] for every v, not only the looked-up one: the derivative of x -> x E")
        void dx_matches_the_numeric_gradient() {
            Backprops.EMBEDDING.require();
            assertThatGradient(check().input()).matchesNumeric();
        }

        @Test
        @Order(3)
        @Points(1)
        @Hint("only rows that some slot looked up get a gradient: for one-hot x, add g[t] into row id(t) and nowhere else")
        void rows_never_looked_up_get_exactly_zero() {
            Backprops.EMBEDDING.require();
            long seed = Seeds.seed(43);
            Embedding embedding = Windows.randomEmbedding(5, 3, seed);
            double[][] dE = tableGradient(embedding, REPEATS, Windows.random(4, 3, new Random(seed)));
            for (int v : new int[] {1, 3, 4}) {
                assertThat(dE[v]).as("dL/dE[%d]: token %d is not in the window [2, 0, 2, 2]", v, v)
                        .containsOnly(0.0);
            }
            assertThat(dE[2]).as("dL/dE[2]: token 2 is in the window").isNotEqualTo(new double[3]);
        }

        @Test
        @Order(4)
        @Points(2)
        @Hint("a token used in several slots gets the sum of their gradients: dE[v] += g[t] for each slot t, never =")
        void a_window_of_one_repeated_token_gives_its_row_exactly_the_sum_of_the_slices() {
            Backprops.EMBEDDING.require();
            long seed = Seeds.seed(44);
            Embedding embedding = Windows.randomEmbedding(5, 3, seed);
            double[][] g = Windows.random(4, 3, new Random(seed));
            double[][] dE = tableGradient(embedding, new int[] {2, 2, 2, 2}, g);
            double[] sum = new double[3];
            for (double[] slice : g) {
                for (int j = 0; j < 3; j++) {
                    sum[j] += slice[j];
                }
            }
            assertThat(dE[2]).as("dL/dE[2] for the window [2, 2, 2, 2]: the sum of the four slices of dL/dy")
                    .containsExactly(sum, within(1e-12));
            for (int v : new int[] {0, 1, 3, 4}) {
                assertThat(dE[v]).as("dL/dE[%d]", v).containsOnly(0.0);
            }
        }

        @Test
        @Order(5)
        @Points(1)
        @Hint("the table gradient is Linear's dW = g x^T laid out as E (V x d), and dx is Linear's W^T g")
        void gives_the_gradients_of_a_bias_free_linear_layer_on_the_one_hot_rows() {
            Backprops.EMBEDDING.require();
            // given an embedding and the equivalent Linear(5 -> 3), W = E^T, b = 0
            long seed = Seeds.seed(45);
            Embedding embedding = Windows.randomEmbedding(5, 3, seed);
            Linear linear = asLinear(embedding);
            double[][] x = Windows.oneHot(5, REPEATS);
            double[][] g = Windows.random(4, 3, new Random(seed));
            // when the same dL/dy goes back through both, row by row for the Linear layer
            double[][] dx = embedding.backward(x, g);
            for (int t = 0; t < x.length; t++) {
                double[] linearDx = linear.backward(x[t], g[t]);
                assertThat(dx[t]).as("dL/dx[%d] against Linear's W^T g", t).containsExactly(linearDx, within(1e-12));
            }
            // then dL/dE[v][j] = dL/dW[j][v]
            for (int v = 0; v < 5; v++) {
                double[] dE = embedding.parameters().get(0).grad(v);
                for (int j = 0; j < 3; j++) {
                    assertThat(dE[j]).as("dL/dE[%d][%d] against Linear's dL/dW[%d][%d]", v, j, j, v)
                            .isCloseTo(linear.parameters().get(0).grad(j)[v], within(1e-12));
                }
            }
        }

        @Test
        @Order(6)
        @Points(1)
        @Hint("add into dE (+=), never overwrite; backward(x, g) reads the window it is given, not the last one looked up")
        void two_passes_alive_at_once_add_up_their_table_gradients() {
            Backprops.EMBEDDING.require();
            double[][] g = {{1, -2}, {0.5, 3}};
            Embedding embedding = handSet();
            // given two windows looked up before either goes back
            Pass<double[][], double[][]> first = embedding.forward(Windows.oneHot(3, 1, 2));
            Pass<double[][], double[][]> second = embedding.forward(Windows.oneHot(3, 1, 1));
            // when they go back in reverse order
            second.backward(g);
            first.backward(g);
            // row 1: g[0] from the first window, g[0] + g[1] from the second; row 2: g[1] from the first
            assertThat(embedding.parameters().get(0).grad(1)).as("dL/dE[1] after two windows")
                    .containsExactly(new double[] {2.5, -1}, within(1e-12));
            assertThat(embedding.parameters().get(0).grad(2)).as("dL/dE[2] after two windows")
                    .containsExactly(new double[] {0.5, 3}, within(1e-12));
            assertThat(embedding.parameters().get(0).grad(0)).as("dL/dE[0]").containsOnly(0.0);
        }
    }

    @Nested
    @Order(3)
    @DisplayName("contract")
    class KeepsTheContract {
        @Test
        @Order(1)
        @Points(1)
        @Hint("lookup must return a new array and never write into x or into the table")
        void lookup_leaves_its_input_and_the_table_untouched_and_returns_a_new_array() {
            Contract.assertForward("Embedding", "lookup", Windows.randomEmbedding(5, 3, Seeds.seed(41)),
                    Windows.oneHot(5, REPEATS));
        }

        @Test
        @Order(2)
        @Points(1)
        @Hint("backward must return a new dL/dx and never write into x or g")
        void backward_leaves_dL_dy_untouched_and_returns_a_new_array() {
            Contract.assertBackward("Embedding", "backward", Windows.randomEmbedding(5, 3, Seeds.seed(41)),
                    Windows.oneHot(5, REPEATS), Seeds.seed(41));
        }
    }

    /** The bias-free {@code Linear(V -> d)} with {@code W = E^T}. */
    static Linear asLinear(Embedding embedding) {
        double[][] e = embedding.table();
        Linear linear = new Linear(e.length, e[0].length, new Random(0));
        for (int j = 0; j < e[0].length; j++) {
            for (int v = 0; v < e.length; v++) {
                linear.weights()[j][v] = e[v][j];
            }
            linear.bias()[j] = 0;
        }
        return linear;
    }
}
