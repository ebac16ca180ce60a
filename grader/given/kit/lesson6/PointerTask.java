package kit.lesson6;

import java.util.ArrayList;
import java.util.List;

import kit.core.Network;
import kit.lesson2.SoftmaxCrossEntropy;

/**
 * The pointer task: eight memory bits {@code m_0 .. m_7}, then a three-bit address
 * {@code a = 4 a_0 + 2 a_1 + a_2} (most significant bit first); the answer is the addressed bit
 * {@code m_a}. A sequence is the 11 bits as one-hot rows over the two tokens 0 and 1; the answer is
 * read at the last position.
 *
 * <p>There are {@code 2^11 = 2048} inputs, and every one of them is in {@link #inputs()}: models train
 * on all of them and are measured on all of them, so an accuracy has no sampling noise. Input
 * {@code n} holds the bits of {@code n}, most significant first: token {@code t} is bit
 * {@code 10 - t} of {@code n}.
 *
 * <p>Book: {@code src/site/markdown/lesson6.md}, "The pointer task".
 */
public final class PointerTask {
    /** Memory cells. */
    public static final int MEMORY = 8;
    /** Address bits. */
    public static final int ADDRESS_BITS = 3;
    /** Tokens in a sequence: the memory, then the address. */
    public static final int LENGTH = MEMORY + ADDRESS_BITS;
    /** The vocabulary: the bits 0 and 1. */
    public static final int TOKENS = 2;
    /** Every input: {@code 2^11}. */
    public static final int SIZE = 1 << LENGTH;

    private static final List<double[][]> INPUTS = buildInputs();  // 2048 inputs, each 11 x 2
    private static final double[][] TARGETS = buildTargets();       // 2048 x 2, one-hot answers

    private PointerTask() {
    }

    /** Bit {@code t} of input {@code n} (tokens 0 .. 10). */
    public static int bit(int n, int t) {
        if (n < 0 || n >= SIZE || t < 0 || t >= LENGTH) {
            throw new IllegalArgumentException("PointerTask.bit: input " + n + " is not in 0.." + (SIZE - 1)
                    + " or token " + t + " not in 0.." + (LENGTH - 1));
        }
        return (n >> (LENGTH - 1 - t)) & 1;
    }

    /** The address of input {@code n}, {@code 0 .. 7}. */
    public static int address(int n) {
        return 4 * bit(n, MEMORY) + 2 * bit(n, MEMORY + 1) + bit(n, MEMORY + 2);
    }

    /** The answer of input {@code n}: the addressed memory bit. */
    public static int answer(int n) {
        return bit(n, address(n));
    }

    /** Input {@code n} as a new {@code 11 x 2} array of one-hot rows. */
    public static double[][] sequence(int n) {
        double[][] x = new double[LENGTH][TOKENS];
        for (int t = 0; t < LENGTH; t++) {
            x[t][bit(n, t)] = 1;
        }
        return x;
    }

    /** All 2048 inputs, in order of {@code n}; an unmodifiable list of arrays the caller must not change. */
    public static List<double[][]> inputs() {
        return INPUTS;
    }

    /** The one-hot answers, {@code 2048 x 2}, a new array. */
    public static double[][] targets() {
        double[][] y = new double[SIZE][];
        for (int n = 0; n < SIZE; n++) {
            y[n] = TARGETS[n].clone();
        }
        return y;
    }

    /** The fraction of all 2048 inputs on which the larger logit is the answer. */
    public static double accuracy(Network<double[][]> network) {
        int right = 0;
        for (int n = 0; n < SIZE; n++) {
            double[] z = network.logits(INPUTS.get(n));
            if ((z[1] > z[0] ? 1 : 0) == answer(n)) {
                right++;
            }
        }
        return (double) right / SIZE;
    }

    private static List<double[][]> buildInputs() {
        List<double[][]> all = new ArrayList<>();
        for (int n = 0; n < SIZE; n++) {
            all.add(sequence(n));
        }
        return List.copyOf(all);
    }

    private static double[][] buildTargets() {
        double[][] y = new double[SIZE][];
        for (int n = 0; n < SIZE; n++) {
            y[n] = SoftmaxCrossEntropy.oneHot(answer(n), TOKENS);
        }
        return y;
    }
}
