package kit.lesson2;

import java.util.ArrayList;
import java.util.List;

/**
 * A data set of scalar inputs {@code x} on a known range {@code [low, high]} and scalar targets
 * {@code y}, made by the lesson's generators.
 *
 * <p>A network does not see {@code x} itself but {@code u = 3 (2x - low - high) / (high - low)},
 * the range mapped linearly onto {@code [-3, 3]}. Centring is the usual standardisation; the width
 * 3 is chosen for tanh units that start from Glorot weights (within about 0.6 for a single input):
 * their pre-activations then span about {@code [-1.8, 1.8]}, so every unit is already bent over the
 * data and training spends its steps on the curve's shape, not on growing weights.
 *
 * <p>Shapes: {@link #inputs()} is {@code n} arrays of length 1, {@link #targets()} is {@code n x 1},
 * as {@link kit.core.Network} takes them.
 *
 * <p>Book: {@code src/site/markdown/lesson2.md}, "The set-up".
 */
public final class Sample {
    private final double low;
    private final double high;
    private final double[] xs;  // n, the raw inputs
    private final double[] ys;  // n, the targets

    Sample(double low, double high, double[] xs, double[] ys) {
        assert xs.length == ys.length && low < high;
        this.low = low;
        this.high = high;
        this.xs = xs;
        this.ys = ys;
    }

    public int size() {
        return xs.length;
    }

    /** The raw input of example {@code n}. */
    public double x(int n) {
        return xs[n];
    }

    /** The target of example {@code n}. */
    public double y(int n) {
        return ys[n];
    }

    /** What a network is fed for the raw input {@code x}: {@code [u]}, with {@code u} in [-3, 3] on the range. */
    public double[] input(double x) {
        return new double[] {3 * (2 * x - low - high) / (high - low)};
    }

    /** The network inputs of every example, each of length 1; a new list each call. */
    public List<double[]> inputs() {
        List<double[]> in = new ArrayList<>(xs.length);
        for (double x : xs) {
            in.add(input(x));
        }
        return in;
    }

    /** The targets, {@code n x 1}; a new array each call. */
    public double[][] targets() {
        double[][] t = new double[ys.length][];
        for (int n = 0; n < ys.length; n++) {
            t[n] = new double[] {ys[n]};
        }
        return t;
    }

    /** The mean of the targets. */
    public double meanTarget() {
        double sum = 0;
        for (double y : ys) {
            sum += y;
        }
        return sum / ys.length;
    }

    /** The standard deviation of the targets (dividing by {@code n}: the maximum-likelihood estimate). */
    public double targetStd() {
        double mean = meanTarget();
        double sum = 0;
        for (double y : ys) {
            sum += (y - mean) * (y - mean);
        }
        return Math.sqrt(sum / ys.length);
    }

    static void requirePositive(String what, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(what + ": n is " + n + " but must be at least 1");
        }
    }
}
