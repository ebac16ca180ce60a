package kit.lesson5;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import kit.lesson2.SoftmaxCrossEntropy;

/**
 * The delayed-recall task: a bit at the first step, then {@code lag} steps of nothing, then recall
 * the bit. The answer is read from the last state, {@code lag} steps after the bit went in.
 *
 * <p>A sequence is {@code (lag + 1) x 2}: row 0 is the bit one-hot ({@code (1, 0)} for 0,
 * {@code (0, 1)} for 1), and every later row is the zero filler {@code (0, 0)}. The target is the
 * bit one-hot. Bits are fair coin flips drawn from the generator passed in, so a model that has
 * not learned the task is right about half the time.
 *
 * <p>The filler carries no information and is the same in every sequence: all that reaches the
 * last step about the bit is what the state carried across the {@code lag} steps.
 *
 * <p>Book: {@code src/site/markdown/lesson5.md}, "Experiment 2: delayed recall".
 */
public final class DelayedRecall {
    /** The width of a row: the bit, one-hot. */
    public static final int WIDTH = 2;

    private final int lag;
    private final int[] bits;            // count
    private final List<double[][]> inputs;
    private final double[][] targets;    // count x 2

    /** {@code count} sequences with the bit {@code lag} steps before the end. */
    public DelayedRecall(int lag, int count, RandomGenerator rng) {
        if (lag < 0 || count < 1) {
            throw new IllegalArgumentException("DelayedRecall: lag = " + lag + " must be at least 0 and count = "
                    + count + " at least 1");
        }
        this.lag = lag;
        this.bits = new int[count];
        this.inputs = new ArrayList<>(count);
        this.targets = new double[count][];
        for (int n = 0; n < count; n++) {
            bits[n] = rng.nextInt(2);
            inputs.add(sequence(bits[n], lag));
            targets[n] = SoftmaxCrossEntropy.oneHot(bits[n], WIDTH);
        }
    }

    /** The sequence that recalls {@code bit} after {@code lag} filler steps: {@code (lag + 1) x 2}. */
    public static double[][] sequence(int bit, int lag) {
        if (bit < 0 || bit > 1 || lag < 0) {
            throw new IllegalArgumentException("DelayedRecall.sequence: bit = " + bit + " must be 0 or 1 and lag = "
                    + lag + " at least 0");
        }
        double[][] x = new double[lag + 1][WIDTH];
        x[0][bit] = 1;
        return x;
    }

    public int lag() {
        return lag;
    }

    public int size() {
        return bits.length;
    }

    /** The bit of sequence {@code n}. */
    public int bit(int n) {
        return bits[n];
    }

    /** The sequences, each {@code (lag + 1) x 2}. */
    public List<double[][]> inputs() {
        return inputs;
    }

    /** The bits one-hot, {@code count x 2}. */
    public double[][] targets() {
        return targets;
    }
}
