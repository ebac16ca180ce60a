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
        // BEGIN SOLUTION hint: y[i] = Math.tanh(x[i]); keep y for backward
        y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.tanh(x[i]);
        }
        return y.clone();
        // END SOLUTION
    }

    @Override
    public double[] backward(double[] gradOutput) {
        Activations.requireForwardMatches("Tanh", y, gradOutput);
        // BEGIN SOLUTION hint: dx[i] = g[i] * (1 - y[i] * y[i])
        double[] dx = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            dx[i] = gradOutput[i] * (1 - y[i] * y[i]);
        }
        return dx;
        // END SOLUTION
    }
}
