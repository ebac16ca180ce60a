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
        throw new kit.core.NotImplementedYet(3, "Flatten.flatten", "x (C x H x W) as one vector of C H W entries, channel by channel, row by row; book: src/site/markdown/lesson3.md, \"Connecting to dense layers\"");
    }

    /** The backward of {@link #flatten} for an input of shape {@code {C, H, W}}: a new {@code C x H x W} array. */
    public double[][][] unflatten(int[] shape, double[] gradOutput) {
        Shapes.requireLength("Flatten.backward dL/dy (the input was " + Shapes.describe(shape) + ")",
                gradOutput, shape[0] * shape[1] * shape[2]);
        throw new kit.core.NotImplementedYet(3, "Flatten.unflatten", "dL/dx (a new C x H x W array) from g = dL/dy (length C H W); book: src/site/markdown/lesson3.md, \"Connecting to dense layers\"");
    }
}
