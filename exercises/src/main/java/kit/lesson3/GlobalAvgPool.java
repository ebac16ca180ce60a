package kit.lesson3;

import java.util.Arrays;

import kit.core.Layer;
import kit.core.Pass;
import kit.core.Shapes;

/**
 * Global average pooling: each feature map shrinks to its mean.
 *
 * <p>Forward: {@code y[c] = (1 / (H W)) sum_{i,j} x[c][i][j]}.
 * <br>Backward: every position contributed equally to the mean, so
 * {@code dL/dx[c][i][j] = dL/dy[c] / (H W)}.
 *
 * <p>Shapes: input {@code C x H x W}, output {@code C}. No parameters. It forgets where a feature
 * fired and keeps how much: after a translation-equivariant layer, that makes the output invariant
 * to where the pattern was.
 *
 * <p>Book: {@code src/site/markdown/lesson3.md}, "Equivariance and invariance".
 */
public final class GlobalAvgPool implements Layer<double[][][], double[]> {
    @Override
    public Pass<double[][][], double[]> forward(double[][][] x) {
        int[] shape = FeatureMaps.requireImage("GlobalAvgPool.forward input", x, -1, 1);
        return Pass.of(pool(x), g -> backward(shape, g));
    }

    /** The mean of each of the {@code C} feature maps of {@code x}. */
    public double[] pool(double[][][] x) {
        int[] shape = FeatureMaps.requireImage("GlobalAvgPool.pool input", x, -1, 1);
        throw new kit.core.NotImplementedYet(3, "GlobalAvgPool.pool", "the mean of each of the C feature maps of x (C x H x W): a new array of length C; book: src/site/markdown/lesson3.md, \"Equivariance and invariance\"");
    }

    /**
     * The backward of {@link #pool} for an input of shape {@code {C, H, W}}: dL/dx, a new
     * {@code C x H x W} array.
     */
    public double[][][] backward(int[] shape, double[] gradOutput) {
        Shapes.requireLength("GlobalAvgPool.backward dL/dy (the input was " + Shapes.describe(shape) + ")",
                gradOutput, shape[0]);
        throw new kit.core.NotImplementedYet(3, "GlobalAvgPool.backward", "dL/dx (a new C x H x W array) from g = dL/dy (length C); book: src/site/markdown/lesson3.md, \"Equivariance and invariance\"");
    }
}
