package kit.grader.lesson5;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson5.GradientReach;
import kit.lesson5.RNN;
import kit.lesson5.RNNCell;

/**
 * What one cell reused at every step guarantees, exactly, for every value of the weights: the same
 * computation at every step (time-translation equivariance, and its caveat at the start), causality,
 * and the bound {@code ||dL/dh_{t-k}|| <= ||W_hh||_2^k ||dL/dh_t||} on a gradient pushed back through
 * the recurrence alone, with the spectral norm computed by the grader (Jacobi rotations on
 * {@code W_hh^T W_hh}). On the reference the identities hold bit for bit, since the same products are
 * added in the same order.
 */
@Tag("lesson5")
@Order(3)
@DisplayName("One cell at every step (RNN, RNNCell)")
class TimeTest {

    static double[][] concat(double[][] a, double[][] b) {
        double[][] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    @Order(1)
    @Points(2)
    @Hint("the states after a prefix P must be what running S from P's last state gives: run must start from h0 "
            + "and use the same cell, with nothing that depends on t")
    void running_a_prefix_then_S_equals_running_S_from_the_prefix_state_bit_for_bit() {
        // given a cell, a prefix P of 3 steps and a sequence S of 5
        Random rng = new Random(Seeds.seed(521));
        RNN rnn = new RNN(Cells.randomCell(3, 4, rng));
        double[][] prefix = Cells.uniform(3, 3, rng);
        double[][] s = Cells.uniform(5, 3, rng);
        double[] zero = new double[4];
        // when
        double[][] whole = rnn.run(concat(prefix, s), zero);
        double[] afterPrefix = rnn.run(prefix, zero)[2];
        double[][] resumed = rnn.run(s, afterPrefix);
        // then
        for (int t = 0; t < 5; t++) {
            assertThat(whole[3 + t]).as("state %d of P then S against state %d of S run from P's last state", 3 + t, t)
                    .containsExactly(resumed[t]);
        }
    }

    @Test
    @Order(2)
    @Points(1)
    @Hint("with b = 0 a zero input keeps the zero state at zero, so d leading zero steps only delay the outputs; "
            + "if this fails while the prefix test passes, check that step adds b")
    void leading_zero_steps_delay_the_outputs_exactly_when_b_is_zero_and_not_otherwise() {
        // given a cell and a sequence S, and S after d = 3 zero steps
        Random rng = new Random(Seeds.seed(522));
        RNNCell cell = Cells.randomCell(3, 4, rng);
        double[][] s = Cells.uniform(5, 3, rng);
        double[][] delayed = concat(new double[3][3], s);
        double[] zero = new double[4];
        // when b != 0: the zero steps move the state off 0, so the outputs on S differ
        double[][] plain = new RNN(cell).run(s, zero);
        double[][] shifted = new RNN(cell).run(delayed, zero);
        assertThat(shifted[3]).as("with b != 0, the first output on S after 3 zero steps").isNotEqualTo(plain[0]);
        // when b = 0: the state stays exactly 0 through the zero steps, so the outputs are delayed copies
        Arrays.fill(cell.bias(), 0);
        plain = new RNN(cell).run(s, zero);
        shifted = new RNN(cell).run(delayed, zero);
        for (int t = 0; t < 3; t++) {
            assertThat(shifted[t]).as("with b = 0, the state during the zero steps").containsOnly(0.0);
        }
        for (int t = 0; t < 5; t++) {
            assertThat(shifted[3 + t]).as("with b = 0, output %d on S after 3 zero steps", t).containsExactly(plain[t]);
        }
    }

    @Test
    @Order(3)
    @Points(1)
    @Hint("h_t may depend on x_0 .. x_t only: run must not read ahead")
    void changing_one_input_leaves_every_earlier_state_unchanged() {
        Random rng = new Random(Seeds.seed(523));
        RNN rnn = new RNN(Cells.randomCell(3, 4, rng));
        double[][] xs = Cells.uniform(6, 3, rng);
        double[] zero = new double[4];
        double[][] before = rnn.run(xs, zero);
        for (int changed = 0; changed < 6; changed++) {
            double[][] edited = concat(xs, new double[0][]);
            edited[changed] = Cells.uniform(3, rng);
            double[][] after = rnn.run(edited, zero);
            for (int t = 0; t < changed; t++) {
                assertThat(after[t]).as("h_%d after changing x_%d", t, changed).containsExactly(before[t]);
            }
            assertThat(after[changed]).as("h_%d after changing x_%d", changed, changed).isNotEqualTo(before[changed]);
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @Hint("k steps back the gradient has met k Jacobians diag(1 - h^2) W_hh, each of norm at most ||W_hh||: "
            + "if it grows faster, dhPrev is not W_hh^T (g * (1 - h^2))")
    void a_gradient_pushed_back_k_steps_is_at_most_the_spectral_norm_to_the_k_times_as_long() {
        // given cells with W_hh at the init's scale and three times it, and random inputs
        StringBuilder report = new StringBuilder();
        for (int c = 0; c < 6; c++) {
            Random rng = new Random(Seeds.seed(524 + c));
            RNNCell cell = Cells.randomCell(3, 6, rng);
            double scale = c % 2 == 0 ? 1 : 3;
            for (double[] row : cell.recurrentWeights()) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= scale;
                }
            }
            double sigma = Cells.spectralNorm(cell.recurrentWeights());
            // when a unit gradient on the last state is pushed back through 12 steps
            double[] norms = GradientReach.norms(cell, Cells.uniform(12, 3, rng), Cells.unitVector(6, rng));
            // then ||dL/dh_{T-1-k}|| <= sigma^k
            double tightest = 0;
            for (int k = 0; k < norms.length; k++) {
                double bound = Math.pow(sigma, k);
                assertThat(norms[k]).as("cell %d (W_hh x %.0f, ||W_hh||_2 = %.4f): the gradient %d steps back", c, scale,
                        sigma, k).isLessThanOrEqualTo(bound * (1 + 1e-9));
                if (k > 0) {
                    tightest = Math.max(tightest, norms[k] / bound);
                }
            }
            assertThat(norms[norms.length - 1]).as("the gradient at the start must not be zero").isPositive();
            report.append(String.format(Locale.ROOT, "W_hh x %.0f: ||W_hh||_2 = %.3f, norm 12 steps back %.2e, "
                    + "bound %.2e; largest norm / bound over k >= 1: %.3f%n", scale, sigma, norms[12], Math.pow(sigma, 12),
                    tightest));
        }
        System.out.print(report);
    }
}
