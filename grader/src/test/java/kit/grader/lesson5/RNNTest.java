package kit.grader.lesson5;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kit.core.Layer;
import kit.core.RowWise;
import kit.grader.check.Contract;
import kit.grader.check.GradientCheck;
import kit.grader.check.LayerGradients;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson1.Linear;
import kit.lesson5.LastStep;
import kit.lesson5.RNN;
import kit.lesson5.RNNCell;

/**
 * Backpropagation through time on T = 4 steps (I = 3, H = 4, a 4 -> 5 linear head), against central
 * differences. Two losses: a head at every step, the loss summed over the steps (the grader's random
 * linear function of every step's logits); and the loss at the last step only, so that every earlier
 * step gets its gradient through the state alone. Each parameter and each step's {@code dL/dx_t} is
 * checked on its own.
 */
@Tag("lesson5")
@Order(2)
@DisplayName("RNN (backpropagation through time)")
class RNNTest {
    static final int T = 4;

    /** The cell's weights scaled up so that the gradient through the state is not small beside the rest. */
    static RNNCell cell(Random rng) {
        RNNCell cell = Cells.randomCell(3, 4, rng);
        for (double[] row : cell.recurrentWeights()) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= 2;
            }
        }
        return cell;
    }

    static double[][] inputs() {
        return Cells.uniform(T, 3, new Random(Seeds.seed(511)));
    }

    /** The RNN, then the same head on every step's state: {@code T x 5} logits. */
    static Layer<double[][], double[][]> everyStep() {
        Random rng = new Random(Seeds.seed(512));
        return new RNN(cell(rng)).then(new RowWise(new Linear(4, 5, rng)));
    }

    /** The RNN, its last state, the head: 5 logits. */
    static Layer<double[][], double[]> lastStep() {
        Random rng = new Random(Seeds.seed(513));
        return new RNN(cell(rng)).then(new LastStep(4)).then(new Linear(4, 5, rng));
    }

    static LayerGradients<double[][], double[][]> everyStepCheck() {
        return GradientCheck.ofLayer("RNN (T = 4) with a head at every step", everyStep(), inputs(), Seeds.seed(514));
    }

    static LayerGradients<double[][], double[]> lastStepCheck() {
        return GradientCheck.ofLayer("RNN (T = 4) with the loss at the last step", lastStep(), inputs(),
                Seeds.seed(515));
    }

    @Nested
    @Order(1)
    @DisplayName("run, and the layer's contract")
    class Run {
        @Test
        @Order(1)
        @Points(1)
        @Hint("run must call cell.step once per row, feeding each new state into the next step, starting from h0")
        void run_feeds_each_state_into_the_next_step_starting_from_h0() {
            // given
            Random rng = new Random(Seeds.seed(516));
            RNNCell cell = Cells.randomCell(3, 4, rng);
            double[][] xs = Cells.uniform(5, 3, rng);
            double[] h0 = Cells.uniform(4, rng);
            // when
            double[][] hs = new RNN(cell).run(xs, h0);
            // then hs[t] = step(x_t, hs[t-1]), bit for bit
            assertThat(hs).as("states").hasNumberOfRows(5);
            double[] h = h0;
            for (int t = 0; t < 5; t++) {
                h = cell.step(xs[t], h);
                assertThat(hs[t]).as("h_%d", t).containsExactly(h);
            }
        }

        @Test
        @Order(2)
        @Points(1)
        @Hint("forward must not write into the sequence and must return states the caller may change")
        void forward_leaves_its_input_untouched_and_returns_a_fresh_array() {
            Random rng = new Random(Seeds.seed(517));
            Contract.assertForward("RNN", "run", new RNN(Cells.randomCell(3, 4, rng)), Cells.uniform(5, 3, rng));
        }

        @Test
        @Order(3)
        @Points(1)
        @Hint("backward must return a new dL/dx and never write into dL/dh or the states it keeps")
        void backward_leaves_dL_dy_untouched_and_returns_a_fresh_array() {
            Random rng = new Random(Seeds.seed(518));
            Contract.assertBackward("RNN", "backward", new RNN(Cells.randomCell(3, 4, rng)), Cells.uniform(5, 3, rng),
                    Seeds.seed(518));
        }
    }

    @Nested
    @Order(2)
    @DisplayName("with a head at every step")
    class EveryStep {
        @Test
        @Order(1)
        @Points(2)
        @Hint("dW_xh: every step's cell.backward adds a_t x_t^T; the steps run back from t = T-1 to 0")
        void dWxh_matches_the_numeric_gradient() {
            Backprops.BPTT.require();
            assertThatGradient(everyStepCheck().parameter("layer1.W_xh")).matchesNumeric();
        }

        @Test
        @Order(2)
        @Points(2)
        @Hint("each step back receives its own output's gradient plus the dL/dh_{t-1} the step after it returned")
        void dWhh_matches_the_numeric_gradient() {
            Backprops.BPTT.require();
            assertThatGradient(everyStepCheck().parameter("layer1.W_hh")).matchesNumeric();
        }

        @Test
        @Order(3)
        @Points(1)
        @Hint("db is the sum over the steps of a_t = (g_t + carried gradient) * (1 - h_t^2)")
        void db_matches_the_numeric_gradient() {
            Backprops.BPTT.require();
            assertThatGradient(everyStepCheck().parameter("layer1.b")).matchesNumeric();
        }

        @Test
        @Order(4)
        @Points(1)
        @Hint("the head is given code: if it fails, the states your run returns are wrong")
        void the_heads_gradients_match_the_numeric_gradient() {
            LayerGradients<double[][], double[][]> check = everyStepCheck();
            assertThatGradient(check.parameter("layer2.W")).matchesNumeric();
            assertThatGradient(check.parameter("layer2.b")).matchesNumeric();
        }

        @ParameterizedTest(name = "dL/dx_{0}")
        @ValueSource(ints = {0, 1, 2, 3})
        @Order(5)
        @Points(2)
        @Hint("dxs[t] = the dx of step t's cell.backward, called with g_t plus the gradient carried back from step t+1")
        void dx_at_every_step_matches_the_numeric_gradient(int t) {
            Backprops.BPTT.require();
            Layer<double[], double[][]> ofRow = Cells.ofRow(everyStep(), inputs(), t);
            assertThatGradient(GradientCheck.ofLayer("RNN (T = 4) with a head at every step, as a function of x_" + t,
                    ofRow, inputs()[t], Seeds.seed(514)).input()).matchesNumeric();
        }
    }

    @Nested
    @Order(3)
    @DisplayName("with the loss at the last step only")
    class LastStepOnly {
        @Test
        @Order(1)
        @Points(2)
        @Hint("with the loss at the end only, g_t = 0 for t < T-1: every earlier step learns only from the carried dL/dh")
        void dWxh_dWhh_and_db_match_the_numeric_gradient() {
            Backprops.BPTT.require();
            LayerGradients<double[][], double[]> check = lastStepCheck();
            assertThatGradient(check.parameter("layer1.W_xh")).matchesNumeric();
            assertThatGradient(check.parameter("layer1.W_hh")).matchesNumeric();
            assertThatGradient(check.parameter("layer1.b")).matchesNumeric();
        }

        @ParameterizedTest(name = "dL/dx_{0}")
        @ValueSource(ints = {0, 1, 2, 3})
        @Order(2)
        @Points(2)
        @Hint("dL/dx_t for t < T-1 reaches x_t only through the states after it: carry dL/dh_{t-1} back through every step")
        void dx_at_every_step_matches_the_numeric_gradient(int t) {
            Backprops.BPTT.require();
            Layer<double[], double[]> ofRow = Cells.ofRow(lastStep(), inputs(), t);
            assertThatGradient(GradientCheck.ofLayer("RNN (T = 4) with the loss at the last step, as a function of x_"
                    + t, ofRow, inputs()[t], Seeds.seed(515)).input()).matchesNumeric();
        }
    }
}
