package kit.lesson8;

import java.util.random.RandomGenerator;

import kit.core.Network;
import kit.core.Optimizer;
import kit.lesson2.SoftmaxCrossEntropy;

/**
 * REINFORCE with a baseline: the policy-gradient update for one episode, written as weighted
 * classification.
 *
 * <p>The objective is the expected return {@code J(theta) = E[sum_t gamma^t r_t]}. Its gradient,
 * estimated from one episode, is {@code g = sum_t (G_t - b) grad log pi(a_t | s_t)} with the
 * return-to-go {@code G_t = r_t + gamma G_{t+1}} ({@code G_T = 0}) and a baseline {@code b} that does
 * not depend on the episode's actions. Since {@code -log pi(a | s)} is the cross-entropy of the logits
 * with the one-hot label {@code a}, gradient ascent on {@code J} is gradient descent on
 * {@code sum_t w_t CE(z_t, onehot(a_t))} with weights {@code w_t = G_t - b}: per step,
 * {@code dL/dz_t = w_t (softmax(z_t) - onehot(a_t))}. The update runs through the network's ordinary
 * training step: zero the gradients, back-propagate every step with its weight, take one optimiser
 * step (summed over the episode, not averaged).
 *
 * <p>The baseline is a moving average of past episodes' total returns,
 * {@code b <- decay b + (1 - decay) R}, starting at 0 and updated only after the episode has used it,
 * so it never depends on the actions it weighs.
 *
 * <p>Shapes: an episode of {@code T} steps gives {@code T} rewards, returns and weights, and
 * {@code T} inputs (one per state). Cost per episode: {@code T} forward and backward passes and one
 * optimiser step.
 *
 * <p>Numerics: the weights are differences of returns of order 1; the cross-entropy gradient is
 * bounded by 2 in each logit, so a step is bounded too, whatever the logits.
 *
 * <p>Book: {@code src/site/markdown/lesson8.md}, "The cross-entropy identity".
 */
public final class Reinforce {
    private final Network<double[]> policy;
    private final Optimizer optimizer;
    private final double gamma;
    private final double baselineDecay;
    private double baseline;

    public Reinforce(Network<double[]> policy, Optimizer optimizer, double gamma, double baselineDecay) {
        if (policy == null || optimizer == null) {
            throw new IllegalArgumentException("Reinforce: the policy and the optimiser must not be null");
        }
        if (!(gamma >= 0 && gamma <= 1) || !(baselineDecay >= 0 && baselineDecay < 1)) {
            throw new IllegalArgumentException("Reinforce: gamma is " + gamma + " and the baseline's decay "
                    + baselineDecay + "; expected 0 <= gamma <= 1 and 0 <= decay < 1");
        }
        this.policy = policy;
        this.optimizer = optimizer;
        this.gamma = gamma;
        this.baselineDecay = baselineDecay;
    }

    /** The current baseline: the moving average of the total returns of the episodes learnt so far. */
    public double baseline() {
        return baseline;
    }

    /**
     * Plays and learns from {@code episodes} episodes of {@code world}; returns each one's total return.
     * The world is an argument, not a field: {@link #learn} knows it only through the episodes' rewards.
     */
    public double[] train(GridWorld world, int episodes, RandomGenerator rng) {
        if (world == null || episodes < 0 || rng == null) {
            throw new IllegalArgumentException("Reinforce.train: the world " + (world == null ? "is null" : "is given")
                    + ", episodes is " + episodes + " and the generator " + (rng == null ? "is null" : "is given")
                    + "; expected a world, at least 0 episodes and a generator");
        }
        double[] returns = new double[episodes];
        for (int e = 0; e < episodes; e++) {
            Episode episode = world.rollout(policy, rng);
            learn(episode);
            returns[e] = episode.totalReturn();
        }
        return returns;
    }

    /** One REINFORCE update from {@code episode}, weighted by the baseline as it stands, then the baseline's update. */
    public void learn(Episode episode) {
        if (episode == null) {
            throw new IllegalArgumentException("Reinforce.learn: the episode is null");
        }
        throw new kit.core.NotImplementedYet(8, "Reinforce.learn", "one REINFORCE update from an episode with the baseline as it stands, then move the baseline towards the episode's return; book: src/site/markdown/lesson8.md, \"Baselines: unbiased, and sometimes better\"");
    }

    /** {@code G_t = r_t + gamma r_{t+1} + gamma^2 r_{t+2} + ...}, the discounted return from step t on. */
    public static double[] returnsToGo(double[] rewards, double gamma) {
        if (rewards == null || rewards.length == 0) {
            throw new IllegalArgumentException("Reinforce.returnsToGo: expected at least one reward");
        }
        throw new kit.core.NotImplementedYet(8, "Reinforce.returnsToGo", "the discounted return from every step on, G_t, a new array of the rewards' length; book: src/site/markdown/lesson8.md, \"Returns-to-go\"");
    }

    /** The policy-gradient weight of every step, {@code w_t = G_t - b}. */
    public static double[] weights(double[] returnsToGo, double baseline) {
        if (returnsToGo == null) {
            throw new IllegalArgumentException("Reinforce.weights: the returns are null");
        }
        throw new kit.core.NotImplementedYet(8, "Reinforce.weights", "every step's policy-gradient weight, a new array of the returns' length; book: src/site/markdown/lesson8.md, \"Baselines: unbiased, and sometimes better\"");
    }

    /**
     * One gradient step on {@code sum_t w_t CE(policy(x_t), onehot(a_t))}: zero the gradients,
     * back-propagate every step with its weight, then one {@code policy.step(optimizer)}.
     */
    public static void update(Network<double[]> policy, double[][] inputs, int[] actions, double[] weights,
                              Optimizer optimizer) {
        requireSameLengths(inputs, actions, weights);
        int classes = inputs.length == 0 ? 0 : policy.logits(inputs[0]).length;
        requireActions(actions, classes);
        throw new kit.core.NotImplementedYet(8, "Reinforce.update", "one gradient step on the return-weighted cross-entropy of an episode's steps (inputs T x n, actions T, weights T), from zero gradients; book: src/site/markdown/lesson8.md, \"The cross-entropy identity\"");
    }

    private static void requireSameLengths(double[][] inputs, int[] actions, double[] weights) {
        if (inputs == null || actions == null || weights == null || inputs.length != actions.length
                || inputs.length != weights.length) {
            throw new IllegalArgumentException("Reinforce.update: inputs, actions and weights must be equally long;"
                    + " they have lengths " + (inputs == null ? "null" : inputs.length) + ", "
                    + (actions == null ? "null" : actions.length) + " and " + (weights == null ? "null" : weights.length));
        }
    }

    private static void requireActions(int[] actions, int classes) {
        for (int t = 0; t < actions.length; t++) {
            if (actions[t] < 0 || actions[t] >= classes) {
                throw new IllegalArgumentException("Reinforce.update: action " + actions[t] + " at step " + t
                        + " but the policy has " + classes + " actions");
            }
        }
    }
}
