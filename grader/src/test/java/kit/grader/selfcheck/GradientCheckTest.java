package kit.grader.selfcheck;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Layer;
import kit.grader.check.GradientCheck;
import kit.grader.check.LayerGradients;

/** The checker itself: it must catch a wrong gradient, name it, and forgive a kink. */
@Tag("selfcheck")
@DisplayName("The gradient checker")
class GradientCheckTest {

    /** y = x^2 element-wise, with a backward that is off by {@code factor}. */
    static Layer<double[], double[]> square(double factor) {
        return new Layer<>() {
            private double[] x;

            @Override
            public double[] forward(double[] input) {
                x = input.clone();
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    y[i] = x[i] * x[i];
                }
                return y;
            }

            @Override
            public double[] backward(double[] g) {
                double[] dx = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    dx[i] = factor * 2 * x[i] * g[i];
                }
                return dx;
            }
        };
    }

    @Test
    void accepts_a_correct_gradient() {
        assertThatGradient(GradientCheck.ofLayer("square", square(1), new double[] {0.5, -1, 2}, 7).input())
                .matchesNumeric();
    }

    @Test
    void rejects_a_gradient_off_by_a_factor_and_names_the_entry_values_and_seed() {
        LayerGradients<double[], double[]> check = GradientCheck.ofLayer("square", square(1.01),
                new double[] {0.5, -1, 2}, 7);
        assertThatThrownBy(() -> assertThatGradient(check.input()).matchesNumeric())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dL/dx of square is wrong at 3 of 3 entries")
                .hasMessageContaining("worst dL/dx[")
                .hasMessageContaining("analytic").hasMessageContaining("numeric")
                .hasMessageContaining("seed 7");
    }

    @Test
    void forgives_the_kink_of_a_ReLU_but_nothing_else() {
        Layer<double[], double[]> relu = new Layer<>() {
            private double[] x;

            @Override
            public double[] forward(double[] input) {
                x = input.clone();
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    y[i] = Math.max(0, x[i]);
                }
                return y;
            }

            @Override
            public double[] backward(double[] g) {
                double[] dx = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    dx[i] = x[i] >= 0 ? g[i] : 0;  // 1 at the kink: a valid subgradient
                }
                return dx;
            }
        };
        var comparison = GradientCheck.ofLayer("relu", relu, new double[] {-1, 0, 1}, 3).input();
        assertThat(comparison.entries()).extracting(e -> e.onKink()).containsExactly(false, true, false);
        assertThatGradient(comparison).matchesNumeric();
    }

    @Test
    void reports_a_gradient_of_the_wrong_shape() {
        Layer<double[], double[]> wrongShape = new Layer<>() {
            @Override
            public double[] forward(double[] x) {
                return x.clone();
            }

            @Override
            public double[] backward(double[] g) {
                return new double[g.length + 1];
            }
        };
        assertThatThrownBy(() -> assertThatGradient(
                GradientCheck.ofLayer("id", wrongShape, new double[] {1, 2}, 1).input()).matchesNumeric())
                .hasMessageContaining("backward returned dL/dx of shape [3] but the input has shape [2]");
    }
}
