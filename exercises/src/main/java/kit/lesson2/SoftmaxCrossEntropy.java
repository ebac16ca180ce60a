package kit.lesson2;

import kit.core.Loss;
import kit.core.Shapes;

/**
 * Softmax with cross-entropy: the categorical likelihood read from {@code K} logits.
 *
 * <p>The logits are log-probabilities up to one constant shared by all classes:
 * {@code p[k] = e^z[k] / sum_j e^z[j]}. For a one-hot target {@code y} (1 at the true class
 * {@code c}) the negative log-likelihood is
 * {@code L = -log p[c] = logSumExp(z) - z[c] = logSumExp(z) - sum_k y[k] z[k]}.
 * <br>Gradient: {@code dL/dz[k] = p[k] - y[k]}, the prediction minus the target.
 *
 * <p>Shapes: logits, target, prediction and gradient all have length {@code K}. The target must be a
 * distribution over the classes (non-negative, summing to 1): a one-hot vector, or a soft label.
 *
 * <p>Numerics: {@code e^z} overflows past {@code z = 709} and rounds to 0 below {@code -745}, so the
 * softmax and {@code logSumExp} first subtract {@code m = max_k z[k]}:
 * {@code logSumExp(z) = m + log sum_k e^(z[k] - m)}. Every exponent is then at most 0 and the
 * largest term is exactly 1, so the sum lies in {@code [1, K]}. This is not an approximation: adding
 * a constant to every logit changes neither the probabilities nor the loss.
 *
 * <p>Book: {@code src/site/markdown/lesson2.md}, "Categorical: softmax".
 */
public final class SoftmaxCrossEntropy implements Loss {

    /** The one-hot vector of length {@code classes} with a 1 at {@code k}. */
    public static double[] oneHot(int k, int classes) {
        if (k < 0 || k >= classes) {
            throw new IllegalArgumentException("SoftmaxCrossEntropy.oneHot: class " + k + " is not in 0.."
                    + (classes - 1));
        }
        double[] y = new double[classes];
        y[k] = 1;
        return y;
    }

    @Override
    public double value(double[] logits, double[] target) {
        requireDistribution("SoftmaxCrossEntropy.value", logits, target);
        throw new kit.core.NotImplementedYet(2, "SoftmaxCrossEntropy.value", "the cross-entropy -sum_k y[k] log p[k] of softmax(z), one number, from logits z and a target distribution y (same length), finite for any finite z; book: src/site/markdown/lesson2.md, \"Categorical: softmax\"");
    }

    @Override
    public double[] gradient(double[] logits, double[] target) {
        requireDistribution("SoftmaxCrossEntropy.gradient", logits, target);
        throw new kit.core.NotImplementedYet(2, "SoftmaxCrossEntropy.gradient", "dL/dz, a new array of the logits' length; book: src/site/markdown/lesson2.md, \"Categorical: softmax\"");
    }

    @Override
    public double[] predict(double[] logits) {
        requireLogits("SoftmaxCrossEntropy.predict", logits);
        throw new kit.core.NotImplementedYet(2, "SoftmaxCrossEntropy.predict", "the softmax probabilities of z, a new array of z's length, finite for any finite z; book: src/site/markdown/lesson2.md, \"Categorical: softmax\"");
    }

    /** {@code log sum_k e^z[k]}, finite for any finite logits; Lessons 6 and 8 reuse it. */
    public static double logSumExp(double[] z) {
        throw new kit.core.NotImplementedYet(2, "SoftmaxCrossEntropy.logSumExp", "log sum_k e^z[k], one number, finite for any finite z; book: src/site/markdown/lesson2.md, \"Categorical: softmax\"");
    }

    static double max(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static void requireLogits(String what, double[] logits) {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException(what + ": logits are " + (logits == null ? "null" : "empty")
                    + "; expected one per class");
        }
    }

    /** Same lengths, and a target that is a distribution over the classes. */
    private static void requireDistribution(String what, double[] logits, double[] target) {
        Shapes.requireSameLength(what, logits, "logits", target, "target");
        requireLogits(what, logits);
        double sum = 0;
        for (int k = 0; k < target.length; k++) {
            if (!(target[k] >= 0)) {
                throw new IllegalArgumentException(what + ": target[" + k + "] is " + target[k]
                        + " but a target must be a distribution (one-hot: 1 at the class, 0 elsewhere)");
            }
            sum += target[k];
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException(what + ": target sums to " + sum
                    + " but must sum to 1 (one-hot: 1 at the class, 0 elsewhere)");
        }
    }
}
