package kit.grader.lesson5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Parameter;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson5.GradientClipping;

/**
 * Global gradient-norm clipping, exactly: one norm over every parameter, a gradient longer than
 * {@code c} shrunk to length {@code c} in the same direction (to 1e-12), a shorter one untouched bit
 * for bit, and the ratios between parameters kept. The grader computes every norm itself.
 */
@Tag("lesson5")
@Order(4)
@DisplayName("GradientClipping")
class ClippingTest {

    /** Three parameters (4 x 3, 4 x 4 and 4, like a cell's) with gradients drawn at {@code scale}. */
    static List<Parameter> parameters(double scale, Random rng) {
        double[][] gw = Cells.uniform(4, 3, rng);
        double[][] gu = Cells.uniform(4, 4, rng);
        double[] gb = Cells.uniform(4, rng);
        for (double[][] m : List.of(gw, gu, new double[][] {gb})) {
            for (double[] row : m) {
                for (int c = 0; c < row.length; c++) {
                    row[c] *= scale;
                }
            }
        }
        return List.of(Parameter.matrix("W_xh", new double[4][3], gw), Parameter.matrix("W_hh", new double[4][4], gu),
                Parameter.vector("b", new double[4], gb));
    }

    static double[][][] gradients(List<Parameter> parameters) {
        double[][][] copy = new double[parameters.size()][][];
        for (int k = 0; k < parameters.size(); k++) {
            Parameter p = parameters.get(k);
            copy[k] = new double[p.rows()][];
            for (int r = 0; r < p.rows(); r++) {
                copy[k][r] = p.grad(r).clone();
            }
        }
        return copy;
    }

    static double norm(double[][][] gradients) {
        double sum = 0;
        for (double[][] p : gradients) {
            for (double[] row : p) {
                for (double g : row) {
                    sum += g * g;
                }
            }
        }
        return Math.sqrt(sum);
    }

    @Test
    @Order(1)
    @Points(1)
    @Hint("one norm over everything: the square root of the sum of every squared entry of every parameter's gradient")
    void globalNorm_is_one_norm_over_every_parameter_on_a_case_you_can_check_by_hand() {
        // given gradients (3, 4) and (12): sqrt(9 + 16 + 144) = 13
        List<Parameter> parameters = List.of(Parameter.vector("a", new double[2], new double[] {3, 4}),
                Parameter.vector("b", new double[1], new double[] {12}));
        assertThat(GradientClipping.globalNorm(parameters)).isCloseTo(13, within(1e-12));
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("if n > c, multiply every gradient entry of every parameter by c / n: the new norm is c, the direction the same")
    void a_gradient_longer_than_c_is_scaled_to_length_c_in_the_same_direction() {
        // given gradients of norm about 30 and c = 5
        List<Parameter> parameters = parameters(10, new Random(Seeds.seed(531)));
        double[][][] before = gradients(parameters);
        double n = norm(before);
        // when
        double returned = GradientClipping.clip(parameters, 5);
        // then the norm is 5 and every entry was multiplied by 5 / n
        double[][][] after = gradients(parameters);
        assertThat(n).as("the fixture's norm").isGreaterThan(5);
        assertThat(returned).as("clip returns the norm before clipping").isCloseTo(n, within(1e-12 * n));
        assertThat(norm(after)).as("the norm after clipping").isCloseTo(5, within(5e-12));
        for (int k = 0; k < after.length; k++) {
            for (int r = 0; r < after[k].length; r++) {
                for (int c = 0; c < after[k][r].length; c++) {
                    assertThat(after[k][r][c]).as("%s entry [%d][%d]", parameters.get(k).name(), r, c)
                            .isCloseTo(before[k][r][c] * 5 / n, within(1e-12 * Math.abs(before[k][r][c]) + 1e-300));
                }
            }
        }
    }

    @Test
    @Order(3)
    @Points(1)
    @Hint("if n <= c, change nothing: no scaling up, and no multiplying by a factor that is almost 1")
    void a_gradient_no_longer_than_c_is_left_untouched_bit_for_bit() {
        // given gradients of norm about 1.5 with c = 5, and gradients (3, 4) of norm exactly c = 5
        List<Parameter> parameters = parameters(0.5, new Random(Seeds.seed(532)));
        double[][][] before = gradients(parameters);
        double n = norm(before);
        double returned = GradientClipping.clip(parameters, 5);
        assertThat(gradients(parameters)).as("gradients of norm %.3f after clipping at 5", n).isDeepEqualTo(before);
        assertThat(returned).as("clip returns the norm").isCloseTo(n, within(1e-12));
        List<Parameter> atC = List.of(Parameter.vector("g", new double[2], new double[] {3, 4}));
        GradientClipping.clip(atC, 5);
        assertThat(atC.get(0).grad(0)).as("a gradient of norm exactly c").containsExactly(3, 4);
    }

    @Test
    @Order(4)
    @Points(1)
    @Hint("clipping is global: one norm over all the parameters together, one factor for all, never one per parameter")
    void clipping_is_global_and_keeps_the_ratio_between_parameters() {
        // given a large gradient on W_hh and a small one on b: per parameter, b would be left alone
        List<Parameter> parameters = List.of(Parameter.vector("W_hh", new double[2], new double[] {30, -40}),
                Parameter.vector("b", new double[1], new double[] {1}));
        // when
        GradientClipping.clip(parameters, 5);
        // then one factor 5 / sqrt(2501) scaled both
        double factor = 5 / Math.sqrt(2501);
        assertThat(parameters.get(0).grad(0)).as("dL/dW_hh after clipping")
                .containsExactly(new double[] {30 * factor, -40 * factor}, within(1e-12));
        assertThat(parameters.get(1).grad(0)).as("dL/db after clipping: scaled by the same factor")
                .containsExactly(new double[] {factor}, within(1e-12));
    }
}
