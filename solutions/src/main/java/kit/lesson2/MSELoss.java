package kit.lesson2;

import kit.core.Loss;
import kit.core.Shapes;

/**
 * Squared error read as a likelihood: a Gaussian whose mean is the logit and whose variance is
 * fixed at 1.
 *
 * <p>{@code -log N(y; z, 1) = (y - z)^2 / 2 + log(2 pi) / 2}. The constant moves no parameter and
 * is dropped; the {@code 1/2} is kept, so that
 * {@code L = sum_i (z[i] - y[i])^2 / 2} and {@code dL/dz[i] = z[i] - y[i]}: the prediction (the
 * mean, which is the logit itself: the identity link) minus the target. A fixed variance other than
 * 1 would only rescale the loss, which a learning rate absorbs.
 *
 * <p>Shapes: logits, target, prediction and gradient have the same length; the loss is summed over
 * outputs, like every loss in the kit ({@link kit.core.Network} averages over examples).
 *
 * <p>Numerics: nothing to guard; the square overflows only once {@code |z - y|} passes {@code 1e154}.
 * Keeping the 1/2 (rather than "mean squared error" literally) is what makes the gradient the bare
 * residual; without it every gradient doubles.
 *
 * <p>Book: {@code src/site/markdown/lesson2.md}, "Gaussian with fixed variance: squared error".
 */
public final class MSELoss implements Loss {

    @Override
    public double value(double[] logits, double[] target) {
        Shapes.requireSameLength("MSELoss.value", logits, "logits", target, "target");
        // BEGIN SOLUTION
        // task: half the squared error summed over outputs, one number, from logits z and targets y (same length)
        // book: Gaussian with fixed variance: squared error
        // pseudocode: L = sum over i of (z[i] - y[i])^2 / 2; keep the 1/2
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double r = logits[i] - target[i];
            sum += r * r;
        }
        return sum / 2;
        // END SOLUTION
    }

    @Override
    public double[] gradient(double[] logits, double[] target) {
        Shapes.requireSameLength("MSELoss.gradient", logits, "logits", target, "target");
        // BEGIN SOLUTION
        // task: dL/dz, a new array of the logits' length
        // book: Gaussian with fixed variance: squared error
        // pseudocode: dL/dz[i] = z[i] - y[i]
        double[] g = new double[logits.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = logits[i] - target[i];
        }
        return g;
        // END SOLUTION
    }

    @Override
    public double[] predict(double[] logits) {
        if (logits == null) {
            throw new IllegalArgumentException("MSELoss.predict: logits are null");
        }
        // BEGIN SOLUTION
        // task: the predicted mean of each output, a new array of z's length
        // book: Gaussian with fixed variance: squared error
        // pseudocode: the identity link: the mean is the logit itself (return a copy)
        return logits.clone();
        // END SOLUTION
    }
}
