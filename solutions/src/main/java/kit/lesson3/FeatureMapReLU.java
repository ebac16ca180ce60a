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
        // BEGIN SOLUTION hint: y[c][i][j] = max(0, x[c][i][j]), in a new array of x's shape
        double[][][] y = new double[shape[0]][shape[1]][shape[2]];
        for (int c = 0; c < shape[0]; c++) {
            for (int i = 0; i < shape[1]; i++) {
                for (int j = 0; j < shape[2]; j++) {
                    y[c][i][j] = Math.max(0, x[c][i][j]);
                }
            }
        }
        return y;
        // END SOLUTION
    }

    @Override
    public double[][][] backward(double[][][] gradOutput) {
        FeatureMaps.requireForward("FeatureMapReLU", shape);
        Shapes.requireShape("FeatureMapReLU.backward dL/dy", gradOutput, shape[0], shape[1], shape[2]);
        // BEGIN SOLUTION hint: dx[c][i][j] = g[c][i][j] where x[c][i][j] > 0, else 0
        double[][][] dx = new double[shape[0]][shape[1]][shape[2]];
        for (int c = 0; c < shape[0]; c++) {
            for (int i = 0; i < shape[1]; i++) {
                for (int j = 0; j < shape[2]; j++) {
                    dx[c][i][j] = x[c][i][j] > 0 ? gradOutput[c][i][j] : 0.0;
                }
            }
        }
        return dx;
        // END SOLUTION
    }
}
