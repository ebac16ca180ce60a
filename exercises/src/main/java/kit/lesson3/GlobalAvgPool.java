package kit.lesson3;

import java.util.Arrays;

import kit.core.Layer;
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
 * <p>Book: {@code src/site/markdown/lesson3.md}, "From equivariance to invariance".
 */
public final class GlobalAvgPool implements Layer<double[][][], double[]> {
    private int[] shape;  // {C, H, W} of the last forward, null before the first

    @Override
    public double[] forward(double[][][] x) {
        shape = FeatureMaps.requireImage("GlobalAvgPool.forward input", x, -1, 1);
        throw new kit.core.NotImplementedYet(3, "GlobalAvgPool.forward", "y[c] = the mean of x[c][i][j] over all i, j");
    }

    @Override
    public double[][][] backward(double[] gradOutput) {
        FeatureMaps.requireForward("GlobalAvgPool", shape);
        Shapes.requireLength("GlobalAvgPool.backward dL/dy (the input was " + Shapes.describe(shape) + ")",
                gradOutput, shape[0]);
        throw new kit.core.NotImplementedYet(3, "GlobalAvgPool.backward", "dx[c][i][j] = g[c] / (H * W) at every position");
    }
}
