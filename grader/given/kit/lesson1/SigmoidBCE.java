package kit.lesson1;

import kit.core.Loss;
import kit.core.Shapes;

/**
 * Sigmoid with binary cross-entropy: the Bernoulli likelihood read from a logit.
 *
 * <p>Each logit {@code z} is a log-odds; {@code p = sigma(z) = 1 / (1 + e^-z)} and for a target
 * {@code y} in {0, 1}:
 * {@code L = -y log p - (1 - y) log(1 - p) = softplus(z) - y z}, where
 * {@code softplus(z) = log(1 + e^z) = max(z, 0) + log(1 + e^-|z|)}; computed as
 * {@code L = max(z, 0) - y z + log1p(e^-|z|)}, the large terms first.
 * <br>Gradient: {@code dL/dz = sigma(z) - y}, the prediction minus the target.
 *
 * <p>Shapes: logits and targets have the same length (one independent yes/no per output);
 * the loss is summed over outputs.
 *
 * <p>Numerics: written as above and with a two-branch sigmoid, it is finite and exact (to the
 * rounding of the result) for any finite {@code z}: at {@code z = 30, y = 1} the loss is
 * {@code log1p(e^-30) = 9.3576e-14}, which {@code softplus(z) - z} would lose to cancellation; computing {@code log(sigma(z))} directly gives {@code log(0) = -inf} once
 * {@code |z|} passes about 37.
 *
 * <p>Book: {@code src/site/markdown/lesson1.md}, "The loss reads the logits".
 */
public final class SigmoidBCE implements Loss {

    @Override
    public double value(double[] logits, double[] target) {
        Shapes.requireSameLength("SigmoidBCE.value", logits, "logits", target, "target");
        throw new kit.core.NotImplementedYet(1, "SigmoidBCE.value", "the binary cross-entropy summed over outputs, one number, from logits z and targets y (same length), exact for any finite z; book: src/site/markdown/lesson1.md, \"SigmoidBCE\"");
    }

    @Override
    public double[] gradient(double[] logits, double[] target) {
        Shapes.requireSameLength("SigmoidBCE.gradient", logits, "logits", target, "target");
        throw new kit.core.NotImplementedYet(1, "SigmoidBCE.gradient", "dL/dz, a new array of the logits' length; book: src/site/markdown/lesson1.md, \"SigmoidBCE\"");
    }

    @Override
    public double[] predict(double[] logits) {
        if (logits == null) {
            throw new IllegalArgumentException("SigmoidBCE.predict: logits are null");
        }
        double[] p = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = sigmoid(logits[i]);
        }
        return p;
    }

    /** {@code 1 / (1 + e^-z)}, without overflow for large negative {@code z}; Lesson 2 reuses it. */
    public static double sigmoid(double z) {
        throw new kit.core.NotImplementedYet(1, "SigmoidBCE.sigmoid", "sigma(z) = 1 / (1 + e^-z) for one number, without overflow for any finite z; book: src/site/markdown/lesson1.md, \"SigmoidBCE\"");
    }

    /** {@code log(1 + e^z)}, finite and exact for any finite {@code z}; Lesson 2 reuses it. */
    public static double softplus(double z) {
        throw new kit.core.NotImplementedYet(1, "SigmoidBCE.softplus", "softplus(z) = log(1 + e^z) for one number, finite and exact for any finite z; book: src/site/markdown/lesson1.md, \"SigmoidBCE\"");
    }
}
