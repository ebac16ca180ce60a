package kit.grader.lesson7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.OpaqueModel;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson6.PointerTask;
import kit.lesson7.FlipProbe;
import kit.lesson7.FlipRates;

/** The flip probe on models whose answers are known exactly: rules written as functions of the input. */
@Tag("lesson7")
@Order(2)
@DisplayName("FlipProbe (the flip probe)")
class FlipProbeTest {

    /** Logits that say {@code bit} with a margin of 1. */
    static double[] saying(int bit) {
        return bit == 1 ? new double[] {0, 1} : new double[] {1, 0};
    }

    /** The bit at position {@code t} of a one-hot sequence. */
    static int bitAt(double[][] x, int t) {
        return x[t][1] > x[t][0] ? 1 : 0;
    }

    static int addressOf(double[][] x) {
        return 4 * bitAt(x, 8) + 2 * bitAt(x, 9) + bitAt(x, 10);
    }

    @Test
    @Order(1)
    @Points(2)
    @Hint("tracksAddressed: flip m_a, is the new prediction 1 - m_a? otherChanges: for each of the 7 other cells, "
            + "flip it, did the prediction change? Divide by 2048 and by 7 * 2048")
    void a_perfect_pointer_tracks_every_flip_of_the_addressed_cell_and_ignores_every_other() {
        FlipRates rates = FlipProbe.measure(OpaqueModel.of(x -> saying(bitAt(x, addressOf(x)))));
        assertThat(rates.tracksAddressed()).as("tracks m_a").isEqualTo(1.0);
        assertThat(rates.otherChanges()).as("flipping another cell changes the answer").isEqualTo(0.0);
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("a model that always answers m_0: flipping m_a moves it only when a = 0 (1/8) or by luck (m_0 = 1 - m_a, half "
            + "of the rest): 9/16; flipping another cell moves it only when that cell is 0 and a != 0: 1/8")
    void a_model_that_always_reads_cell_0_scores_9_16_and_1_8() {
        FlipRates rates = FlipProbe.measure(OpaqueModel.of(x -> saying(bitAt(x, 0))));
        assertThat(rates.tracksAddressed()).as("tracks m_a").isCloseTo(9.0 / 16, within(1e-15));
        assertThat(rates.otherChanges()).as("flipping another cell changes the answer").isCloseTo(1.0 / 8, within(1e-15));
        assertThat(PointerTask.SIZE).isEqualTo(2048);
    }
}
