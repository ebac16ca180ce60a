package kit.lesson3;

import kit.core.Layer;
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
    private int[] shape;  // {C, H, W} of the last forward, null before the first

    @Override
    public double[] forward(double[][][] x) {
        shape = FeatureMaps.requireImage("Flatten.forward input", x, -1, 1);
        throw new kit.core.NotImplementedYet(3, "Flatten.forward", "y[(c * H + i) * W + j] = x[c][i][j]");
    }

    @Override
    public double[][][] backward(double[] gradOutput) {
        FeatureMaps.requireForward("Flatten", shape);
        Shapes.requireLength("Flatten.backward dL/dy (the input was " + Shapes.describe(shape) + ")",
                gradOutput, shape[0] * shape[1] * shape[2]);
        throw new kit.core.NotImplementedYet(3, "Flatten.backward", "dx[c][i][j] = g[(c * H + i) * W + j], in a new C x H x W array");
    }
}
