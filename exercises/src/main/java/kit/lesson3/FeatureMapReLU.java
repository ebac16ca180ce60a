package kit.lesson3;

import kit.core.Layer;
import kit.core.Shapes;

/**
 * The rectified linear unit over feature maps, element by element: Lesson 1's ReLU for
 * {@code channels x height x width} arrays.
 *
 * <p>Forward: {@code y[c][i][j] = max(0, x[c][i][j])}. Backward: {@code dL/dx = dL/dy} where
 * {@code x > 0} and {@code 0} elsewhere (the subgradient 0 at the kink).
 *
 * <p>Shapes: any {@code C x H x W}; the output has the input's shape.
 *
 * <p>Book: {@code src/site/markdown/lesson3.md}, "Connecting to dense layers".
 */
public final class FeatureMapReLU implements Layer<double[][][], double[][][]> {
    private double[][][] x;  // C x H x W, the input of the last forward
    private int[] shape;     // {C, H, W} of the last forward, null before the first

    @Override
    public double[][][] forward(double[][][] x) {
        shape = FeatureMaps.requireImage("FeatureMapReLU.forward input", x, -1, 1);
        this.x = FeatureMaps.copy(x);
        throw new kit.core.NotImplementedYet(3, "FeatureMapReLU.forward", "y[c][i][j] = max(0, x[c][i][j]), in a new array of x's shape");
    }

    @Override
    public double[][][] backward(double[][][] gradOutput) {
        FeatureMaps.requireForward("FeatureMapReLU", shape);
        Shapes.requireShape("FeatureMapReLU.backward dL/dy", gradOutput, shape[0], shape[1], shape[2]);
        throw new kit.core.NotImplementedYet(3, "FeatureMapReLU.backward", "dx[c][i][j] = g[c][i][j] where x[c][i][j] > 0, else 0");
    }
}
