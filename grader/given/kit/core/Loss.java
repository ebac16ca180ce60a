package kit.core;

/**
 * The output head: how a network's logits {@code z} are read as a distribution over targets.
 *
 * <p>The network computes logits; the loss interprets them. Every loss in the kit is a negative
 * log-likelihood {@code L(z, y) = -log p(y | z)}, so the output activation (sigmoid, softmax, exp,
 * softplus) lives here and never in the model. {@link #predict} applies it.
 *
 * <p>Shapes: {@code logits} and the returned gradient have the same length; the target's length is
 * fixed by the loss (for example one number per output, or a one-hot vector).
 *
 * <p>Book: {@code src/site/markdown/lesson1.md} ("The loss reads the logits") and lesson 2.
 */
public interface Loss {

    /** {@code L(z, y)} for one example. */
    double value(double[] logits, double[] target);

    /** {@code dL/dz} for one example; a new array as long as {@code logits}. */
    double[] gradient(double[] logits, double[] target);

    /** What the logits predict: a probability, a distribution, a rate, a mean. */
    double[] predict(double[] logits);
}
