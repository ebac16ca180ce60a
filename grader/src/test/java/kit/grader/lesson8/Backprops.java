package kit.grader.lesson8;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import kit.core.Layer;
import kit.core.Network;
import kit.core.Parameter;
import kit.core.Pass;
import kit.grader.check.Seeds;
import kit.lesson1.Linear;
import kit.lesson1.Tanh;
import kit.lesson2.SoftmaxCrossEntropy;
import kit.lesson8.Reinforce;

/**
 * {@code Reinforce.update} must back-propagate, not differentiate numerically: the grader hands it a
 * policy whose layer counts its forward passes, so the check is a count, not a time. Back-propagating
 * an episode of T steps runs the policy forward once per step (plus the one call the given code makes
 * to count the actions): at most {@value #BAR_PER_STEP} T is accepted. A numeric gradient runs it
 * twice per step for each of the policy's 1924 parameters. Every gradient test of {@code update}
 * runs this guard first.
 */
final class Backprops {
    static final int BAR_PER_STEP = 3;
    static final int STEPS = 10;
    private static final AtomicReference<String> VERDICT = new AtomicReference<>();

    private Backprops() {
    }

    static void requireUpdateBackpropagates() {
        if (VERDICT.get() == null) {
            VERDICT.set(measure());
        }
        if (!VERDICT.get().isEmpty()) {
            throw new AssertionError(VERDICT.get());
        }
    }

    private static String measure() {
        Random rng = new Random(Seeds.seed(981));
        Layer<double[], double[]> mlp = new Linear(25, 64, rng).then(new Tanh<>()).then(new Linear(64, 4, rng));
        long[] forwards = new long[1];
        Layer<double[], double[]> counted = new Layer<>() {
            @Override
            public Pass<double[], double[]> forward(double[] x) {
                forwards[0]++;
                return mlp.forward(x);
            }

            @Override
            public List<Parameter> parameters() {
                return mlp.parameters();
            }
        };
        Network<double[]> policy = new Network<>(counted, new SoftmaxCrossEntropy());
        double[][] inputs = new double[STEPS][];
        int[] actions = new int[STEPS];
        double[] weights = new double[STEPS];
        for (int t = 0; t < STEPS; t++) {
            inputs[t] = SoftmaxCrossEntropy.oneHot(rng.nextInt(25), 25);
            actions[t] = rng.nextInt(4);
            weights[t] = 2 * rng.nextDouble() - 1;
        }
        Reinforce.update(policy, inputs, actions, weights, new Recorder());
        return forwards[0] <= (long) BAR_PER_STEP * STEPS ? "" : "Reinforce.update is not backpropagation: it ran "
                + "the policy forward " + forwards[0] + " times for an episode of " + STEPS + " steps (bar "
                + BAR_PER_STEP * STEPS + "). Back-propagating each step once runs it once per step; a numeric "
                + "gradient runs it twice per parameter. Call policy.backpropagate once per step.";
    }
}
