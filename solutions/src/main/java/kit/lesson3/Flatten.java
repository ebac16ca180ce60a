package kit.lesson3;

import kit.core.Layer;
import kit.core.Pass;
import kit.core.Shapes;

/**
 * Lays a {@code C x H x W} array out as one vector, channel by channel and row by row, so that a
 * dense layer from Lesson 1 can read feature maps (or raw pixels).
 *
 * <p>Forward: {@code y[(c H + i) W + j] = x[c][i][j]}. Backward: the same bookkeeping in reverse,
 * {@code dL/dx[c][i][j] = dL/dy[(c H + i) W + j]}. No arithmetic, so no gradient is lost or made.
 *
 * <p>Shapes: input {@code C x H x W}, output {@code C H W}. No parameters.
 * A dense layer after it treats every pixel as a separate input with its own weight: it knows
 * nothing of which pixels are neighbours.
 *
 * <p>Book: {@code src/site/markdown/lesson3.md}, "Connecting to dense layers".
 */
public final class Flatten implements Layer<double[][][], double[]> {
    @Override
    public Pass<double[][][], double[]> forward(double[][][] x) {
        int[] shape = FeatureMaps.requireImage("Flatten.forward input", x, -1, 1);
        return Pass.of(flatten(x), g -> unflatten(shape, g));
    }

    /** {@code x} ({@code C x H x W}) laid out as one vector of {@code C H W} entries. */
    public double[] flatten(double[][][] x) {
        int[] shape = FeatureMaps.requireImage("Flatten.flatten input", x, -1, 1);
        // BEGIN SOLUTION
        // task: x (C x H x W) as one vector of C H W entries, channel by channel, row by row
        // book: Connecting to dense layers
        // pseudocode: y[(c * H + i) * W + j] = x[c][i][j]
        double[] y = new double[shape[0] * shape[1] * shape[2]];
        int n = 0;
        for (double[][] channel : x) {
            for (double[] row : channel) {
                System.arraycopy(row, 0, y, n, row.length);
                n += row.length;
            }
        }
        return y;
        // END SOLUTION
    }

    /** The backward of {@link #flatten} for an input of shape {@code {C, H, W}}: a new {@code C x H x W} array. */
    public double[][][] unflatten(int[] shape, double[] gradOutput) {
        Shapes.requireLength("Flatten.backward dL/dy (the input was " + Shapes.describe(shape) + ")",
                gradOutput, shape[0] * shape[1] * shape[2]);
        // BEGIN SOLUTION
        // task: dL/dx (a new C x H x W array) from g = dL/dy (length C H W)
        // book: Connecting to dense layers
        // pseudocode: dx[c][i][j] = g[(c * H + i) * W + j], in a new C x H x W array
        double[][][] dx = new double[shape[0]][shape[1]][shape[2]];
        int n = 0;
        for (double[][] channel : dx) {
            for (double[] row : channel) {
                System.arraycopy(gradOutput, n, row, 0, row.length);
                n += row.length;
            }
        }
        return dx;
        // END SOLUTION
    }
}
