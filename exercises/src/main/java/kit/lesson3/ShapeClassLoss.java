package kit.lesson3;

import kit.core.Loss;
import kit.core.Shapes;

/**
 * Softmax with cross-entropy, for the four classes of the shapes task: the logits {@code z} are read
 * as a categorical distribution {@code p = softmax(z)}, {@code p_i = e^{z_i} / sum_j e^{z_j}}.
 *
 * <p>For a one-hot target {@code y}: {@code L = -sum_i y_i log p_i = logsumexp(z) - sum_i y_i z_i},
 * with {@code logsumexp(z) = m + log sum_j e^{z_j - m}}, {@code m = max_j z_j}, which never overflows.
 * Gradient: {@code dL/dz = p - y}, the prediction minus the target (for a target that does not sum
 * to 1, {@code s p - y} with {@code s = sum_i y_i}, which is what the code computes).
 *
 * <p>Given code, so that Lesson 3 stands on Lessons 1 and 3 alone; Lesson 2 derives this loss and
 * its properties in full.
 *
 * <p>Book: {@code src/site/markdown/lesson3.md}, "The shapes task".
 */
public final class ShapeClassLoss implements Loss {

    @Override
    public double value(double[] logits, double[] target) {
        Shapes.requireSameLength("ShapeClassLoss.value", logits, "logits", target, "target");
        double logSumExp = logSumExp(logits);
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            sum += target[i] * (logSumExp - logits[i]);
        }
        return sum;
    }

    @Override
    public double[] gradient(double[] logits, double[] target) {
        Shapes.requireSameLength("ShapeClassLoss.gradient", logits, "logits", target, "target");
        double[] p = predict(logits);
        double mass = 0;
        for (double y : target) {
            mass += y;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = mass * p[i] - target[i];
        }
        return p;
    }

    @Override
    public double[] predict(double[] logits) {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException("ShapeClassLoss.predict: logits are null or empty");
        }
        double logSumExp = logSumExp(logits);
        double[] p = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] - logSumExp);
        }
        return p;
    }

    private static double logSumExp(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }
}
