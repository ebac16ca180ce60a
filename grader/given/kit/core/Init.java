package kit.core;

import java.util.random.RandomGenerator;

/**
 * Weight initialisation. Glorot (Xavier) uniform: {@code w ~ U(-a, a)} with
 * {@code a = sqrt(6 / (fanIn + fanOut))}, which keeps the variance of activations and of
 * gradients roughly constant from layer to layer for tanh-like units.
 * Randomness comes only from the generator passed in.
 */
public final class Init {
    private Init() {
    }

    public static double glorotBound(int fanIn, int fanOut) {
        if (fanIn <= 0 || fanOut <= 0) {
            throw new IllegalArgumentException("Init.glorotBound: fanIn " + fanIn + " and fanOut " + fanOut
                    + " must both be positive");
        }
        return Math.sqrt(6.0 / (fanIn + fanOut));
    }

    /** Fills {@code row} with independent draws from {@code U(-bound, bound)}. */
    public static void fillUniform(double[] row, double bound, RandomGenerator rng) {
        for (int i = 0; i < row.length; i++) {
            row[i] = (2 * rng.nextDouble() - 1) * bound;
        }
    }
}
