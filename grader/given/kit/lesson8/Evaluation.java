package kit.lesson8;

/**
 * How a policy does over a number of sampled episodes of the {@link GridWorld}: the fraction that
 * reach the goal, the mean total return and the mean length in steps.
 *
 * <p>Book: {@code src/site/markdown/lesson8.md}, "The gridworld".
 */
public record Evaluation(double successRate, double meanReturn, double meanLength) {
}
