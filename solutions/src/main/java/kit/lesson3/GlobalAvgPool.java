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
        // BEGIN SOLUTION
        // task: the mean of each of the C feature maps of x (C x H x W): a new array of length C
        // book: Equivariance and invariance
        // pseudocode: y[c] = the mean of x[c][i][j] over all i, j
        double[] y = new double[shape[0]];
        double area = shape[1] * shape[2];
        for (int c = 0; c < shape[0]; c++) {
            double sum = 0;
            for (double[] row : x[c]) {
                for (double value : row) {
                    sum += value;
                }
            }
            y[c] = sum / area;
        }
        return y;
        // END SOLUTION
    }

    /**
     * The backward of {@link #pool} for an input of shape {@code {C, H, W}}: dL/dx, a new
     * {@code C x H x W} array.
     */
    public double[][][] backward(int[] shape, double[] gradOutput) {
        Shapes.requireLength("GlobalAvgPool.backward dL/dy (the input was " + Shapes.describe(shape) + ")",
                gradOutput, shape[0]);
        // BEGIN SOLUTION
        // task: dL/dx (a new C x H x W array) from g = dL/dy (length C)
        // book: Equivariance and invariance
        // pseudocode: dx[c][i][j] = g[c] / (H * W) at every position
        double[][][] dx = new double[shape[0]][shape[1]][shape[2]];
        double area = shape[1] * shape[2];
        for (int c = 0; c < shape[0]; c++) {
            double share = gradOutput[c] / area;
            for (double[] row : dx[c]) {
                Arrays.fill(row, share);
            }
        }
        return dx;
        // END SOLUTION
    }
}
