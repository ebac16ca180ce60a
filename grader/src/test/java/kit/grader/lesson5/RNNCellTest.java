package kit.grader.lesson5;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.GradientCheck;
import kit.grader.check.LayerGradients;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson5.RNNCell;
import kit.lesson5.StepGradients;

/**
 * One step of the cell, forward and back. The backward is checked against central differences as
 * a function of the step's input {@code x_t} and, separately, of the previous state {@code h_{t-1}}.
 */
@Tag("lesson5")
@Order(1)
@DisplayName("RNNCell")
class RNNCellTest {
    static final double[] X = {0.8, -0.4, 1.1};
    static final double[] H_PREV = {0.3, -0.7, 0.5, 0.1};

    /** A 2 -> 2 cell with weights small enough to compute by hand. */
    static RNNCell handSet() {
        RNNCell cell = new RNNCell(2, 2, new Random(0));
        double[][] wxh = cell.inputWeights();
        wxh[0][0] = 1;   wxh[0][1] = -1;
        wxh[1][0] = 0.5; wxh[1][1] = 2;
        double[][] whh = cell.recurrentWeights();
        whh[0][0] = 0.5; whh[0][1] = 0;
        whh[1][0] = -1;  whh[1][1] = 1;
        cell.bias()[0] = 0.25;
        cell.bias()[1] = -0.5;
        return cell;
    }

    static RNNCell cell() {
        return Cells.randomCell(3, 4, new Random(Seeds.seed(501)));
    }

    static LayerGradients<double[], double[]> ofInput() {
        return GradientCheck.ofLayer("RNNCell(3 -> 4) step as a function of x_t", Cells.stepOfInput(cell(), H_PREV),
                X, Seeds.seed(502));
    }

    static LayerGradients<double[], double[]> ofState() {
        return GradientCheck.ofLayer("RNNCell(3 -> 4) step as a function of h_{t-1}", Cells.stepOfState(cell(), X),
                H_PREV, Seeds.seed(503));
    }

    @Nested
    @Order(1)
    @DisplayName("step")
    class Step {
        @Test
        @Order(1)
        @Points(2)
        @Hint("h[o] = tanh(b[o] + sum over i of W_xh[o][i] * x[i] + sum over j of W_hh[o][j] * hPrev[j])")
        void computes_tanh_of_Wxh_x_plus_Whh_h_plus_b_on_a_case_you_can_check_by_hand() {
            // given x = (1, 2), h_{t-1} = (0.4, -0.2)
            // then the pre-activations are (1 - 2 + 0.2 + 0.25, 0.5 + 4 - 0.4 - 0.2 - 0.5) = (-0.55, 3.4)
            double[] h = handSet().step(new double[] {1, 2}, new double[] {0.4, -0.2});
            assertThat(h).containsExactly(new double[] {Math.tanh(-0.55), Math.tanh(3.4)}, within(1e-12));
        }

        @Test
        @Order(2)
        @Points(1)
        @Hint("step and backward compute into new arrays and never write into x, hPrev, h or dL/dh")
        void step_and_backward_leave_their_arguments_untouched_and_return_new_arrays() {
            RNNCell cell = cell();
            double[] x = X.clone();
            double[] hPrev = H_PREV.clone();
            double[] h = cell.step(x, hPrev);
            assertThat(x).as("x_t after step").containsExactly(X);
            assertThat(hPrev).as("h_{t-1} after step").containsExactly(H_PREV);
            assertThat(h).as("step must return a new array, not h_{t-1}").isNotSameAs(hPrev);
            double[] kept = h.clone();
            double[] g = {0.5, -1, 0.25, 2};
            StepGradients back = cell.backward(x, hPrev, h, g);
            assertThat(x).as("x_t after backward").containsExactly(X);
            assertThat(hPrev).as("h_{t-1} after backward").containsExactly(H_PREV);
            assertThat(h).as("h_t after backward").containsExactly(kept);
            assertThat(g).as("dL/dh_t after backward").containsExactly(0.5, -1, 0.25, 2);
            assertThat(back.dhPrev()).as("dL/dh_{t-1} must be a new array").isNotSameAs(g).isNotSameAs(hPrev);
            assertThat(back.dx()).as("dL/dx_t must be a new array").isNotSameAs(x);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("backward")
    class Backward {
        @Test
        @Order(1)
        @Points(2)
        @Hint("through the tanh first: a[o] = g[o] * (1 - h[o]^2); then dL/dx_t = W_xh^T a: dx[i] = sum over o of W_xh[o][i] * a[o]")
        void dx_matches_the_numeric_gradient() {
            Backprops.CELL.require();
            assertThatGradient(ofInput().input()).matchesNumeric();
        }

        @Test
        @Order(2)
        @Points(2)
        @Hint("dL/dh_{t-1} = W_hh^T a with a = g * (1 - h^2): dhPrev[j] = sum over o of W_hh[o][j] * a[o]")
        void dhPrev_matches_the_numeric_gradient() {
            Backprops.CELL.require();
            assertThatGradient(ofState().input()).matchesNumeric();
        }

        @Test
        @Order(3)
        @Points(2)
        @Hint("dW_xh is the outer product a x^T: dW_xh[o][i] += a[o] * x[i], with a = g * (1 - h^2)")
        void dWxh_matches_the_numeric_gradient() {
            Backprops.CELL.require();
            assertThatGradient(ofInput().parameter("W_xh")).matchesNumeric();
        }

        @Test
        @Order(4)
        @Points(2)
        @Hint("dW_hh is the outer product a h_{t-1}^T: dW_hh[o][j] += a[o] * hPrev[j], the state the step read, not the one it made")
        void dWhh_matches_the_numeric_gradient() {
            Backprops.CELL.require();
            assertThatGradient(ofState().parameter("W_hh")).matchesNumeric();
        }

        @Test
        @Order(5)
        @Points(1)
        @Hint("db += a, with a = g * (1 - h^2)")
        void db_matches_the_numeric_gradient() {
            Backprops.CELL.require();
            assertThatGradient(ofInput().parameter("b")).matchesNumeric();
        }

        @Test
        @Order(6)
        @Points(1)
        @Hint("add into dW_xh, dW_hh and db (+=), never overwrite: through time the steps' gradients add up")
        void two_backward_steps_add_up_their_parameter_gradients() {
            Backprops.CELL.require();
            // given the hand-set cell at x = (1, 2), h_{t-1} = (0.4, -0.2), and g = (1, 1)
            RNNCell cell = handSet();
            double[] x = {1, 2};
            double[] hPrev = {0.4, -0.2};
            double[] h = cell.step(x, hPrev);
            double[] g = {1, 1};
            cell.backward(x, hPrev, h, g);
            cell.backward(x, hPrev, h, g);
            // then db = 2 a and dW_hh = 2 a h_{t-1}^T with a = 1 - h^2
            double[] a = {1 - h[0] * h[0], 1 - h[1] * h[1]};
            assertThat(cell.parameters().get(2).grad(0)).as("dL/db after two steps back")
                    .containsExactly(new double[] {2 * a[0], 2 * a[1]}, within(1e-12));
            assertThat(cell.parameters().get(1).grad(1)).as("dL/dW_hh row 1 after two steps back")
                    .containsExactly(new double[] {2 * a[1] * 0.4, -2 * a[1] * 0.2}, within(1e-12));
        }
    }
}
