package kit.lesson3;

import java.util.random.RandomGenerator;

import kit.core.Permutations;
import kit.core.Shapes;

/**
 * One fixed shuffle of the pixels of a {@code C x H x W} image: output pixel {@code p} (counted in
 * {@link Flatten}'s order) takes the value of input pixel {@code source[p]}. Applied to every image
 * alike, it destroys which pixels are neighbours and keeps everything else: a model that never
 * used neighbourhoods cannot tell the difference.
 *
 * <p>Book: {@code src/site/markdown/lesson3.md}, "Experiment 2: is the model using the bet?".
 */
public final class PixelPermutation {
    private final int channels;
    private final int height;
    private final int width;
    private final int[] source;  // channels * height * width, a permutation of 0 .. size-1

    private PixelPermutation(int channels, int height, int width, int[] source) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.source = source;
    }

    /** A uniformly random permutation drawn from {@code rng} (Fisher-Yates). */
    public static PixelPermutation random(int channels, int height, int width, RandomGenerator rng) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("PixelPermutation: shape " + channels + " x " + height + " x " + width
                    + " must be at least 1 x 1 x 1");
        }
        return new PixelPermutation(channels, height, width, Permutations.random(channels * height * width, rng));
    }

    /** The image with its pixels moved: {@code x'[p] = x[source[p]]} in flattened order. A new array. */
    public double[][][] apply(double[][][] x) {
        Shapes.requireShape("PixelPermutation.apply image", x, channels, height, width);
        double[][][] y = new double[channels][height][width];
        int area = height * width;
        for (int p = 0; p < source.length; p++) {
            int s = source[p];
            y[p / area][(p % area) / width][p % width] = x[s / area][(s % area) / width][s % width];
        }
        return y;
    }

    /**
     * The same move on a flat vector of {@code C H W} entries: {@code v'[p] = v[source[p]]}. Applied to
     * a row of a dense layer's weights, it keeps each weight with the pixel it multiplies.
     */
    public double[] apply(double[] v) {
        Shapes.requireLength("PixelPermutation.apply vector (" + channels + " x " + height + " x " + width + ")",
                v, source.length);
        double[] y = new double[source.length];
        for (int p = 0; p < source.length; p++) {
            y[p] = v[source[p]];
        }
        return y;
    }
}
