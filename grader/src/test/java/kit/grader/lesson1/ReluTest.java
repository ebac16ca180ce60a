package kit.grader.lesson1;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.GradientCheck;
import kit.grader.check.LayerGradients;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson1.ReLU;

@Tag("lesson1")
@Order(3)
@DisplayName("ReLU")
class ReluTest {

    @Test
    @Order(1)
    @Points(1)
    @Hint("y[i] = max(0, x[i])")
    void forward_zeroes_the_negative_entries() {
        assertThat(new ReLU().forward(new double[] {-2, -0.1, 0, 0.1, 3}))
                .containsExactly(0, 0, 0, 0.1, 3);
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("pass dL/dy[i] through where x[i] > 0; 0 elsewhere (0 is also fine at x[i] == 0)")
    void dx_matches_the_numeric_gradient_away_from_the_kink() {
        // x[2] == 0 sits on the kink: the checker accepts any value there.
        LayerGradients<double[], double[]> check = GradientCheck.ofLayer("ReLU", new ReLU(),
                new double[] {-1.5, -0.2, 0, 0.3, 2.2}, Seeds.seed(3));
        assertThatGradient(check.input()).matchesNumeric();
        assertThat(check.forwardLeftInputUntouched()).as("forward must not modify its input").isTrue();
        assertThat(check.backwardLeftGradOutputUntouched()).as("backward must not modify dL/dy").isTrue();
    }
}
