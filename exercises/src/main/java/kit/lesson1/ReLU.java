package kit.lesson1;

import kit.core.Layer;

/**
 * The rectified linear unit, element by element.
 *
 * <p>Forward: {@code y[i] = max(0, x[i])}. Backward: {@code dL/dx[i] = dL/dy[i]} where
 * {@code x[i] > 0} and {@code 0} elsewhere. At {@code x = 0} the function has a kink and no
 * derivative; we take the subgradient 0 there, as every library does.
 *
 * <p>Shapes: any length, output as long as the input.
 *
 * <p>Book: {@code src/site/markdown/lesson1.md}, "Activations".
 */
public final class ReLU implements Layer<double[], double[]> {
    private double[] x;  // n, the input of the last forward

    @Override
    public double[] forward(double[] x) {
        if (x == null) {
            throw new IllegalArgumentException("ReLU.forward input is null");
        }
        this.x = x.clone();
        throw new kit.core.NotImplementedYet(1, "ReLU.forward", "y[i] = max(0, x[i])");
    }

    @Override
    public double[] backward(double[] gradOutput) {
        Activations.requireForwardMatches("ReLU", x, gradOutput);
        throw new kit.core.NotImplementedYet(1, "ReLU.backward", "pass g[i] through where x[i] > 0, else 0");
    }
}
