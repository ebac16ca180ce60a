package kit.grader.selfcheck;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Layer;
import kit.core.Pass;
import kit.grader.check.GradientCheck;
import kit.grader.check.LayerGradients;

/** The checker itself: it must catch a wrong gradient, name it, and forgive a kink. */
@Tag("selfcheck")
@DisplayName("The gradient checker")
class GradientCheckTest {

    /** An element-wise layer {@code y = f(x)} whose backward multiplies g by {@code slope(x)}. */
    static Layer<double[], double[]> elementWise(UnaryOperator<Double> f, UnaryOperator<Double> slope) {
        return x -> {
            double[] input = x.clone();
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = f.apply(x[i]);
            }
            return Pass.of(y, g -> {
                double[] dx = new double[input.length];
                for (int i = 0; i < input.length; i++) {
                    dx[i] = slope.apply(input[i]) * g[i];
                }
                return dx;
            });
        };
    }

    /** y = x^2 element-wise, with a backward that is off by {@code factor}. */
    static Layer<double[], double[]> square(double factor) {
        return elementWise(v -> v * v, v -> factor * 2 * v);
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
        // 1 at the kink: a valid subgradient
        Layer<double[], double[]> relu = elementWise(v -> Math.max(0, v), v -> v >= 0 ? 1.0 : 0.0);
        var comparison = GradientCheck.ofLayer("relu", relu, new double[] {-1, 0, 1}, 3).input();
        assertThat(comparison.entries()).extracting(e -> e.onKink()).containsExactly(false, true, false);
        assertThatGradient(comparison).matchesNumeric();
    }

    @Test
    void reports_a_gradient_of_the_wrong_shape() {
        Layer<double[], double[]> wrongShape = x -> Pass.of(x.clone(), g -> new double[g.length + 1]);
        assertThatThrownBy(() -> assertThatGradient(
                GradientCheck.ofLayer("id", wrongShape, new double[] {1, 2}, 1).input()).matchesNumeric())
                .hasMessageContaining("backward returned dL/dx of shape [3] but the input has shape [2]");
    }

    @Test
    void refuses_an_ambiguous_parameter_name() {
        Layer<double[], double[]> twoNamedW = new Layer<>() {
            private final double[] a = {1};
            private final double[] b = {2};

            @Override
            public Pass<double[], double[]> forward(double[] x) {
                return Pass.of(new double[] {a[0] * b[0] * x[0]}, g -> new double[] {a[0] * b[0] * g[0]});
            }

            @Override
            public java.util.List<kit.core.Parameter> parameters() {
                return java.util.List.of(kit.core.Parameter.vector("W", a, new double[1]),
                        kit.core.Parameter.vector("W", b, new double[1]));
            }
        };
        LayerGradients<double[], double[]> check = GradientCheck.ofLayer("twoW", twoNamedW, new double[] {1}, 1);
        assertThatThrownBy(() -> check.parameter("W")).hasMessageContaining("two parameters called W");
        assertThatThrownBy(() -> check.parameter("V")).hasMessageContaining("no parameter called V");
    }
}
