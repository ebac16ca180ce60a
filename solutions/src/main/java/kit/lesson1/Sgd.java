package kit.lesson1;

import java.util.List;

import kit.core.Optimizer;
import kit.core.Parameter;

/**
 * Plain stochastic gradient descent: {@code theta <- theta - eta * dL/dtheta} for every entry of
 * every parameter, with a fixed learning rate {@code eta}.
 *
 * <p>The gradients are left as they are; {@link kit.core.Network#fit} clears them before each
 * mini-batch.
 *
 * <p>Book: {@code src/site/markdown/lesson1.md}, "Training".
 */
public final class Sgd implements Optimizer {
    private final double learningRate;

    public Sgd(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Sgd: learning rate is " + learningRate + " but must be positive and finite");
        }
        this.learningRate = learningRate;
    }

    public double learningRate() {
        return learningRate;
    }

    @Override
    public void step(List<Parameter> parameters) {
        // BEGIN SOLUTION
        // task: one gradient-descent step on every entry of every parameter, in place
        // book: SGD
        // pseudocode: for each parameter p, row r, column c: p.value(r)[c] -= eta * p.grad(r)[c]
        for (Parameter p : parameters) {
            for (int r = 0; r < p.rows(); r++) {
                double[] value = p.value(r);
                double[] grad = p.grad(r);
                for (int c = 0; c < value.length; c++) {
                    value[c] -= learningRate * grad[c];
                }
            }
        }
        // END SOLUTION
    }
}
