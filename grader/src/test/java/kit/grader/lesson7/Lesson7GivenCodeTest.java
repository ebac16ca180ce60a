package kit.grader.lesson7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.lesson6.PointerTask;
import kit.lesson7.CausalTrace;
import kit.lesson7.FlipProbe;
import kit.lesson7.Patching;

/** Lesson 7's given code (not graded, so it holds on the stubs too): flips, predictions, classes, bad input. */
@Tag("library")
@DisplayName("Lesson 7: bad input is named, given code is right")
class Lesson7GivenCodeTest {

    @Test
    void a_flip_changes_one_token_in_a_copy() {
        double[][] x = PointerTask.sequence(5);
        double[][] y = FlipProbe.flip(x, 10);
        assertThat(x[10]).as("the input is untouched").containsExactly(0, 1);
        assertThat(y[10]).containsExactly(1, 0);
        for (int t = 0; t < 10; t++) {
            assertThat(y[t]).isEqualTo(x[t]).isNotSameAs(x[t]);
        }
        assertThat(FlipProbe.prediction(new double[] {0.2, 0.1})).isZero();
        assertThat(FlipProbe.prediction(new double[] {-3, 2})).isOne();
        assertThatThrownBy(() -> FlipProbe.flip(x, 11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 11");
        assertThatThrownBy(() -> FlipProbe.prediction(new double[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlipProbe.measure(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void patching_names_what_is_wrong_before_any_student_code_runs() {
        assertThat(Patching.logitDifference(new double[] {1.5, -0.5}, 0)).isEqualTo(2.0);
        assertThat(Patching.logitDifference(new double[] {1.5, -0.5}, 1)).isEqualTo(-2.0);
        assertThatThrownBy(() -> Patching.logitDifference(new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Patching.recovery(2, 2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("undefined");
        assertThatThrownBy(() -> Patching.recoveryTable(null, new double[1][2], new double[1][2], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CausalTrace.of(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void positions_fall_into_four_classes() {
        assertThat(CausalTrace.classOf(3, 3)).isEqualTo(CausalTrace.ADDRESSED);
        assertThat(CausalTrace.classOf(2, 3)).isEqualTo(CausalTrace.OTHER_MEMORY);
        assertThat(CausalTrace.classOf(8, 3)).isEqualTo(CausalTrace.ADDRESS_BITS);
        assertThat(CausalTrace.classOf(9, 3)).isEqualTo(CausalTrace.ADDRESS_BITS);
        assertThat(CausalTrace.classOf(10, 3)).isEqualTo(CausalTrace.READOUT);
    }
}
