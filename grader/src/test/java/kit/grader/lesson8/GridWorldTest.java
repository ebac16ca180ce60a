package kit.grader.lesson8;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import kit.core.Network;
import kit.core.Optimizer;
import kit.grader.check.SeedBudget;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson1.Sgd;
import kit.lesson8.Evaluation;
import kit.lesson8.GridWorld;
import kit.lesson8.Reinforce;

/**
 * The original's gridworld and recipe, unchanged (see {@link GridWorld}): a random walk before
 * training, the optimal 8-step path after 2000 episodes. Each run draws the network and the
 * training episodes from {@code new Random(seed)} and evaluates on 200 sampled episodes drawn from
 * {@code new Random(seed + 1)}, the same before and after.
 *
 * <p>Calibration on the reference, 920 seeds (the grader's first 20 and base seeds 1 to 9, 100 each):
 * success before training 0.035 to 0.205 (bar: at most 0.30 on every seed). After training, success
 * 1.000 with the greedy path exactly 8 steps on 899 seeds (mean sampled length 8.06 to 9.03 on the
 * first 620); on the other 21 (2.3%) the policy collapsed into a deterministic loop that never
 * reaches the goal, success 0 or 0.005. That is the recipe's own failure: with the original's
 * baseline ordering it collapsed on 13 of 800 of the same seeds (see the book, "Where the theory
 * tops out"). So the budget is at least 4 of 6 seeds: a correct solution then fails with probability
 * about 2e-4 (1e-3 if the rate were 4%). The grader's first 20 seeds all pass. One training run takes
 * 0.1 to 0.3 s; the control runs 300 episodes.
 */
@Tag("lesson8")
@Order(5)
@DisplayName("The gridworld (Reinforce, SoftmaxPolicy)")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GridWorldTest {
    static final int SEEDS = 6;
    static final int REQUIRED = 4;
    static final int CONTROL_EPISODES = 300;
    static final int EVALUATION_EPISODES = 200;

    private static final Map<Long, Trained> TRAINED = new ConcurrentHashMap<>();

    /** One seed's run: the trained policy, its returns per training episode, and its evaluations and greedy path. */
    static final class Trained {
        private final Network<double[]> policy;
        private final double[] returns;   // episodes
        private final Evaluation before;
        private final Evaluation after;
        private final int[] path;         // states visited, start first

        Trained(Network<double[]> policy, double[] returns, Evaluation before, Evaluation after, int[] path) {
            this.policy = policy;
            this.returns = returns;
            this.before = before;
            this.after = after;
            this.path = path;
        }

        Network<double[]> policy() {
            return policy;
        }

        double[] returns() {
            return returns.clone();
        }

        Evaluation before() {
            return before;
        }

        Evaluation after() {
            return after;
        }

        int[] path() {
            return path.clone();
        }
    }

    /** Trains the policy of {@code seed} by the recipe, once per seed (the figures reuse it). */
    static Trained trained(long seed) {
        return TRAINED.computeIfAbsent(seed, s -> {
            Random rng = new Random(s);
            Network<double[]> policy = GridWorld.policy(rng);
            Evaluation before = evaluate(policy, s);
            Reinforce agent = new Reinforce(policy, new Sgd(GridWorld.LEARNING_RATE), GridWorld.GAMMA,
                    GridWorld.BASELINE_DECAY);
            double[] returns = agent.train(GridWorld.EPISODES, rng);
            return new Trained(policy, returns, before, evaluate(policy, s), GridWorld.greedyPath(policy));
        });
    }

    static Evaluation evaluate(Network<double[]> policy, long seed) {
        return GridWorld.evaluate(policy, EVALUATION_EPISODES, new Random(seed + 1));
    }

    static String describe(String when, Evaluation e) {
        return String.format(Locale.ROOT, "%s: success %.3f, mean return %+.3f, mean length %.2f", when,
                e.successRate(), e.meanReturn(), e.meanLength());
    }

    @Test
    @Order(1)
    @Points(1)
    @Hint("the untrained policy is close to uniform, a random walk: it reaches the far corner within 25 steps "
            + "about 1 time in 10; more means SoftmaxPolicy.sample favours some actions")
    void before_training_the_policy_reaches_the_goal_in_at_most_30_percent_of_episodes() {
        List<String> report = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(SEEDS, seed -> {
            Evaluation before = evaluate(GridWorld.policy(new Random(seed)), seed);
            report.add("seed " + seed + ": " + describe("before", before));
            return before.successRate() <= 0.30;
        });
        assertThat(failing).as(SeedBudget.describe("success before training <= 0.30", SEEDS, SEEDS, failing)
                + "\n" + String.join("\n", report)).isEmpty();
    }

    @Test
    @Order(2)
    @Points(5)
    @Hint("if the policy learns nothing, check Reinforce.learn and update (the sign: descend on w * cross-entropy "
            + "with w = G - b); if it learns and then forgets, check that the baseline is updated after use")
    void after_2000_episodes_the_policy_reaches_the_goal_almost_always_and_greedily_in_8_steps() {
        List<String> report = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(SEEDS, seed -> {
            Trained run = trained(seed);
            Evaluation before = run.before();
            Evaluation after = run.after();
            int[] path = run.path();
            boolean reached = path[path.length - 1] == GridWorld.GOAL;
            report.add("seed " + seed + ": " + describe("before", before) + "; " + describe("after", after)
                    + "; greedy path " + (reached ? (path.length - 1) + " steps " : "misses the goal ")
                    + Arrays.toString(path));
            return after.successRate() >= 0.95 && reached && path.length - 1 == GridWorld.OPTIMAL_STEPS;
        });
        assertThat(failing.size()).as(SeedBudget.describe(
                        "success >= 0.95 after 2000 episodes and a greedy path of exactly 8 steps", SEEDS, REQUIRED, failing)
                + "\n" + String.join("\n", report)).isLessThanOrEqualTo(SEEDS - REQUIRED);
    }

    @Test
    @Order(3)
    @Points(1)
    @Hint("Reinforce.update may change the policy only through policy.step(optimizer): with an optimiser that "
            + "moves nothing, 300 episodes of learning must leave the policy exactly as it was")
    void with_a_learning_rate_of_0_the_same_loop_stays_at_the_initial_success_rate() {
        Optimizer learningRateZero = parameters -> { };
        List<String> report = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(2, seed -> {
            Random rng = new Random(seed);
            Network<double[]> policy = GridWorld.policy(rng);
            Evaluation before = evaluate(policy, seed);
            new Reinforce(policy, learningRateZero, GridWorld.GAMMA, GridWorld.BASELINE_DECAY)
                    .train(CONTROL_EPISODES, rng);
            Evaluation after = evaluate(policy, seed);
            report.add("seed " + seed + ": " + describe("before", before) + "; " + describe("after", after));
            return after.equals(before);
        });
        assertThat(failing).as(SeedBudget.describe("the same success rate, return and length before and after",
                2, 2, failing) + "\n" + String.join("\n", report)).isEmpty();
    }
}
