package kit.lesson2;

import java.util.random.RandomGenerator;

/**
 * Noise whose size grows with the input: {@code x ~ U(0, 6)} and {@code y = sin(x) + sigma(x) eps}
 * with {@code eps ~ N(0, 1)} and {@code sigma(x) = |x| / 3 + 0.1}, from 0.1 at the left end to 2.1
 * at the right. One global sigma is too wide on the left and too narrow on the right.
 *
 * <p>Book: {@code src/site/markdown/lesson2.md}, "Experiment: noise that changes size".
 */
public final class Heteroscedastic {
    public static final double LOW = 0;
    public static final double HIGH = 6;

    private Heteroscedastic() {
    }

    /** The true mean at {@code x}. */
    public static double mean(double x) {
        return Math.sin(x);
    }

    /** The true standard deviation of the noise at {@code x}. */
    public static double sigma(double x) {
        return Math.abs(x) / 3 + 0.1;
    }

    /** {@code n} points with {@code x} uniform on {@code [0, 6]}. */
    public static Sample sample(int n, RandomGenerator rng) {
        Sample.requirePositive("Heteroscedastic.sample", n);
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = LOW + (HIGH - LOW) * rng.nextDouble();
            ys[i] = mean(xs[i]) + sigma(xs[i]) * rng.nextGaussian();
        }
        return new Sample(LOW, HIGH, xs, ys);
    }
}
