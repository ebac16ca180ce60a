package kit.grader.lesson3;

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

import kit.core.Shapes;
import kit.grader.check.Contract;
import kit.grader.check.GradientCheck;
import kit.grader.check.LayerGradients;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson3.Conv2D;

@Tag("lesson3")
@Order(1)
@DisplayName("Conv2D")
class Conv2DTest {

    /** A non-square 1 x 3 x 4 image; a new array each call. */
    static double[][][] x() {
        return Grids.image("""
                1  2  0  1
                0  1 -1  2
                3  0  2 -2
                """);
    }

    /** 1 -> 1 channel, k = 2, kernel [[1, 2], [0, -1]] (neither symmetric nor flip-symmetric), bias 0.5. */
    static Conv2D handSet() {
        Conv2D conv = new Conv2D(1, 1, 2, new Random(0));
        double[][] kernel = conv.kernel()[0][0];
        kernel[0][0] = 1;
        kernel[0][1] = 2;
        kernel[1][0] = 0;
        kernel[1][1] = -1;
        conv.bias()[0] = 0.5;
        return conv;
    }

    /** in channels, out channels, kernel size, height, width: 1 to 3 in, 1 to 4 out, k 1 to 3, non-square. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(1, 1, 1, 4, 5),
                Arguments.of(1, 2, 3, 5, 7),
                Arguments.of(2, 3, 2, 6, 4),
                Arguments.of(3, 4, 3, 7, 6),
                Arguments.of(2, 1, 3, 3, 3),
                Arguments.of(3, 2, 1, 3, 5),
                Arguments.of(1, 4, 2, 2, 6));
    }

    /** A random layer of that shape with random biases, at a random input, projected by a seeded r. */
    static LayerGradients<double[][][], double[][][]> check(int in, int out, int k, int h, int w) {
        long seed = Seeds.seed(100 + 1000 * in + 100 * out + 10 * k + h + w);
        Random rng = new Random(seed);
        Conv2D conv = new Conv2D(in, out, k, rng);
        for (int o = 0; o < out; o++) {
            conv.bias()[o] = rng.nextGaussian();
        }
        String name = "Conv2D(" + in + " -> " + out + ", k = " + k + ") on " + in + " x " + h + " x " + w;
        return GradientCheck.ofLayer(name, conv, Grids.random(in, h, w, rng), seed);
    }

    @Nested
    @Order(1)
    @DisplayName("forward")
    class Forward {
        @Test
        @Order(1)
        @Points(2)
        @Hint("y[i][j] = b + sum over u, v of K[u][v] * x[i+u][j+v]: slide the kernel as it is, without flipping it; "
                + "i runs over the H - k + 1 rows, j over the W - k + 1 columns")
        void slides_one_kernel_over_the_image_on_a_case_you_can_check_by_hand() {
            // given x() above, K = [[1, 2], [0, -1]] and b = 0.5: y[i][j] = x[i][j] + 2 x[i][j+1] - x[i+1][j+1] + 0.5
            double[][][] y = handSet().convolve(x());
            // then, e.g. y[0][0] = 1 + 4 - 1 + 0.5 and y[1][2] = -1 + 4 + 2 + 0.5
            assertThat(Shapes.shapeOf(y)).as("output shape (channels x height x width)").containsExactly(1, 2, 3);
            assertThat(y[0][0]).as("row 0").containsExactly(new double[] {4.5, 3.5, 0.5}, within(1e-12));
            assertThat(y[0][1]).as("row 1").containsExactly(new double[] {2.5, -2.5, 5.5}, within(1e-12));
        }

        @Test
        @Order(2)
        @Points(2)
        @Hint("each output channel o sums over every input channel c, then adds its own bias b[o]; W is out x in x k x k")
        void sums_over_input_channels_and_adds_each_output_channel_its_own_bias() {
            // given 2 -> 2 channels, k = 1, W[o][c] = [[2, -1], [0.5, 3]], b = [1, -2]
            Conv2D conv = new Conv2D(2, 2, 1, new Random(0));
            double[][][][] w = conv.kernel();
            w[0][0][0][0] = 2;
            w[0][1][0][0] = -1;
            w[1][0][0][0] = 0.5;
            w[1][1][0][0] = 3;
            conv.bias()[0] = 1;
            conv.bias()[1] = -2;
            double[][][] x = Grids.image("""
                     1  2
                     3  4
                    """, """
                     0  1
                    -1  2
                    """);
            // when
            double[][][] y = conv.convolve(x);
            // then y[0] = 1 + 2 x[0] - x[1] and y[1] = -2 + 0.5 x[0] + 3 x[1]
            assertThat(Shapes.shapeOf(y)).as("output shape").containsExactly(2, 2, 2);
            assertThat(y[0][0]).containsExactly(new double[] {3, 4}, within(1e-12));
            assertThat(y[0][1]).containsExactly(new double[] {8, 7}, within(1e-12));
            assertThat(y[1][0]).containsExactly(new double[] {-1.5, 2}, within(1e-12));
            assertThat(y[1][1]).containsExactly(new double[] {-3.5, 6}, within(1e-12));
        }

        @ParameterizedTest(name = "{0} -> {1} channels, k = {2}, on {0} x {3} x {4}")
        @MethodSource("kit.grader.lesson3.Conv2DTest#shapes")
        @Order(3)
        @Points(1)
        @Hint("a valid convolution with stride 1 maps in x H x W to out x (H - k + 1) x (W - k + 1)")
        void gives_out_channels_of_H_minus_k_plus_1_by_W_minus_k_plus_1(int in, int out, int k, int h, int w) {
            Conv2D conv = new Conv2D(in, out, k, new Random(1));
            assertThat(Shapes.shapeOf(conv.convolve(new double[in][h][w])))
                    .containsExactly(out, h - k + 1, w - k + 1);
        }

        @Test
        @Order(4)
        @Points(1)
        @Hint("convolve must return a new array and never write into x, W or b")
        void convolve_leaves_its_input_and_the_kernel_untouched_and_returns_a_new_array() {
            Contract.assertForward("Conv2D", "convolve", new Conv2D(2, 3, 2, new Random(Seeds.seed(31))),
                    Grids.random(2, 4, 5, new Random(Seeds.seed(31))));
        }
    }

    @Nested
    @Order(2)
    @DisplayName("backward")
    class Backward {
        @ParameterizedTest(name = "{0} -> {1} channels, k = {2}, on {0} x {3} x {4}")
        @MethodSource("kit.grader.lesson3.Conv2DTest#shapes")
        @Order(1)
        @Points(4)
        @Hint("dx[c][i+u][j+v] += W[o][c][u][v] * g[o][i][j] for every o, i, j, u, v: the full correlation of g "
                + "with the flipped kernel; every input pixel collects from each output position whose window covers it")
        void dx_matches_the_numeric_gradient(int in, int out, int k, int h, int w) {
            Backprops.CONV2D.require();
            LayerGradients<double[][][], double[][][]> check = check(in, out, k, h, w);
            assertThatGradient(check.input()).matchesNumeric();
        }

        @ParameterizedTest(name = "{0} -> {1} channels, k = {2}, on {0} x {3} x {4}")
        @MethodSource("kit.grader.lesson3.Conv2DTest#shapes")
        @Order(2)
        @Points(3)
        @Hint("dW[o][c][u][v] += sum over i, j of g[o][i][j] * x[c][i+u][j+v]: the input correlated with g")
        void dW_matches_the_numeric_gradient(int in, int out, int k, int h, int w) {
            Backprops.CONV2D.require();
            assertThatGradient(check(in, out, k, h, w).parameter("W")).matchesNumeric();
        }

        @ParameterizedTest(name = "{0} -> {1} channels, k = {2}, on {0} x {3} x {4}")
        @MethodSource("kit.grader.lesson3.Conv2DTest#shapes")
        @Order(3)
        @Points(2)
        @Hint("db[o] += the sum of g[o][i][j] over every position: the bias was added everywhere")
        void db_matches_the_numeric_gradient(int in, int out, int k, int h, int w) {
            Backprops.CONV2D.require();
            assertThatGradient(check(in, out, k, h, w).parameter("b")).matchesNumeric();
        }

        @Test
        @Order(4)
        @Points(1)
        @Hint("add into dW and db (+=), never overwrite: a mini-batch sums the gradients of its examples")
        void two_backward_passes_add_up_their_parameter_gradients() {
            Backprops.CONV2D.require();
            // given the hand-set layer, x() and g = 1 everywhere,
            // one pass gives dW[u][v] = the sum of the 2 x 3 block of x at (u, v) = [[3, 5], [5, 2]], db = 6
            Conv2D conv = handSet();
            double[][][] g = {{{1, 1, 1}, {1, 1, 1}}};
            conv.backward(x(), g);
            conv.forward(x()).backward(g);
            double[][] dW = {conv.parameters().get(0).grad(0), conv.parameters().get(0).grad(1)};
            assertThat(dW[0]).as("dL/dW row 0 after two passes").containsExactly(new double[] {6, 10}, within(1e-12));
            assertThat(dW[1]).as("dL/dW row 1 after two passes").containsExactly(new double[] {10, 4}, within(1e-12));
            assertThat(conv.parameters().get(1).grad(0)).as("dL/db after two passes")
                    .containsExactly(new double[] {12}, within(1e-12));
        }

        @Test
        @Order(5)
        @Points(1)
        @Hint("backward must return a new dL/dx and never write into x or g")
        void backward_leaves_dL_dy_untouched_and_returns_a_new_array() {
            Contract.assertBackward("Conv2D", "backward", new Conv2D(2, 3, 2, new Random(Seeds.seed(31))),
                    Grids.random(2, 4, 5, new Random(Seeds.seed(31))), Seeds.seed(31));
        }
    }
}
