package kit.lesson8;

import java.util.List;

import kit.core.Layer;
import kit.core.Pass;
import kit.core.Parameter;

/**
 * A K-armed bandit with deterministic rewards and a softmax policy over its arms: the smallest
 * problem on which REINFORCE can be checked exactly.
 *
 * <p>The policy has one state and no input: its logits are its parameters, {@code z = theta}, so
 * {@code pi(a) = softmax(theta)[a]}. Forward ignores the (empty) input and returns a copy of
 * {@code theta}; backward adds {@code dL/dz} to {@code dL/dtheta} and returns an empty {@code dL/dx}.
 * Pulling arm {@code a} pays {@code r[a]}. The expected reward is {@code J = sum_a pi(a) r[a]}, with the
 * exact gradient {@code dJ/dtheta_i = pi(i) (r[i] - J)}.
 *
 * <p>Shapes: input of length 0 ({@link #state()}), logits and rewards of length {@code K}. Cost:
 * {@code O(K)} each way.
 *
 * <p>Book: {@code src/site/markdown/lesson8.md}, "The bandit, computed exactly".
 */
public final class Bandit implements Layer<double[], double[]> {
    private final double[] theta;     // K, the logits
    private final double[] dTheta;    // K, accumulated dL/dtheta
    private final double[] rewards;   // K, the reward of each arm

    public Bandit(double[] preferences, double[] rewards) {
        if (preferences == null || rewards == null || preferences.length < 2 || preferences.length != rewards.length) {
            throw new IllegalArgumentException("Bandit: preferences and rewards must be equally long, with at least "
                    + "2 arms; they have lengths " + (preferences == null ? "null" : preferences.length) + " and "
                    + (rewards == null ? "null" : rewards.length));
        }
        this.theta = preferences.clone();
        this.dTheta = new double[theta.length];
        this.rewards = rewards.clone();
    }

    /** The bandit's only state: an empty input. */
    public static double[] state() {
        return new double[0];
    }

    public int arms() {
        return theta.length;
    }

    /** The reward of {@code arm}. */
    public double reward(int arm) {
        if (arm < 0 || arm >= rewards.length) {
            throw new IllegalArgumentException("Bandit.reward: arm " + arm + " is not in 0.." + (rewards.length - 1));
        }
        return rewards[arm];
    }

    /** {@code pi = softmax(theta)}. */
    public double[] probabilities() {
        return SoftmaxPolicy.probabilities(theta);
    }

    @Override
    public Pass<double[], double[]> forward(double[] x) {
        if (x == null || x.length != 0) {
            throw new IllegalArgumentException("Bandit.forward: input has length " + (x == null ? "null" : x.length)
                    + " but a bandit has no state: pass Bandit.state(), of length 0");
        }
        return Pass.of(theta.clone(), g -> backward(g));
    }

    private double[] backward(double[] gradOutput) {
        if (gradOutput == null || gradOutput.length != theta.length) {
            throw new IllegalArgumentException("Bandit.backward: dL/dz has length "
                    + (gradOutput == null ? "null" : gradOutput.length) + " but the bandit has " + theta.length + " arms");
        }
        for (int k = 0; k < theta.length; k++) {
            dTheta[k] += gradOutput[k];
        }
        return new double[0];
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.vector("theta", theta, dTheta));
    }
}
