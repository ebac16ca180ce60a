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
        throw new kit.core.NotImplementedYet(1, "Sgd.step", "one gradient-descent step on every entry of every parameter, in place; book: src/site/markdown/lesson1.md, \"SGD\"");
    }
}
