package kit.lesson8;

import java.util.Arrays;

/**
 * One trajectory through the {@link GridWorld}: the state before each action, the action, and the
 * reward that followed it, {@code s_0, a_0, r_0, s_1, a_1, r_1, ..., s_{T-1}, a_{T-1}, r_{T-1}}.
 *
 * <p>The total return is the undiscounted sum {@code R = r_0 + ... + r_{T-1}}; the episode reached the
 * goal if its last action moved onto it.
 *
 * <p>Shapes: three arrays of the episode's length {@code T >= 1}; {@link #inputs()} is
 * {@code T x 25}, one one-hot row per state, as the policy network reads them.
 *
 * <p>Book: {@code src/site/markdown/lesson8.md}, "The gridworld".
 */
public final class Episode {
    private final int[] states;      // T, s_t: the state the action was taken in
    private final int[] actions;     // T, a_t
    private final double[] rewards;  // T, r_t: the reward after a_t

    public Episode(int[] states, int[] actions, double[] rewards) {
        if (states == null || actions == null || rewards == null || states.length == 0
                || states.length != actions.length || states.length != rewards.length) {
            throw new IllegalArgumentException("Episode: states, actions and rewards must be equally long and not empty;"
                    + " they have lengths " + length(states) + ", " + length(actions) + " and " + length(rewards));
        }
        for (int t = 0; t < states.length; t++) {
            if (states[t] < 0 || states[t] >= GridWorld.STATES || actions[t] < 0 || actions[t] >= GridWorld.ACTIONS) {
                throw new IllegalArgumentException("Episode: step " + t + " has state " + states[t] + " and action "
                        + actions[t] + "; expected a state in 0.." + (GridWorld.STATES - 1) + " and an action in 0.."
                        + (GridWorld.ACTIONS - 1));
            }
        }
        this.states = states.clone();
        this.actions = actions.clone();
        this.rewards = rewards.clone();
    }

    public int length() {
        return states.length;
    }

    public int[] states() {
        return states.clone();
    }

    public int[] actions() {
        return actions.clone();
    }

    public double[] rewards() {
        return rewards.clone();
    }

    /** The one-hot encoding of every state, {@code T x 25}. */
    public double[][] inputs() {
        double[][] x = new double[states.length][];
        for (int t = 0; t < states.length; t++) {
            x[t] = GridWorld.input(states[t]);
        }
        return x;
    }

    /** {@code R = r_0 + ... + r_{T-1}}, undiscounted. */
    public double totalReturn() {
        double sum = 0;
        for (double r : rewards) {
            sum += r;
        }
        return sum;
    }

    public boolean reachedGoal() {
        int last = states.length - 1;
        return GridWorld.move(states[last], actions[last]) == GridWorld.GOAL;
    }

    @Override
    public String toString() {
        return "Episode(states " + Arrays.toString(states) + ", actions " + Arrays.toString(actions) + ", return "
                + totalReturn() + ")";
    }

    private static String length(int[] a) {
        return a == null ? "null" : String.valueOf(a.length);
    }

    private static String length(double[] a) {
        return a == null ? "null" : String.valueOf(a.length);
    }
}
