package kit.lesson8;

import java.util.random.RandomGenerator;

import kit.lesson2.SoftmaxCrossEntropy;

/**
 * How a policy network's logits become an action: {@code pi(a | s) = softmax(z)[a]} with
 * {@code z} the network's logits for state {@code s}.
 *
 * <p>Sampling by the inverse CDF: with the cumulative probabilities
 * {@code c[k] = p[0] + ... + p[k]} and one uniform draw {@code u} in {@code [0, 1)}, the action is
 * the first {@code k} with {@code u < c[k]}. Action {@code k} is drawn exactly when {@code u} falls in
 * {@code [c[k-1], c[k])}, an interval of length {@code p[k]}. Greedy play takes the arg max instead.
 *
 * <p>Shapes: {@code K} logits in, one action in {@code 0..K-1} out. Cost: {@code O(K)}.
 *
 * <p>Numerics: the probabilities come from {@link SoftmaxCrossEntropy#predict}, which is stable at any
 * logits. Their rounded sum can fall short of 1 by a few ulps, leaving {@code u} above {@code c[K-1]};
 * the draw then goes to the last action whose probability is positive, so an action of probability 0
 * (a logit 745 below the largest) is never drawn.
 *
 * <p>Book: {@code src/site/markdown/lesson8.md}, "Sampling an action".
 */
public final class SoftmaxPolicy {
    private static final SoftmaxCrossEntropy SOFTMAX = new SoftmaxCrossEntropy();

    private SoftmaxPolicy() {
    }

    /** {@code softmax(z)}, the action probabilities. */
    public static double[] probabilities(double[] logits) {
        return SOFTMAX.predict(logits);
    }

    /** One action drawn from {@code softmax(logits)} with a single {@code rng.nextDouble()}. */
    public static int sample(double[] logits, RandomGenerator rng) {
        requireLogits("SoftmaxPolicy.sample", logits);
        if (rng == null) {
            throw new IllegalArgumentException("SoftmaxPolicy.sample: the generator is null");
        }
        throw new kit.core.NotImplementedYet(8, "SoftmaxPolicy.sample", "one action index drawn from softmax(logits) with exactly one rng.nextDouble(); an action of probability 0 is never drawn; book: src/site/markdown/lesson8.md, \"Sampling an action\"");
    }

    /** The most probable action (the first one on a tie). */
    public static int greedy(double[] logits) {
        requireLogits("SoftmaxPolicy.greedy", logits);
        int best = 0;
        for (int k = 1; k < logits.length; k++) {
            if (logits[k] > logits[best]) {
                best = k;
            }
        }
        return best;
    }

    private static void requireLogits(String what, double[] logits) {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException(what + ": logits are " + (logits == null ? "null" : "of length 0")
                    + "; expected at least one logit");
        }
    }
}
