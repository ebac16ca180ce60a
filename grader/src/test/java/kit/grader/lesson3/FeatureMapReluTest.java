package kit.grader.lesson3;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Shapes;
import kit.grader.check.GradientCheck;
import kit.grader.check.LayerGradients;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson3.FeatureMapReLU;

@Tag("lesson3")
@Order(2)
@DisplayName("FeatureMapReLU")
class FeatureMapReluTest {

    @Test
    @Order(1)
    @Points(1)
    @Hint("y[c][i][j] = max(0, x[c][i][j]) in a new array of x's shape")
    void forward_zeroes_the_negative_entries_of_every_map() {
        double[][][] y = new FeatureMapReLU().forward(Grids.image("""
                -2  0.5  0
                 3 -0.1  1
                """, """
                 1   -1  2
                -4    0  7
                """));
        assertThat(Shapes.shapeOf(y)).containsExactly(2, 2, 3);
        assertThat(y[0][0]).containsExactly(0, 0.5, 0);
        assertThat(y[0][1]).containsExactly(3, 0, 1);
        assertThat(y[1][0]).containsExactly(1, 0, 2);
        assertThat(y[1][1]).containsExactly(0, 0, 7);
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("dx[c][i][j] = g[c][i][j] where x[c][i][j] > 0, else 0")
    void dx_matches_the_numeric_gradient() {
        // No entry sits on the kink at 0.
        double[][][] x = Grids.image("""
                -1.5  0.3  2.2 -0.2
                 0.7 -0.9  0.1  1.4
                """, """
                 0.5 -0.4 -1.1  0.8
                -2.0  1.3  0.6 -0.3
                """);
        LayerGradients<double[][][], double[][][]> check = GradientCheck.ofLayer("FeatureMapReLU", new FeatureMapReLU(),
                x, Seeds.seed(31));
        assertThatGradient(check.input()).matchesNumeric();
        assertThat(check.forwardLeftInputUntouched()).as("forward must not modify its input").isTrue();
        assertThat(check.backwardLeftGradOutputUntouched()).as("backward must not modify dL/dy").isTrue();
    }
}
