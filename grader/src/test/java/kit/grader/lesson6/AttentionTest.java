package kit.grader.lesson6;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import kit.grader.check.Contract;
import kit.grader.check.GradientCheck;
import kit.grader.check.LayerGradients;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson6.Attention;

@Tag("lesson6")
@Order(2)
@DisplayName("Attention")
class AttentionTest {

    /** The three gradient-check cases: T = 5, d = 4; the last one's scores reach about 40 (softmax near one-hot). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no mask", false, 1.0),
                Arguments.of("causal mask", true, 1.0),
                Arguments.of("no mask, large scores", false, 6.0));
    }

    static LayerGradients<double[][], double[][]> check(boolean causal, double scale) {
        long seed = Seeds.seed(causal ? 71 : scale > 1 ? 72 : 73);
        Random rng = new Random(seed);
        Attention attention = new Attention(4, causal, rng);
        randomBiases(attention, rng);
        String name = "Attention(d = 4, " + (causal ? "causal" : "no mask") + ") on 5 x 4, inputs of scale " + scale;
        return GradientCheck.ofLayer(name, attention, Sequences.gaussian(5, 4, scale, rng), seed);
    }

    static void randomBiases(Attention attention, Random rng) {
        for (double[] b : new double[][] {attention.query().bias(), attention.key().bias(), attention.value().bias(),
                attention.output().bias()}) {
            for (int i = 0; i < b.length; i++) {
                b[i] = 0.5 * rng.nextGaussian();
            }
        }
    }

    @Nested
    @Order(1)
    @DisplayName("forward")
    class Forward {
        @Test
        @Order(1)
        @Points(2)
        @Hint("S[i][j] = (q[i] . k[j]) / sqrt(d); each row of A is the softmax of its row of S; with the mask row i "
                + "uses only j <= i and A[i][j] = 0 beyond")
        void weights_are_a_softmax_of_scaled_dot_products_on_a_case_you_can_check_by_hand() {
            // given d = 2, q = [[1, 0], [0, 1]], k = [[1, 0], [0, 2]]: S = [[1, 0], [0, 2]] / sqrt(2)
            double[][] q = {{1, 0}, {0, 1}};
            double[][] k = {{1, 0}, {0, 2}};
            double e = Math.exp(1 / Math.sqrt(2));
            double f = Math.exp(2 / Math.sqrt(2));
            double[][] open = new Attention(2, false, new Random(0)).weights(q, k);
            assertThat(open[0]).as("row 0 without mask").containsExactly(new double[] {e / (e + 1), 1 / (e + 1)}, within(1e-12));
            assertThat(open[1]).as("row 1 without mask").containsExactly(new double[] {1 / (1 + f), f / (1 + f)}, within(1e-12));
            double[][] masked = new Attention(2, true, new Random(0)).weights(q, k);
            assertThat(masked[0]).as("row 0 with the causal mask").containsExactly(1.0, 0.0);
            assertThat(masked[1]).as("row 1 with the causal mask").containsExactly(new double[] {1 / (1 + f), f / (1 + f)}, within(1e-12));
        }

        @Test
        @Order(2)
        @Points(1)
        @Hint("h[i] = sum over j of A[i][j] v[j]: row i of A times the matrix v")
        void mix_averages_the_values_by_the_weights() {
            double[][] h = Attention.mix(new double[][] {{0.25, 0.75}, {1, 0}}, new double[][] {{1, 2, -1}, {3, 4, 1}});
            assertThat(h[0]).containsExactly(new double[] {2.5, 3.5, 0.5}, within(1e-12));
            assertThat(h[1]).containsExactly(new double[] {1, 2, -1}, within(1e-12));
        }

        @Test
        @Order(3)
        @Points(2)
        @Hint("every row of A is a softmax: entries in [0, 1] summing to 1; with the mask, A[i][j] must be exactly 0 "
                + "for j > i (leave those scores out of the softmax rather than adding a large negative number)")
        void every_row_of_weights_sums_to_1_and_masked_weights_are_exactly_0() {
            Random rng = new Random(Seeds.seed(74));
            for (boolean causal : new boolean[] {false, true}) {
                Attention attention = new Attention(4, causal, rng);
                double[][] a = attention.weightsOf(Sequences.gaussian(7, 4, 2.0, rng));
                for (int i = 0; i < 7; i++) {
                    double sum = 0;
                    for (int j = 0; j < 7; j++) {
                        sum += a[i][j];
                        if (causal && j > i) {
                            assertThat(a[i][j]).as("masked weight A[%d][%d]", i, j).isEqualTo(0.0);
                        } else {
                            assertThat(a[i][j]).as("weight A[%d][%d] (%s)", i, j, causal ? "causal" : "no mask").isPositive();
                        }
                    }
                    assertThat(sum).as("row %d of A (%s)", i, causal ? "causal" : "no mask").isCloseTo(1, within(1e-12));
                }
            }
        }

        @Test
        @Order(4)
        @Points(1)
        @Hint("subtract each row's largest score before exp (Lesson 2's stable softmax): exp(800) overflows to Infinity")
        void scores_in_the_hundreds_give_finite_near_one_hot_weights() {
            // given scores q . k / sqrt(2) of 0, 212 and 849 in row 0
            double[][] q = {{300, 300}, {0, 1}, {1, 0}};
            double[][] k = {{0, 0}, {1, 0}, {2, 2}};
            double[][] a = new Attention(2, false, new Random(0)).weights(q, k);
            assertThat(a[0]).as("row 0").containsExactly(new double[] {0, 0, 1}, within(1e-12));
            for (double[] row : a) {
                for (double w : row) {
                    assertThat(w).as("every weight is finite").isFinite();
                }
            }
        }

        @Test
        @Order(5)
        @Points(2)
        @Hint("with the causal mask, output row i may depend only on input rows j <= i: use only k[j], v[j] for j <= i")
        void with_the_causal_mask_changing_row_j_changes_no_output_before_j() {
            Random rng = new Random(Seeds.seed(75));
            Attention attention = new Attention(4, true, rng);
            randomBiases(attention, rng);
            double[][] x = Sequences.gaussian(6, 4, 1.0, rng);
            double[][] y = attention.forward(x).output();
            for (int j = 0; j < 6; j++) {
                double[][] changed = Sequences.permute(x, new int[] {0, 1, 2, 3, 4, 5});
                for (int i = 0; i < 4; i++) {
                    changed[j][i] += 1.5;
                }
                double[][] yChanged = attention.forward(changed).output();
                for (int t = 0; t < j; t++) {
                    assertThat(yChanged[t]).as("output row %d after changing input row %d", t, j).containsExactly(y[t]);
                }
                assertThat(Sequences.maxDifference(new double[][] {yChanged[j]}, new double[][] {y[j]}))
                        .as("output row %d must see input row %d", j, j).isGreaterThan(1e-6);
            }
        }

        @Test
        @Order(6)
        @Points(2)
        @Hint("without mask or positions attention treats its rows as a set: permuting the input rows permutes the output "
                + "rows; if not, some part of your weights or mix depends on the row index")
        void without_mask_or_positions_permuting_the_rows_permutes_the_output_and_with_them_it_does_not() {
            Random rng = new Random(Seeds.seed(76));
            int[] order = {3, 0, 4, 1, 2};
            double[][] x = Sequences.gaussian(5, 4, 1.0, rng);
            double[][] positions = Sequences.gaussian(5, 4, 1.0, rng);
            Attention open = new Attention(4, false, rng);
            randomBiases(open, rng);
            // without mask or positions: f(P x) = P f(x)
            double[][] permutedOutput = Sequences.permute(open.forward(x).output(), order);
            assertThat(Sequences.maxDifference(open.forward(Sequences.permute(x, order)).output(), permutedOutput))
                    .as("no mask, no positions: |f(P x) - P f(x)|").isLessThan(1e-12);
            // with positions added to the rows: the rows are no longer a set
            double[][] withPositions = Sequences.permute(open.forward(plus(x, positions)).output(), order);
            double[][] permutedThenPositions = open.forward(plus(Sequences.permute(x, order), positions)).output();
            assertThat(Sequences.maxDifference(permutedThenPositions, withPositions))
                    .as("no mask, positions added: |f(P x + p) - P f(x + p)|").isGreaterThan(1e-3);
            // with the causal mask: row i sees a different set of rows after the permutation
            Attention masked = new Attention(4, true, new Random(Seeds.seed(77)));
            double[][] maskedPermutedOutput = Sequences.permute(masked.forward(x).output(), order);
            assertThat(Sequences.maxDifference(masked.forward(Sequences.permute(x, order)).output(), maskedPermutedOutput))
                    .as("causal mask: |f(P x) - P f(x)|").isGreaterThan(1e-3);
        }

        @Test
        @Order(7)
        @Points(1)
        @Hint("weights and mix must return new arrays and never write into q, k, v, x or the weights")
        void forward_leaves_its_input_untouched_and_returns_a_new_array() {
            Random rng = new Random(Seeds.seed(78));
            Contract.assertForward("Attention", "weights", new Attention(4, true, rng), Sequences.gaussian(5, 4, 1.0, rng));
        }

        private static double[][] plus(double[][] a, double[][] b) {
            double[][] c = new double[a.length][a[0].length];
            for (int t = 0; t < a.length; t++) {
                for (int i = 0; i < a[t].length; i++) {
                    c[t][i] = a[t][i] + b[t][i];
                }
            }
            return c;
        }
    }

    @Nested
    @Order(2)
    @DisplayName("backward")
    class Backward {
        @ParameterizedTest(name = "{0}")
        @MethodSource("kit.grader.lesson6.AttentionTest#cases")
        @Order(1)
        @Points(3)
        @Hint("dx is the sum of the three projections' backward passes of dq, dk, dv; check dS = A (dA - rowsum(A dA)) "
                + "and the 1/sqrt(d) in dq and dk")
        void dx_matches_the_numeric_gradient(String name, boolean causal, double scale) {
            Backprops.ATTENTION.require();
            assertThatGradient(check(causal, scale).input()).matchesNumeric();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("kit.grader.lesson6.AttentionTest#cases")
        @Order(2)
        @Points(2)
        @Hint("dq[i] = sum over j of dS[i][j] k[j] / sqrt(d), with dS[i][j] = A[i][j] (dA[i][j] - sum over l of A[i][l] dA[i][l])")
        void dW_q_and_db_q_match_the_numeric_gradient(String name, boolean causal, double scale) {
            Backprops.ATTENTION.require();
            LayerGradients<double[][], double[][]> check = check(causal, scale);
            assertThatGradient(check.parameter("query.W")).matchesNumeric();
            assertThatGradient(check.parameter("query.b")).matchesNumeric();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("kit.grader.lesson6.AttentionTest#cases")
        @Order(3)
        @Points(2)
        @Hint("dk[j] = sum over i of dS[i][j] q[i] / sqrt(d): key j collects from every query that scored it")
        void dW_k_and_db_k_match_the_numeric_gradient(String name, boolean causal, double scale) {
            Backprops.ATTENTION.require();
            LayerGradients<double[][], double[][]> check = check(causal, scale);
            assertThatGradient(check.parameter("key.W")).matchesNumeric();
            assertThatGradient(check.parameter("key.b")).matchesNumeric();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("kit.grader.lesson6.AttentionTest#cases")
        @Order(4)
        @Points(2)
        @Hint("dv[j] = sum over i of A[i][j] dh[i]: A transposed times dh")
        void dW_v_and_db_v_match_the_numeric_gradient(String name, boolean causal, double scale) {
            Backprops.ATTENTION.require();
            LayerGradients<double[][], double[][]> check = check(causal, scale);
            assertThatGradient(check.parameter("value.W")).matchesNumeric();
            assertThatGradient(check.parameter("value.b")).matchesNumeric();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("kit.grader.lesson6.AttentionTest#cases")
        @Order(5)
        @Points(1)
        @Hint("W_o and b_o are Lesson 1's Linear on every row: if they fail, check mix (h = A v)")
        void dW_o_and_db_o_match_the_numeric_gradient(String name, boolean causal, double scale) {
            LayerGradients<double[][], double[][]> check = check(causal, scale);
            assertThatGradient(check.parameter("output.W")).matchesNumeric();
            assertThatGradient(check.parameter("output.b")).matchesNumeric();
        }

        @Test
        @Order(6)
        @Points(1)
        @Hint("backward must return new dq, dk, dv and never write into q, k, v, A or dh")
        void backward_leaves_dL_dy_untouched_and_returns_a_new_array() {
            Random rng = new Random(Seeds.seed(79));
            Contract.assertBackward("Attention", "backward", new Attention(4, true, rng), Sequences.gaussian(5, 4, 1.0, rng),
                    Seeds.seed(79));
        }
    }
}
