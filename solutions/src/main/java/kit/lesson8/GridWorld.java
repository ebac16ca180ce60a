package kit.lesson8;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.random.RandomGenerator;

import kit.core.Network;
import kit.lesson1.Linear;
import kit.lesson1.Tanh;
import kit.lesson2.SoftmaxCrossEntropy;

/**
 * A 5x5 gridworld and the original course's training recipe. The original's world is
 * {@link #original()}: start in the corner (0, 0), goal in the opposite corner (4, 4), no walls. The
 * grader plays worlds {@linkplain #drawn drawn} from its seed: start, goal, three walls and the two
 * rewards all random, so no fixed path can stand in for learning from the rewards.
 *
 * <p>States {@code 0..24} are the cells, {@code state = 5 row + column}. Actions: 0 up, 1 down, 2 left,
 * 3 right; a move off the grid or into a wall leaves the agent where it is. Every step earns the step
 * reward (negative), except the step onto the goal, which earns the goal reward and ends the episode;
 * an episode also ends after 25 steps. In the original, -0.01 and +1: the shortest path takes 8 steps,
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
    public static final int MAX_STEPS = 25;
    public static final int HIDDEN = 64;
    public static final double GAMMA = 0.99;
    public static final double LEARNING_RATE = 0.05;
    public static final double BASELINE_DECAY = 0.9;
    public static final int EPISODES = 2000;
    /** A drawn world's walls, and the fewest steps from its start to its goal. */
    public static final int WALLS = 3;
    public static final int MIN_DISTANCE = 7;

    private final int start;
    private final int goal;
    private final boolean[] walls;   // STATES: true where the cell is a wall
    private final double stepReward;
    private final double goalReward;

    /** A world; {@code walls} lists the wall cells. Start and goal must be distinct open cells. */
    public GridWorld(int start, int goal, int[] walls, double stepReward, double goalReward) {
        this.walls = new boolean[STATES];
        for (int w : walls) {
            requireState("a wall", w);
            this.walls[w] = true;
        }
        requireState("the start", start);
        requireState("the goal", goal);
        if (start == goal || this.walls[start] || this.walls[goal]) {
            throw new IllegalArgumentException("GridWorld: start " + start + " and goal " + goal
                    + " must be different cells, neither a wall; walls " + Arrays.toString(walls));
        }
        if (!(stepReward < 0) || !(goalReward > 0)) {
            throw new IllegalArgumentException("GridWorld: the step reward is " + stepReward + " and the goal reward "
                    + goalReward + "; expected a step reward below 0 and a goal reward above 0");
        }
        this.start = start;
        this.goal = goal;
        this.stepReward = stepReward;
        this.goalReward = goalReward;
    }

    /** The original course's world: from (0, 0) to (4, 4), no walls, -0.01 a step, +1 at the goal. */
    public static GridWorld original() {
        return new GridWorld(0, STATES - 1, new int[0], -0.01, 1.0);
    }

    /**
     * A world drawn from {@code rng}: {@value #WALLS} walls, a start and a goal at least
     * {@value #MIN_DISTANCE} steps apart, a step reward uniform in [-0.015, -0.005] and a goal reward
     * uniform in [0.8, 1.2].
     */
    public static GridWorld drawn(RandomGenerator rng) {
        while (true) {
            int[] cells = new int[STATES];
            for (int s = 0; s < STATES; s++) {
                cells[s] = s;
            }
            for (int k = 0; k < WALLS + 2; k++) {
                int j = k + rng.nextInt(STATES - k);
                int swap = cells[k];
                cells[k] = cells[j];
                cells[j] = swap;
            }
            double step = -0.005 - 0.01 * rng.nextDouble();
            double reward = 0.8 + 0.4 * rng.nextDouble();
            GridWorld world = new GridWorld(cells[0], cells[1], Arrays.copyOfRange(cells, 2, 2 + WALLS), step, reward);
            int distance = world.shortestPath();
            if (distance >= MIN_DISTANCE && distance <= MAX_STEPS) {
                return world;
            }
        }
    }

    public int start() {
        return start;
    }

    public int goal() {
        return goal;
    }

    public boolean isWall(int state) {
        requireState("the state", state);
        return walls[state];
    }

    public double stepReward() {
        return stepReward;
    }

    public double goalReward() {
        return goalReward;
    }

    /** The fewest steps from the start to the goal (breadth-first search), or {@code Integer.MAX_VALUE}. */
    public int shortestPath() {
        int[] distance = new int[STATES];
        Arrays.fill(distance, Integer.MAX_VALUE);
        distance[start] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int a = 0; a < ACTIONS; a++) {
                int next = move(s, a);
                if (distance[next] == Integer.MAX_VALUE) {
                    distance[next] = distance[s] + 1;
                    queue.add(next);
                }
            }
        }
        return distance[goal];
    }

    /** The state after {@code action} in {@code state}; moves off the grid or into a wall stay put. */
    public int move(int state, int action) {
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
        int next = row * SIZE + column;
        return walls[next] ? state : next;
    }

    /** The reward for arriving in {@code next}. */
    public double reward(int next) {
        return next == goal ? goalReward : stepReward;
    }

    /** True if the episode's last action moved onto the goal. */
    public boolean reachedGoal(Episode episode) {
        int[] states = episode.states();
        int[] actions = episode.actions();
        return move(states[states.length - 1], actions[actions.length - 1]) == goal;
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
    public Episode rollout(Network<double[]> policy, RandomGenerator rng) {
        int[] states = new int[MAX_STEPS];
        int[] actions = new int[MAX_STEPS];
        double[] rewards = new double[MAX_STEPS];
        int state = start;
        int t = 0;
        while (t < MAX_STEPS) {
            int action = SoftmaxPolicy.sample(policy.logits(input(state)), rng);
            int next = move(state, action);
            states[t] = state;
            actions[t] = action;
            rewards[t] = reward(next);
            t++;
            state = next;
            if (state == goal) {
                break;
            }
        }
        return new Episode(Arrays.copyOf(states, t), Arrays.copyOf(actions, t), Arrays.copyOf(rewards, t));
    }

    /** The states visited by always taking the most probable action, from the start to the goal or 25 moves. */
    public int[] greedyPath(Network<double[]> policy) {
        int[] path = new int[MAX_STEPS + 1];
        int length = 1;
        int state = start;
        path[0] = start;
        while (state != goal && length <= MAX_STEPS) {
            state = move(state, SoftmaxPolicy.greedy(policy.logits(input(state))));
            path[length++] = state;
        }
        return Arrays.copyOf(path, length);
    }

    /** Success rate, mean return and mean length over {@code episodes} sampled episodes. */
    public Evaluation evaluate(Network<double[]> policy, int episodes, RandomGenerator rng) {
        if (episodes < 1) {
            throw new IllegalArgumentException("GridWorld.evaluate: episodes is " + episodes + " but must be at least 1");
        }
        int successes = 0;
        double returns = 0;
        double steps = 0;
        for (int n = 0; n < episodes; n++) {
            Episode episode = rollout(policy, rng);
            successes += reachedGoal(episode) ? 1 : 0;
            returns += episode.totalReturn();
            steps += episode.length();
        }
        return new Evaluation((double) successes / episodes, returns / episodes, steps / episodes);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("GridWorld(start " + start + ", goal " + goal + ", walls [");
        String separator = "";
        for (int c = 0; c < STATES; c++) {
            if (walls[c]) {
                s.append(separator).append(c);
                separator = ", ";
            }
        }
        return s.append("], step reward ").append(stepReward).append(", goal reward ").append(goalReward).append(')')
                .toString();
    }

    private static void requireState(String what, int state) {
        if (state < 0 || state >= STATES) {
            throw new IllegalArgumentException("GridWorld: " + what + " is " + state + "; expected a state in 0.."
                    + (STATES - 1));
        }
    }
}
