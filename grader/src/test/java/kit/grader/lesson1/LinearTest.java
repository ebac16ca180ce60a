package kit.grader.lesson1;

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
import kit.core.Layer;
import kit.lesson1.Linear;

@Tag("lesson1")
@Order(1)
@DisplayName("Linear")
class LinearTest {

    /** A 2 -> 3 layer with weights small enough to compute by hand. */
    static Linear handSet() {
        Linear layer = new Linear(2, 3, new Random(0));
        double[][] w = layer.weights();
        w[0][0] = 1;  w[0][1] = 2;
        w[1][0] = 3;  w[1][1] = 4;
        w[2][0] = -1; w[2][1] = 0;
        double[] b = layer.bias();
        b[0] = 0.5; b[1] = -1; b[2] = 2;
        return layer;
    }

    /** A 4 -> 3 layer with random weights and biases. */
    static Linear layer() {
        Random rng = new Random(Seeds.seed(1));
        Linear layer = new Linear(4, 3, rng);
        for (int o = 0; o < 3; o++) {
            layer.bias()[o] = rng.nextGaussian();
        }
        return layer;
    }

    static LayerGradients<double[], double[]> check() {
        return GradientCheck.ofLayer("Linear(4 -> 3)", layer(), new double[] {0.3, -1.2, 0.7, 2.0}, Seeds.seed(1));
    }

    @Nested
    @Order(1)
    @DisplayName("forward")
    class Forward {
        @Test
        @Order(2)
        @Points(1)
        @Hint("affine must return a new array and never write into x or into W and b")
        void affine_leaves_its_input_and_the_weights_untouched_and_returns_a_new_array() {
            Contract.assertForward("Linear", "affine", layer(), new double[] {0.3, -1.2, 0.7, 2.0});
        }

        @Test
        @Points(2)
        @Hint("y[o] = b[o] + sum over i of W[o][i] * x[i]; W is out x in")
        @Order(1)
        void computes_W_x_plus_b_on_a_case_you_can_check_by_hand() {
            // given W = [[1, 2], [3, 4], [-1, 0]], b = [0.5, -1, 2], x = [1, -1]
            // then y = [1 - 2 + 0.5, 3 - 4 - 1, -1 + 0 + 2]
            assertThat(handSet().affine(new double[] {1, -1}))
                    .containsExactly(new double[] {-0.5, -2, 1}, within(1e-12));
        }
    }

    @Nested
    @Order(3)
    @DisplayName("backward")
    class Backward {
        @Test
        @Order(1)
        @Points(2)
        @Hint("dL/dx = W^T g: dx[i] = sum over o of W[o][i] * g[o]")
        void dx_matches_the_numeric_gradient() {
            Backprops.LINEAR.require();
            LayerGradients<double[], double[]> check = check();
            assertThatGradient(check.input()).matchesNumeric();
        }

        @Test
        @Order(2)
        @Points(2)
        @Hint("dL/dW is the outer product g x^T: dW[o][i] += g[o] * x[i]")
        void dW_matches_the_numeric_gradient() {
            Backprops.LINEAR.require();
            assertThatGradient(check().parameter("W")).matchesNumeric();
        }

        @Test
        @Order(3)
        @Points(1)
        @Hint("dL/db = g: db[o] += g[o]")
        void db_matches_the_numeric_gradient() {
            Backprops.LINEAR.require();
            assertThatGradient(check().parameter("b")).matchesNumeric();
        }

        @Test
        @Order(4)
        @Points(1)
        @Hint("add into dW and db (+=), never overwrite: a mini-batch sums the gradients of its examples")
        void two_backward_passes_add_up_their_parameter_gradients() {
            Backprops.LINEAR.require();
            Linear layer = handSet();
            double[] x = {1, -1};
            double[] g = {0.5, -2, 1};
            layer.backward(x, g);
            layer.forward(x).backward(g);
            // dW = 2 g x^T, db = 2 g
            double[] dW = layer.parameters().get(0).grad(1);
            double[] db = layer.parameters().get(1).grad(0);
            assertThat(dW).as("dL/dW row 1 after two passes").containsExactly(new double[] {-4, 4}, within(1e-12));
            assertThat(db).as("dL/db after two passes").containsExactly(new double[] {1, -4, 2}, within(1e-12));
        }

        @Test
        @Order(5)
        @Points(1)
        @Hint("backward must return a new dL/dx and never write into x or g")
        void backward_leaves_dL_dy_untouched_and_returns_a_new_array() {
            Contract.assertBackward("Linear", "backward", layer(), new double[] {0.3, -1.2, 0.7, 2.0},
                    Seeds.seed(1));
        }

        @Test
        @Order(6)
        @Points(2)
        @Hint("one Linear used twice in one computation: each pass keeps its own input, and both add (+=) into dW and db")
        void one_layer_used_twice_in_one_computation_gets_the_sum_of_both_gradients() {
            Backprops.LINEAR.require();
            // given y = L(L(x)) with one 3 -> 3 layer object L used at both steps
            long seed = Seeds.seed(5);
            Linear shared = new Linear(3, 3, new Random(seed));
            Layer<double[], double[]> twice = shared.then(shared);
            LayerGradients<double[], double[]> check = GradientCheck.ofLayer("L(L(x))", twice,
                    new double[] {0.4, -0.9, 1.3}, seed);
            // then dL/dW and dL/db are the sums over both uses, and dL/dx flows through both
            assertThatGradient(check.parameter("layer1.W")).matchesNumeric();
            assertThatGradient(check.parameter("layer1.b")).matchesNumeric();
            assertThatGradient(check.input()).matchesNumeric();
        }
    }
}
