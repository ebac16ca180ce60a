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
        // BEGIN SOLUTION hint: y[c] = the mean of x[c][i][j] over all i, j
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

    @Override
    public double[][][] backward(double[] gradOutput) {
        FeatureMaps.requireForward("GlobalAvgPool", shape);
        Shapes.requireLength("GlobalAvgPool.backward dL/dy (the input was " + Shapes.describe(shape) + ")",
                gradOutput, shape[0]);
        // BEGIN SOLUTION hint: dx[c][i][j] = g[c] / (H * W) at every position
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
