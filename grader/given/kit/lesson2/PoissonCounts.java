package kit.lesson2;

import java.util.random.RandomGenerator;

/**
 * Counts whose rate swings from 7 down to a floor of 0.1: {@code x ~ U(0, 2)} and
 * {@code y ~ Poisson(rate(x))} with {@code rate(x) = max(0.1, 2 + 5 sin(pi x))}.
 * Between about {@code x = 1.12} and {@code x = 1.88} the rate sits at its floor, so most counts
 * there are 0: a squared-error fit is free to dip to zero and below, a log-link fit is not.
 *
 * <p>Book: {@code src/site/markdown/lesson2.md}, "Experiment: counts".
 */
public final class PoissonCounts {
    public static final double LOW = 0;
    public static final double HIGH = 2;

    private PoissonCounts() {
    }

    /** The true rate at {@code x}. */
    public static double rate(double x) {
        return Math.max(0.1, 2 + 5 * Math.sin(Math.PI * x));
    }

    /** {@code n} points with {@code x} uniform on {@code [0, 2]} and Poisson counts. */
    public static Sample sample(int n, RandomGenerator rng) {
        Sample.requirePositive("PoissonCounts.sample", n);
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = LOW + (HIGH - LOW) * rng.nextDouble();
            ys[i] = poisson(rate(xs[i]), rng);
        }
        return new Sample(LOW, HIGH, xs, ys);
    }

    /**
     * One Poisson draw by counting uniform factors until their product falls below {@code e^-rate}
     * (Knuth); about {@code rate + 1} draws, fine for the small rates here.
     */
    static int poisson(double rate, RandomGenerator rng) {
        double threshold = Math.exp(-rate);
        int k = 0;
        double product = rng.nextDouble();
        while (product > threshold) {
            k++;
            product *= rng.nextDouble();
        }
        return k;
    }
}
