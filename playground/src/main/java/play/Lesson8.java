package play;

import java.util.Arrays;
import java.util.Random;

import kit.core.Network;
import kit.lesson1.Sgd;
import kit.lesson8.GridWorld;
import kit.lesson8.Reinforce;

/**
 * Lesson 8's "Things to try" start here: REINFORCE on the original course's 5x5 gridworld
 * ({@link GridWorld#original()}; {@code GridWorld.drawn(rng)} draws one as the grader does) with the
 * grader's recipe, printing the success rate before and after, the training returns in blocks of 200 episodes and
 * the greedy path. Change the baseline's decay (0 is no memory, 1 is no baseline update), the
 * learning rate, gamma or the number of episodes.
 *
 * <pre>
 *   ./mvnw -q compile -Dplay=Lesson8
 *   ./mvnw -q compile -Dplay=Lesson8 -Dplay.args="2000 1.0"   # episodes, baseline decay (1: the baseline stays 0)
 * </pre>
 */
public final class Lesson8 {
    public static void main(String[] args) {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : GridWorld.EPISODES;
        double decay = args.length > 1 ? Double.parseDouble(args[1]) : GridWorld.BASELINE_DECAY;
        Random rng = new Random(20261123L);
        GridWorld world = GridWorld.original();
        Network<double[]> policy = GridWorld.policy(rng);
        System.out.printf("before: success %.3f%n", world.evaluate(policy, 1000, rng).successRate());
        Reinforce agent = new Reinforce(policy, new Sgd(GridWorld.LEARNING_RATE), GridWorld.GAMMA, decay);
        double[] returns = agent.train(world, episodes, rng);
        for (int start = 0; start < returns.length; start += 200) {
            double[] block = Arrays.copyOfRange(returns, start, Math.min(returns.length, start + 200));
            System.out.printf("episodes %4d-%4d: mean return %+.3f%n", start + 1, start + block.length,
                    Arrays.stream(block).average().orElse(0));
        }
        System.out.printf("after: success %.3f; greedy path %s%n", world.evaluate(policy, 1000, rng).successRate(),
                Arrays.toString(world.greedyPath(policy)));
    }
}
