package kit.grader.lesson8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Network;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson2.SoftmaxCrossEntropy;
import kit.lesson8.Bandit;
import kit.lesson8.Episode;
import kit.lesson8.GridWorld;
import kit.lesson8.Reinforce;

/**
 * The cross-entropy identity, exactly: REINFORCE's update is a classification step with the taken
 * action as the label, weighted by the return minus the baseline. The gradients are read through an
 * optimiser that records them and moves nothing.
 */
@Tag("lesson8")
@Order(3)
@DisplayName("Reinforce (the policy gradient)")
class PolicyGradientTest {
    static final double EXACT = 1e-12;

    /** A random episode of {@code steps} steps on the gridworld: inputs, actions, weights. */
    record Steps(double[][] inputs, int[] actions, double[] weights) {
    }

    static Steps randomSteps(int steps, Random rng) {
        double[][] inputs = new double[steps][];
        int[] actions = new int[steps];
        double[] weights = new double[steps];
        for (int t = 0; t < steps; t++) {
            inputs[t] = GridWorld.input(rng.nextInt(GridWorld.STATES));
            actions[t] = rng.nextInt(GridWorld.ACTIONS);
            weights[t] = 2 * rng.nextDouble() - 1;
        }
        return new Steps(inputs, actions, weights);
    }

    /** The grader's own {@code G_t - b}. */
    static double[] weights(double[] rewards, double gamma, double baseline) {
        double[] w = new double[rewards.length];
        double g = 0;
        for (int t = rewards.length - 1; t >= 0; t--) {
            g = rewards[t] + gamma * g;
            w[t] = g - baseline;
        }
        return w;
    }

    /** The gradients {@code Reinforce.update} leaves for the optimiser. */
    static double[] updateGradients(Network<double[]> policy, double[][] inputs, int[] actions, double[] weights) {
        Recorder recorder = new Recorder();
        Reinforce.update(policy, inputs, actions, weights, recorder);
        assertThat(recorder.steps()).as("optimiser steps taken by one update").isEqualTo(1);
        return recorder.last();
    }

    @Nested
    @Order(1)
    @DisplayName("weights")
    class Weights {
        @Test
        @Points(1)
        @Hint("w[t] = G[t] - baseline, in a new array")
        void each_step_is_weighted_by_its_return_minus_the_baseline() {
            double[] returns = {0.9602, 0.98, 1};
            assertThat(Reinforce.weights(returns, 0.25)).containsExactly(new double[] {0.7102, 0.73, 0.75}, within(EXACT));
            assertThat(Reinforce.weights(returns, -0.5)).containsExactly(new double[] {1.4602, 1.48, 1.5}, within(EXACT));
            assertThat(returns).as("the returns after weights").containsExactly(0.9602, 0.98, 1);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("update")
    class Update {
        @Test
        @Order(1)
        @Points(2)
        @Hint("each step is one policy.backpropagate(x, oneHot(action), weight): the loss's dL/dz is "
                + "softmax(z) - onehot(a), and backpropagate multiplies it by the weight")
        void the_logit_gradient_of_a_step_is_the_cross_entropy_gradient_with_the_taken_action_as_label_times_the_weight() {
            Backprops.requireUpdateBackpropagates();
            // on a bandit the logits are the parameters, so the parameter gradient is dL/dz itself
            Random rng = new Random(Seeds.seed(83));
            double[] theta = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            double[] p = Recorder.softmax(theta);
            Network<double[]> policy = new Network<>(new Bandit(theta, new double[4]), new SoftmaxCrossEntropy());
            for (double w : new double[] {1.7, -0.6}) {
                for (int a = 0; a < 4; a++) {
                    double[] g = updateGradients(policy, new double[][] {Bandit.state()}, new int[] {a}, new double[] {w});
                    double[] expected = new double[4];
                    for (int k = 0; k < 4; k++) {
                        expected[k] = w * (p[k] - (k == a ? 1 : 0));
                    }
                    assertThat(g).as("dL/dz for action %d with weight %s at logits %s", a, w, java.util.Arrays.toString(theta))
                            .containsExactly(expected, within(EXACT));
                }
            }
        }

        @Test
        @Order(2)
        @Points(2)
        @Hint("zero the gradients once, back-propagate every step with its own weight (they add up), "
                + "then step once; the episode's gradient is a sum over its steps, not a mean")
        void the_gradient_of_an_episode_is_the_weighted_sum_of_its_steps_cross_entropy_gradients() {
            Backprops.requireUpdateBackpropagates();
            Random rng = new Random(Seeds.seed(84));
            Network<double[]> policy = GridWorld.policy(rng);
            Steps steps = randomSteps(7, rng);
            double[] expected = Recorder.weightedCrossEntropyGradients(policy, steps.inputs(), steps.actions(),
                    steps.weights(), GridWorld.ACTIONS);
            double[] g = updateGradients(policy, steps.inputs(), steps.actions(), steps.weights());
            assertThat(g).as("the gradient of a 7-step episode (%d parameters)", g.length)
                    .containsExactly(expected, within(EXACT));
        }

        @Test
        @Order(3)
        @Points(1)
        @Hint("call policy.zeroGradients() first: the gradients left over from the last episode must not count")
        void an_update_starts_from_zero_gradients() {
            Backprops.requireUpdateBackpropagates();
            Random rng = new Random(Seeds.seed(85));
            Network<double[]> policy = GridWorld.policy(rng);
            Steps steps = randomSteps(5, rng);
            double[] clean = updateGradients(policy, steps.inputs(), steps.actions(), steps.weights());
            Recorder.fillGradients(policy, 1000);
            double[] afterStale = updateGradients(policy, steps.inputs(), steps.actions(), steps.weights());
            assertThat(afterStale).as("the gradient when the previous step left 1000 in every entry")
                    .containsExactly(clean, within(EXACT));
        }

        @Test
        @Order(4)
        @Points(1)
        @Hint("the weight multiplies the whole step: weights of 0 leave nothing, weights times c give c times the gradient")
        void zero_weights_give_a_zero_gradient_and_scaled_weights_a_scaled_gradient() {
            Backprops.requireUpdateBackpropagates();
            Random rng = new Random(Seeds.seed(86));
            Network<double[]> policy = GridWorld.policy(rng);
            Steps steps = randomSteps(6, rng);
            double[] zeros = updateGradients(policy, steps.inputs(), steps.actions(), new double[6]);
            assertThat(zeros).as("the gradient with every weight 0").containsOnly(0.0);
            double[] g = updateGradients(policy, steps.inputs(), steps.actions(), steps.weights());
            double c = -2.5;
            double[] scaled = steps.weights().clone();
            for (int t = 0; t < scaled.length; t++) {
                scaled[t] *= c;
            }
            double[] gScaled = updateGradients(policy, steps.inputs(), steps.actions(), scaled);
            for (int i = 0; i < g.length; i++) {
                assertThat(gScaled[i]).as("gradient entry %d with the weights times %s", i, c)
                        .isCloseTo(c * g[i], within(EXACT));
            }
            assertThat(g).as("the gradient with nonzero weights").isNotEqualTo(zeros);
        }
    }

    @Nested
    @Order(3)
    @DisplayName("learn")
    class Learn {
        @Test
        @Points(2)
        @Hint("weights(returnsToGo(rewards, gamma), baseline) with the baseline as it was BEFORE this episode; "
                + "after the update, baseline = decay * baseline + (1 - decay) * episode.totalReturn()")
        void an_episode_is_weighted_by_the_baseline_of_the_past_episodes_which_then_moves_toward_its_return() {
            Random rng = new Random(Seeds.seed(87));
            Network<double[]> policy = GridWorld.policy(rng);
            Recorder recorder = new Recorder();
            Reinforce agent = new Reinforce(policy, recorder, 0.99, 0.9);
            // right along the top row, then down the right edge to the goal: 8 steps, return 0.93
            Episode success = new Episode(new int[] {0, 1, 2, 3, 4, 9, 14, 19}, new int[] {3, 3, 3, 3, 1, 1, 1, 1},
                    new double[] {-0.01, -0.01, -0.01, -0.01, -0.01, -0.01, -0.01, 1});
            // bumping into the top wall for 4 steps
            Episode failure = new Episode(new int[] {0, 0, 0, 0}, new int[] {0, 0, 2, 0},
                    new double[] {-0.01, -0.01, -0.01, -0.01});
            assertThat(agent.baseline()).as("the baseline before any episode").isEqualTo(0.0);

            agent.learn(success);
            double[] expected = Recorder.weightedCrossEntropyGradients(policy, success.inputs(), success.actions(),
                    weights(success.rewards(), 0.99, 0), GridWorld.ACTIONS);
            assertThat(recorder.steps()).as("optimiser steps after one episode").isEqualTo(1);
            assertThat(recorder.last()).as("the first episode's gradient, weighted by G_t - 0")
                    .containsExactly(expected, within(EXACT));
            assertThat(agent.baseline()).as("the baseline after an episode of return 0.93: 0.9 * 0 + 0.1 * 0.93")
                    .isCloseTo(0.093, within(EXACT));

            agent.learn(failure);
            expected = Recorder.weightedCrossEntropyGradients(policy, failure.inputs(), failure.actions(),
                    weights(failure.rewards(), 0.99, 0.093), GridWorld.ACTIONS);
            assertThat(recorder.last()).as("the second episode's gradient, weighted by G_t - 0.093 (the baseline "
                    + "before this episode, not after)").containsExactly(expected, within(EXACT));
            assertThat(agent.baseline()).as("the baseline after an episode of return -0.04: 0.9 * 0.093 + 0.1 * -0.04")
                    .isCloseTo(0.0797, within(EXACT));
        }
    }
}
