package kit.grader.lesson2;

import kit.grader.check.Backpropagation;
import kit.grader.check.NestedArrays;
import kit.grader.check.Seeds;
import kit.lesson2.GaussianNLLLoss;
import kit.lesson2.MSELoss;
import kit.lesson2.PoissonNLLLoss;
import kit.lesson2.SoftmaxCrossEntropy;

/**
 * Lesson 2's loss gradients must be derivatives, not differences of the value
 * ({@link Backpropagation}): on 4096 logits a numeric gradient costs 8192 values, the closed form
 * about one. Every gradient test of a loss runs its guard first.
 */
final class Backprops {
    static final int N = 4096;
    static final Backpropagation SOFTMAX_CROSS_ENTROPY = Backpropagation.ofLoss("SoftmaxCrossEntropy.gradient",
            N + " logits", Seeds.seed(921), rng -> new SoftmaxCrossEntropy(),
            rng -> scaled(NestedArrays.uniform(N, rng), 4), rng -> SoftmaxCrossEntropy.oneHot(rng.nextInt(N), N));
    static final Backpropagation MSE = Backpropagation.ofLoss("MSELoss.gradient", N + " logits", Seeds.seed(922),
            rng -> new MSELoss(), rng -> scaled(NestedArrays.uniform(N, rng), 3),
            rng -> scaled(NestedArrays.uniform(N, rng), 3));
    static final Backpropagation POISSON = Backpropagation.ofLoss("PoissonNLLLoss.gradient", N + " logits",
            Seeds.seed(923), rng -> new PoissonNLLLoss(), rng -> scaled(NestedArrays.uniform(N, rng), 2), rng -> {
                double[] counts = new double[N];
                for (int i = 0; i < N; i++) {
                    counts[i] = rng.nextInt(6);
                }
                return counts;
            });
    static final Backpropagation GAUSSIAN = Backpropagation.ofLoss("GaussianNLLLoss.gradient",
            N + " logits (" + N / 2 + " means, then " + N / 2 + " raw scales)", Seeds.seed(924),
            rng -> new GaussianNLLLoss(), rng -> scaled(NestedArrays.uniform(N, rng), 2),
            rng -> scaled(NestedArrays.uniform(N / 2, rng), 3));

    private Backprops() {
    }

    static double[] scaled(double[] v, double scale) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
