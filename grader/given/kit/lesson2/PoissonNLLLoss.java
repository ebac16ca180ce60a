package kit.lesson2;

import kit.core.Loss;
import kit.core.Shapes;

/**
 * The Poisson likelihood for counts, with the log link: the logit is the log of the rate.
 *
 * <p>Rate {@code lambda = e^z}, always positive. For a count {@code y},
 * {@code -log P(y | lambda) = lambda - y log(lambda) + log(y!) = e^z - y z + log(y!)}. The term
 * {@code log(y!)} does not depend on the logit and is dropped, so
 * {@code L = sum_i e^z[i] - y[i] z[i]}; its minimum over {@code z} is not 0 but {@code y - y log y}.
 * <br>Gradient: {@code dL/dz[i] = e^z[i] - y[i]}, the predicted rate minus the count.
 *
 * <p>Shapes: logits, target, prediction (the rates) and gradient have the same length; targets are
 * non-negative (whole counts, though nothing here needs them whole).
 *
 * <p>Numerics: for very negative {@code z}, {@code e^z} rounds to 0 and the loss to the exact
 * {@code -y z}. For {@code z} above about 709.78 the rate itself exceeds the largest double, so the
 * value and gradient are {@code +Infinity}: no rewriting can help, the number does not exist in
 * floating point. A network's logits sit far below that; the grader checks up to {@code z = 700}.
 *
 * <p>Book: {@code src/site/markdown/lesson2.md}, "Poisson: counts and the log link".
 */
public final class PoissonNLLLoss implements Loss {

    @Override
    public double value(double[] logits, double[] target) {
        requireCounts("PoissonNLLLoss.value", logits, target);
        throw new kit.core.NotImplementedYet(2, "PoissonNLLLoss.value", "the Poisson negative log-likelihood (without log y!) summed over outputs, from log-rates z and counts y (same length); book: src/site/markdown/lesson2.md, \"Poisson: counts and the log link\"");
    }

    @Override
    public double[] gradient(double[] logits, double[] target) {
        requireCounts("PoissonNLLLoss.gradient", logits, target);
        throw new kit.core.NotImplementedYet(2, "PoissonNLLLoss.gradient", "dL/dz, a new array of the logits' length; book: src/site/markdown/lesson2.md, \"Poisson: counts and the log link\"");
    }

    @Override
    public double[] predict(double[] logits) {
        if (logits == null) {
            throw new IllegalArgumentException("PoissonNLLLoss.predict: logits are null");
        }
        throw new kit.core.NotImplementedYet(2, "PoissonNLLLoss.predict", "the predicted rate of each output, a new array of z's length; book: src/site/markdown/lesson2.md, \"Poisson: counts and the log link\"");
    }

    private static void requireCounts(String what, double[] logits, double[] target) {
        Shapes.requireSameLength(what, logits, "logits", target, "target");
        for (int i = 0; i < target.length; i++) {
            if (!(target[i] >= 0) || Double.isInfinite(target[i])) {
                throw new IllegalArgumentException(what + ": target[" + i + "] is " + target[i]
                        + " but a count must be finite and at least 0");
            }
        }
    }
}
