package kit.grader.lesson6;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.RowWise;
import kit.grader.check.Contract;
import kit.grader.check.GradientCheck;
import kit.grader.check.LayerGradients;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson6.LayerNorm;

@Tag("lesson6")
@Order(1)
@DisplayName("LayerNorm")
class LayerNormTest {

    /** A 4-wide norm with gamma and beta drawn from N(1, 0.5) and N(0, 0.5), so both matter. */
    static LayerNorm randomNorm(Random rng) {
        LayerNorm norm = new LayerNorm(4);
        for (int i = 0; i < 4; i++) {
            norm.gamma()[i] = 1 + 0.5 * rng.nextGaussian();
            norm.beta()[i] = 0.5 * rng.nextGaussian();
        }
        return norm;
    }

    /** Five rows of width 4; row 3 has a variance of 5e-9, far below eps = 1e-5. */
    static double[][] rows() {
        return new double[][] {
                {0.3, -1.2, 0.7, 2.0},
                {5.0, 5.5, 4.0, 6.5},
                {-0.01, 0.02, 0.0, -0.03},
                {1.0, 1.0001, 0.9999, 1.0},
                {-3.0, 0.0, 3.0, 0.5}};
    }

    static LayerGradients<double[][], double[][]> check() {
        long seed = Seeds.seed(61);
        return GradientCheck.ofLayer("LayerNorm(4) on 5 rows", new RowWise(randomNorm(new Random(seed))), rows(), seed);
    }

    @Nested
    @Order(1)
    @DisplayName("forward")
    class Forward {
        @Test
        @Order(1)
        @Points(2)
        @Hint("mu = mean of x, var = mean of (x - mu)^2 (divide by d, not d - 1), y = gamma (x - mu) / sqrt(var + EPS) + beta")
        void normalises_a_row_you_can_check_by_hand() {
            // given x = [1, 2, 3, 6]: mu = 3, var = (4 + 1 + 0 + 9) / 4 = 3.5; gamma = [1, 2, 1, 1], beta = [0, 0, 1, 0]
            LayerNorm norm = new LayerNorm(4);
            norm.gamma()[1] = 2;
            norm.beta()[2] = 1;
            double s = 1 / Math.sqrt(3.5 + LayerNorm.EPS);
            assertThat(norm.normalize(new double[] {1, 2, 3, 6}))
                    .containsExactly(new double[] {-2 * s, -2 * s, 1, 3 * s}, within(1e-12));
        }

        @Test
        @Order(2)
        @Points(1)
        @Hint("with gamma = 1 and beta = 0 every output row has mean 0 and variance var / (var + EPS), just under 1")
        void with_gamma_1_and_beta_0_every_row_has_mean_0_and_variance_just_under_1() {
            LayerNorm norm = new LayerNorm(4);
            for (double[] x : rows()) {
                double[] y = norm.normalize(x);
                double mean = (y[0] + y[1] + y[2] + y[3]) / 4;
                double mu = (x[0] + x[1] + x[2] + x[3]) / 4;
                double var = 0;
                double outVar = 0;
                for (int i = 0; i < 4; i++) {
                    var += (x[i] - mu) * (x[i] - mu) / 4;
                    outVar += (y[i] - mean) * (y[i] - mean) / 4;
                }
                assertThat(mean).as("mean of the normalised row %s", java.util.Arrays.toString(x)).isCloseTo(0, within(1e-12));
                assertThat(outVar).as("variance of the normalised row %s", java.util.Arrays.toString(x))
                        .isCloseTo(var / (var + LayerNorm.EPS), within(1e-9));
            }
        }

        @Test
        @Order(3)
        @Points(2)
        @Hint("the output depends only on (x - mu) / sqrt(var + EPS): adding c to every entry changes mu by c and nothing else")
        void adding_a_constant_to_a_row_changes_nothing_and_scaling_it_almost_nothing() {
            Random rng = new Random(Seeds.seed(62));
            LayerNorm norm = randomNorm(rng);
            double[] x = {0.3, -1.2, 0.7, 2.0};
            double[] y = norm.normalize(x);
            double[] shifted = new double[4];
            double[] scaled = new double[4];
            for (int i = 0; i < 4; i++) {
                shifted[i] = x[i] + 7.5;
                scaled[i] = 3 * x[i];
            }
            assertThat(norm.normalize(shifted)).as("x + 7.5").containsExactly(y, within(1e-12));
            // scaling by 3 multiplies var by 9: only eps / var, a few 1e-6 here, tells them apart
            assertThat(norm.normalize(scaled)).as("3 x").containsExactly(y, within(1e-4));
        }

        @Test
        @Order(4)
        @Points(1)
        @Hint("normalize must return a new array and never write into x, gamma or beta")
        void normalize_leaves_its_input_untouched_and_returns_a_new_array() {
            Contract.assertForward("LayerNorm", "normalize", randomNorm(new Random(1)), new double[] {0.3, -1.2, 0.7, 2.0});
        }
    }

    @Nested
    @Order(2)
    @DisplayName("backward")
    class Backward {
        @Test
        @Order(1)
        @Points(3)
        @Hint("with h = gamma g and n = (x - mu) s: dx = s (h - mean(h) - n mean(h n)); recompute mu, s and n from x")
        void dx_matches_the_numeric_gradient_including_a_row_of_tiny_variance() {
            Backprops.LAYER_NORM.require();
            assertThatGradient(check().input()).matchesNumeric();
        }

        @Test
        @Order(2)
        @Points(1)
        @Hint("dgamma[i] += g[i] n[i], summed over the rows; n is the normalised x before gamma and beta")
        void dgamma_matches_the_numeric_gradient() {
            Backprops.LAYER_NORM.require();
            assertThatGradient(check().parameter("gamma")).matchesNumeric();
        }

        @Test
        @Order(3)
        @Points(1)
        @Hint("dbeta[i] += g[i], summed over the rows")
        void dbeta_matches_the_numeric_gradient() {
            Backprops.LAYER_NORM.require();
            assertThatGradient(check().parameter("beta")).matchesNumeric();
        }

        @Test
        @Order(4)
        @Points(1)
        @Hint("backward must return a new dL/dx and never write into x or g")
        void backward_leaves_dL_dy_untouched_and_returns_a_new_array() {
            Contract.assertBackward("LayerNorm", "backward", randomNorm(new Random(1)), new double[] {0.3, -1.2, 0.7, 2.0},
                    Seeds.seed(63));
        }
    }
}
