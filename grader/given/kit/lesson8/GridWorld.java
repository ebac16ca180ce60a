package kit.lesson8;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import kit.core.Network;
import kit.lesson1.Linear;
import kit.lesson1.Tanh;
import kit.lesson2.SoftmaxCrossEntropy;

/**
 * The original course's 5x5 gridworld and its training recipe, unchanged.
 *
 * <p>States {@code 0..24} are the cells, {@code state = 5 row + column}; the agent starts in the corner
 * (0, 0) and the goal is the opposite corner (4, 4). Actions: 0 up, 1 down, 2 left, 3 right; a move off
 * the grid leaves the agent where it is. Every step earns -0.01, except the step onto the goal, which
 * earns +1 and ends the episode; an episode also ends after 25 steps. The shortest path takes 8 steps,
 * for a total return of {@code 1 - 7 * 0.01 = 0.93}.
 *
 * <p>The policy is a 25-64-4 tanh network on the one-hot state, read by softmax
 * ({@link SoftmaxCrossEntropy}); {@link Reinforce} trains it for 2000 episodes with discount 0.99,
 * plain SGD at learning rate 0.05 and a baseline that is a moving average of past returns (decay 0.9).
 *
 * <p>Cost: an episode is at most 25 forward passes of about {@code 25*64 + 64*4 = 1856} multiply-adds.
 *
 * <p>Book: {@code src/site/markdown/lesson8.md}, "The gridworld".
 */
public final class GridWorld {
    public static final int SIZE = 5;
    public static final int STATES = SIZE * SIZE;
    public static final int ACTIONS = 4;
    public static final int START = 0;
    public static final int GOAL = STATES - 1;
    public static final double STEP_REWARD = -0.01;
    public static final double GOAL_REWARD = 1.0;
    public static final int MAX_STEPS = 25;
    public static final int OPTIMAL_STEPS = 2 * (SIZE - 1);
    public static final int HIDDEN = 64;
    public static final double GAMMA = 0.99;
    public static final double LEARNING_RATE = 0.05;
    public static final double BASELINE_DECAY = 0.9;
    public static final int EPISODES = 2000;

    private GridWorld() {
    }

    /** The state after {@code action} in {@code state}; off-grid moves stay put. */
    public static int move(int state, int action) {
        if (state < 0 || state >= STATES || action < 0 || action >= ACTIONS) {
            throw new IllegalArgumentException("GridWorld.move: state " + state + " and action " + action
                    + "; expected a state in 0.." + (STATES - 1) + " and an action in 0.." + (ACTIONS - 1));
        }
        int row = state / SIZE;
        int column = state % SIZE;
        switch (action) {
            case 0 -> row = Math.max(0, row - 1);
            case 1 -> row = Math.min(SIZE - 1, row + 1);
            case 2 -> column = Math.max(0, column - 1);
            default -> column = Math.min(SIZE - 1, column + 1);
        }
        return row * SIZE + column;
    }

    /** The reward for arriving in {@code next}. */
    public static double reward(int next) {
        return next == GOAL ? GOAL_REWARD : STEP_REWARD;
    }

    /** The one-hot encoding of {@code state}, length 25. */
    public static double[] input(int state) {
        return SoftmaxCrossEntropy.oneHot(state, STATES);
    }

    /** A fresh 25-64-4 tanh policy network, its weights drawn from {@code rng}. */
    public static Network<double[]> policy(RandomGenerator rng) {
        return new Network<>(new Linear(STATES, HIDDEN, rng).then(new Tanh<>()).then(new Linear(HIDDEN, ACTIONS, rng)),
                new SoftmaxCrossEntropy());
    }

    /** One episode from the start, every action sampled from the policy with {@code rng}. */
    public static Episode rollout(Network<double[]> policy, RandomGenerator rng) {
        int[] states = new int[MAX_STEPS];
        int[] actions = new int[MAX_STEPS];
        double[] rewards = new double[MAX_STEPS];
        int state = START;
        int t = 0;
        while (t < MAX_STEPS) {
            int action = SoftmaxPolicy.sample(policy.logits(input(state)), rng);
            int next = move(state, action);
            states[t] = state;
            actions[t] = action;
            rewards[t] = reward(next);
            t++;
            state = next;
            if (state == GOAL) {
                break;
            }
        }
        return new Episode(Arrays.copyOf(states, t), Arrays.copyOf(actions, t), Arrays.copyOf(rewards, t));
    }

    /** The states visited by always taking the most probable action, from the start to the goal or 25 moves. */
    public static int[] greedyPath(Network<double[]> policy) {
        int[] path = new int[MAX_STEPS + 1];
        int length = 1;
        int state = START;
        while (state != GOAL && length <= MAX_STEPS) {
            state = move(state, SoftmaxPolicy.greedy(policy.logits(input(state))));
            path[length++] = state;
        }
        return Arrays.copyOf(path, length);
    }

    /** Success rate, mean return and mean length over {@code episodes} sampled episodes. */
    public static Evaluation evaluate(Network<double[]> policy, int episodes, RandomGenerator rng) {
        if (episodes < 1) {
            throw new IllegalArgumentException("GridWorld.evaluate: episodes is " + episodes + " but must be at least 1");
        }
        int successes = 0;
        double returns = 0;
        double steps = 0;
        for (int n = 0; n < episodes; n++) {
            Episode episode = rollout(policy, rng);
            successes += episode.reachedGoal() ? 1 : 0;
            returns += episode.totalReturn();
            steps += episode.length();
        }
        return new Evaluation((double) successes / episodes, returns / episodes, steps / episodes);
    }
}
