package kit.grader.lesson6;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson6.Attention;
import kit.lesson6.PointerTask;

/**
 * The construction of the book's "A head set by hand": one head dereferences the address exactly,
 * provided the query row already holds the whole address. Row {@code t} of the input is
 * {@code [bit_t, c(t), s]}: the token's bit, the address code {@code c(t) in {-1, +1}^3} of memory
 * cell {@code t} (0 for the address positions), and at the last row only, the address code
 * {@code s = c(a)} of the address. With {@code W_q} reading {@code s} (times {@code beta sqrt(d)})
 * and {@code W_k} reading {@code c}, the score of cell {@code i} is
 * {@code beta s . c(i) = beta (3 - 2 Hamming(a, i))}: {@code 3 beta} at {@code i = a}, at most
 * {@code beta} at any other cell, 0 at the address positions.
 */
@Tag("lesson6")
@Order(4)
@DisplayName("A head set by hand (Attention)")
class HandSetHeadTest {
    static final int D = 7;
    static final double BETA = 20;

    /** Bit j (0 = most significant) of i's 3-bit code, as -1 or +1. */
    static double code(int i, int j) {
        return ((i >> (2 - j)) & 1) == 1 ? 1 : -1;
    }

    static double[][] rows(int n) {
        double[][] x = new double[PointerTask.LENGTH][D];
        for (int t = 0; t < PointerTask.LENGTH; t++) {
            x[t][0] = PointerTask.bit(n, t);
            for (int j = 0; j < 3; j++) {
                x[t][1 + j] = t < PointerTask.MEMORY ? code(t, j) : 0;
                x[t][4 + j] = t == PointerTask.LENGTH - 1 ? code(PointerTask.address(n), j) : 0;
            }
        }
        return x;
    }

    static Attention pointerHead(double beta) {
        Attention head = new Attention(D, false, new Random(0));
        for (double[][] w : new double[][][] {head.query().weights(), head.key().weights(), head.value().weights(),
                head.output().weights()}) {
            for (double[] row : w) {
                java.util.Arrays.fill(row, 0.0);
            }
        }
        for (double[] b : new double[][] {head.query().bias(), head.key().bias(), head.value().bias(),
                head.output().bias()}) {
            java.util.Arrays.fill(b, 0.0);
        }
        for (int j = 0; j < 3; j++) {
            head.query().weights()[j][4 + j] = beta * Math.sqrt(D);  // q = beta sqrt(d) s
            head.key().weights()[j][1 + j] = 1;                      // k = c(t)
        }
        head.value().weights()[0][0] = 1;                            // v = the bit
        head.output().weights()[0][0] = 1;                           // y = h
        return head;
    }

    @Test
    @Order(1)
    @Points(3)
    @Hint("scores of 60 against at most 20 must give a weight of 1 - 1e-17 on the addressed cell: check the 1/sqrt(d) "
            + "scaling and that the softmax runs over the whole row")
    void a_head_whose_scores_match_address_codes_returns_the_addressed_bit_on_all_2048_inputs() {
        Attention head = pointerHead(BETA);
        int last = PointerTask.LENGTH - 1;
        double worstOutput = 0;
        double worstWeight = 0;
        for (int n = 0; n < PointerTask.SIZE; n++) {
            double[][] x = rows(n);
            double y = head.forward(x).output()[last][0];
            double weight = head.weightsOf(x)[last][PointerTask.address(n)];
            worstOutput = Math.max(worstOutput, Math.abs(y - PointerTask.answer(n)));
            worstWeight = Math.max(worstWeight, 1 - weight);
        }
        assertThat(worstOutput).as("largest |output - m_a| over all 2048 inputs").isLessThan(1e-12);
        assertThat(worstWeight).as("largest 1 - (weight on the addressed cell) over all 2048 inputs").isLessThan(1e-12);
    }

    @Test
    @Order(2)
    @Points(1)
    @Hint("with beta = 1 the scores are 3 at cell a, 1, -1 and -3 at cells 1, 2 and 3 bits away, 0 at the address bits: weight e^3 / (e^3 + 3e + 3/e + 1/e^3 + 3) = 0.62 on cell a")
    void with_a_small_beta_the_same_head_is_only_a_soft_pointer() {
        // given beta = 1: score 3 at a, 1 at the three cells one bit away, -1 and -3 further, 0 at the address bits
        Attention head = pointerHead(1);
        int last = PointerTask.LENGTH - 1;
        double expected = Math.exp(3) / (Math.exp(3) + 3 * Math.exp(1) + 3 * Math.exp(-1) + Math.exp(-3) + 3);
        for (int n = 0; n < PointerTask.SIZE; n += 37) {
            double weight = head.weightsOf(rows(n))[last][PointerTask.address(n)];
            assertThat(weight).as("weight on the addressed cell of input %d", n)
                    .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12));
        }
    }
}
