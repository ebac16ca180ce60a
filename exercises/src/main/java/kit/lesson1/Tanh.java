package kit.lesson1;

import kit.core.Layer;

/**
 * The hyperbolic tangent, element by element.
 *
 * <p>Forward: {@code y[i] = tanh(x[i])}. Backward: {@code dL/dx[i] = dL/dy[i] * (1 - y[i]^2)},
 * since {@code tanh'(x) = 1 - tanh(x)^2}; caching the output makes the backward pass one multiply.
 *
 * <p>Shapes: any length, output as long as the input. Saturates for {@code |x| > 5}, where the
 * gradient all but vanishes.
 *
 * <p>Book: {@code src/site/markdown/lesson1.md}, "Activations".
 */
public final class Tanh implements Layer<double[], double[]> {
    private double[] y;  // n, the output of the last forward

    @Override
    public double[] forward(double[] x) {
        if (x == null) {
            throw new IllegalArgumentException("Tanh.forward input is null");
        }
        throw new kit.core.NotImplementedYet(1, "Tanh.forward", "y[i] = Math.tanh(x[i]); keep y for backward");
    }

    @Override
    public double[] backward(double[] gradOutput) {
        Activations.requireForwardMatches("Tanh", y, gradOutput);
        throw new kit.core.NotImplementedYet(1, "Tanh.backward", "dx[i] = g[i] * (1 - y[i] * y[i])");
    }
}
