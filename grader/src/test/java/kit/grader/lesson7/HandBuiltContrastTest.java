package kit.grader.lesson7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.OpaqueModel;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson6.Attention;
import kit.lesson6.PointerTask;
import kit.lesson7.FlipProbe;
import kit.lesson7.FlipRates;

/**
 * The book's two hand-built heads, where attention weights and information flow disagree exactly.
 * Both run on Lesson 6's {@link Attention} with weights set by hand, and the flip probe (yours)
 * measures what the answer depends on.
 */
@Tag("lesson7")
@Order(4)
@DisplayName("Hand-built contrasts (FlipProbe, Patching)")
class HandBuiltContrastTest {

    static Attention zeroHead(int d) {
        Attention head = new Attention(d, false, new Random(0));
        for (double[][] w : new double[][][] {head.query().weights(), head.key().weights(), head.value().weights(),
                head.output().weights()}) {
            for (double[] row : w) {
                Arrays.fill(row, 0.0);
            }
        }
        return head;
    }

    static int bitAt(double[][] x, int t) {
        return x[t][1] > x[t][0] ? 1 : 0;
    }

    static double code(int i, int j) {
        return ((i >> (2 - j)) & 1) == 1 ? 1 : -1;
    }

    /** Rows [bit, c(t), s] of Lesson 6's hand-set head: s = c(a) at the last row. */
    static double[][] pointerRows(double[][] x) {
        int a = 4 * bitAt(x, 8) + 2 * bitAt(x, 9) + bitAt(x, 10);
        double[][] rows = new double[PointerTask.LENGTH][7];
        for (int t = 0; t < PointerTask.LENGTH; t++) {
            rows[t][0] = bitAt(x, t);
            for (int j = 0; j < 3; j++) {
                rows[t][1 + j] = t < PointerTask.MEMORY ? code(t, j) : 0;
                rows[t][4 + j] = t == PointerTask.LENGTH - 1 ? code(a, j) : 0;
            }
        }
        return rows;
    }

    @Test
    @Order(1)
    @Points(3)
    @Hint("the probe, not the weights, says what the answer depends on: check FlipProbe.measure if the rates differ")
    void a_head_that_attends_to_the_addressed_cell_but_reads_its_address_not_its_bit_never_follows_m_a() {
        // given Lesson 6's pointer head (weight >= 1 - 1e-12 on cell a) whose value map reads the cell's address
        // code c(t) instead of its bit: the output is c(a), and the answer is its first entry's sign, a_0
        Attention head = zeroHead(7);
        for (int j = 0; j < 3; j++) {
            head.query().weights()[j][4 + j] = 20 * Math.sqrt(7);
            head.key().weights()[j][1 + j] = 1;
            head.value().weights()[j][1 + j] = 1;
            head.output().weights()[j][j] = 1;
        }
        int last = PointerTask.LENGTH - 1;
        double lowest = 1;
        for (int n = 0; n < PointerTask.SIZE; n++) {
            lowest = Math.min(lowest, head.weightsOf(pointerRows(PointerTask.sequence(n)))[last][PointerTask.address(n)]);
        }
        FlipRates rates = FlipProbe.measure(OpaqueModel.of(x -> {
            double h = head.forward(pointerRows(x)).output()[last][0];
            return h > 0 ? new double[] {0, 1} : new double[] {1, 0};
        }));
        System.out.printf("pointer head reading addresses: lowest weight on m_a %.17f; flip probe: tracks m_a %.4f, "
                + "other cells change it %.4f%n", lowest, rates.tracksAddressed(), rates.otherChanges());
        assertThat(lowest).as("the lowest attention weight on the addressed cell").isGreaterThan(1 - 1e-12);
        // flipping m_a never changes the answer a_0, which is 1 - m_a on half of the inputs
        assertThat(rates.tracksAddressed()).as("tracks m_a").isCloseTo(0.5, within(1e-15));
        assertThat(rates.otherChanges()).as("flipping another cell changes the answer").isEqualTo(0.0);
    }

    @Test
    @Order(2)
    @Points(3)
    @Hint("uniform attention can still carry one cell's bit exactly: the value map keeps every cell in its own "
            + "coordinate; if the rates differ, check FlipProbe.measure")
    void a_head_with_uniform_attention_carries_the_addressed_bit_exactly() {
        // given rows [m_t in coordinate t (memory cells only), s = the address bits at the last row]: W_q = W_k = 0 so
        // every weight is 1/11; W_v keeps the 8 cell coordinates, W_o multiplies them by 11; with the residual row the
        // last position holds every m_i and the address, and a fixed readout picks coordinate a
        int d = PointerTask.MEMORY + PointerTask.ADDRESS_BITS;
        Attention head = zeroHead(d);
        for (int i = 0; i < PointerTask.MEMORY; i++) {
            head.value().weights()[i][i] = 1;
            head.output().weights()[i][i] = PointerTask.LENGTH;
        }
        int last = PointerTask.LENGTH - 1;
        java.util.function.Function<double[][], double[][]> rows = x -> {
            double[][] r = new double[PointerTask.LENGTH][d];
            for (int t = 0; t < PointerTask.MEMORY; t++) {
                r[t][t] = bitAt(x, t);
            }
            for (int j = 0; j < PointerTask.ADDRESS_BITS; j++) {
                r[last][PointerTask.MEMORY + j] = bitAt(x, PointerTask.MEMORY + j);
            }
            return r;
        };
        double highest = 0;
        for (int n = 0; n < PointerTask.SIZE; n += 7) {
            double[] weights = head.weightsOf(rows.apply(PointerTask.sequence(n)))[last];
            for (double w : weights) {
                highest = Math.max(highest, Math.abs(w - 1.0 / PointerTask.LENGTH));
            }
        }
        FlipRates rates = FlipProbe.measure(OpaqueModel.of(x -> {
            double[][] r = rows.apply(x);
            double[] y = head.forward(r).output()[last];
            int a = (int) (4 * r[last][8] + 2 * r[last][9] + r[last][10]);
            return y[a] > 0.5 ? new double[] {0, 1} : new double[] {1, 0};
        }));
        System.out.printf("uniform head: largest |weight - 1/11| %.2e; flip probe: tracks m_a %.4f, other cells change "
                + "it %.4f%n", highest, rates.tracksAddressed(), rates.otherChanges());
        assertThat(highest).as("largest |attention weight - 1/11| of the last row").isLessThan(1e-15);
        assertThat(rates.tracksAddressed()).as("tracks m_a").isEqualTo(1.0);
        assertThat(rates.otherChanges()).as("flipping another cell changes the answer").isEqualTo(0.0);
    }
}
