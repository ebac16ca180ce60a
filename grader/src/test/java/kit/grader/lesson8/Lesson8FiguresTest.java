package kit.grader.lesson8;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import kit.core.Network;
import kit.grader.check.Seeds;
import kit.grader.figures.Chart;
import kit.grader.figures.FigureFolder;
import kit.grader.figures.LessonFigures;
import kit.grader.figures.LinePlot;
import kit.grader.figures.Panels;
import kit.lesson8.GridWorld;
import kit.lesson8.SoftmaxPolicy;

/**
 * Lesson 8's figures, from the policy the gridworld test trained on the budget's first seed
 * ({@link GridWorldTest#trained}, kept by seed) and from the bandit's three outcomes, so they cost only
 * their drawing:
 * <ul>
 *   <li>{@code lesson8-learning-curve.png}: the return of each training episode on a log axis (the
 *       learning happens in the first hundred), its mean over bins of equal width on that axis, and
 *       the optimal return dashed;</li>
 *   <li>{@code lesson8-policy.png}: the trained policy's most probable action in every cell, and the
 *       greedy path;</li>
 *   <li>{@code lesson8-bandit.png}: each component of the one-pull estimate of the bandit's gradient,
 *       its three outcomes at their probabilities, without a baseline and with {@code b = p.r}.</li>
 * </ul>
 */
@Tag("lesson8")
@DisplayName("Lesson 8's figures")
class Lesson8FiguresTest extends LessonFigures {
    static final double BINS_PER_DECADE = 8;

    @Override
    protected void draw(FigureFolder folder) throws Exception {
        GridWorldTest.Trained run = GridWorldTest.trained(Seeds.seed(0));
        folder.write("learning-curve", learningCurve(run.world(), run.returns()));
        folder.write("policy", policy(run.world(), run.policy(), run.path()));
        folder.write("bandit", bandit(new BanditTest()));
    }

    static LinePlot learningCurve(GridWorld world, double[] returns) {
        int shortest = GridWorldTest.shortestPath(world);
        double optimal = world.goalReward() + (shortest - 1) * world.stepReward();
        double[] episode = new double[returns.length];
        for (int e = 0; e < returns.length; e++) {
            episode[e] = e + 1;
        }
        // the mean over bins of equal width on the log axis: 1, 2, 3-4, 5-7, ... episodes
        List<double[]> bins = new ArrayList<>();
        int start = 0;
        for (int k = 1; start < returns.length; k++) {
            int end = Math.min(returns.length, Math.max(start + 1, (int) Math.round(Math.pow(10, k / BINS_PER_DECADE))));
            double sum = 0;
            for (int e = start; e < end; e++) {
                sum += returns[e];
            }
            bins.add(new double[] {Math.sqrt((start + 1.0) * end), sum / (end - start)});
            start = end;
        }
        double never = GridWorld.MAX_STEPS * world.stepReward();
        return new LinePlot("REINFORCE on the seed's 5 x 5 gridworld: the return of each training episode",
                "training episode (log scale)", "total return")
                .logX()
                .points("one episode", episode, returns)
                .line("mean over each bin of episodes", bins.stream().mapToDouble(b -> b[0]).toArray(),
                        bins.stream().mapToDouble(b -> b[1]).toArray())
                .horizontal(optimal, String.format(Locale.ROOT, "optimal: %d steps, %.2f", shortest, optimal))
                .horizontal(never, String.format(Locale.ROOT, "no goal in %d steps: %.2f", GridWorld.MAX_STEPS, never))
                .xRange(0.8, returns.length * 1.2)
                .yRange(Math.min(-0.35, never - 0.05), Math.max(1.1, world.goalReward() + 0.05))
                .size(900, 500);
    }

    static PolicyGrid policy(GridWorld world, Network<double[]> policy, int[] path) {
        int[] actions = new int[GridWorld.STATES];
        for (int state = 0; state < GridWorld.STATES; state++) {
            actions[state] = SoftmaxPolicy.greedy(policy.logits(GridWorld.input(state)));
        }
        boolean reached = path[path.length - 1] == world.goal();
        return new PolicyGrid(world, "The trained policy's most probable action in each cell",
                "shaded: the greedy path from the start, " + (reached ? (path.length - 1) + " steps" : "missing the goal"),
                actions, path);
    }

    static Panels bandit(BanditTest bandit) {
        double b = bandit.expectedReward;
        double[] exact = bandit.exactGradient();
        Chart[] panels = new Chart[3];
        for (int i = 0; i < 3; i++) {
            double[] without = new double[3];
            double[] with = new double[3];
            for (int a = 0; a < 3; a++) {
                without[a] = bandit.estimate(a, 0)[i];
                with[a] = bandit.estimate(a, b)[i];
            }
            LinePlot panel = new LinePlot(String.format(Locale.ROOT, "dJ/d theta_%d: variance %.3f -> %.3f", i,
                    variance(without, bandit.p), variance(with, bandit.p)),
                    "estimate from one pull", "probability of the outcome")
                    .vertical(exact[i], String.format(Locale.ROOT, "mean %.3f", exact[i]))
                    .markers("no baseline", without, bandit.p)
                    .markers(String.format(Locale.ROOT, "baseline b = p.r = %.3f", b), with, bandit.p)
                    .xRange(-0.75, 0.75).yRange(0, 0.5);
            for (int a = 0; a < 3; a++) {
                panel.label(Math.min(without[a], with[a]) - 0.02, bandit.p[a] + 0.02, "arm " + a);
            }
            panels[i] = panel;
        }
        return Panels.row(String.format(Locale.ROOT, "The bandit's one-pull gradient estimate: its three outcomes; "
                        + "total variance %.3f without a baseline, %.3f with b = p.r", bandit.variance(0), bandit.variance(b)),
                panels)
                .size(1500, 500);
    }

    /** The variance of a value that is {@code v[a]} with probability {@code p[a]}. */
    static double variance(double[] v, double[] p) {
        double mean = 0;
        double second = 0;
        for (int a = 0; a < v.length; a++) {
            mean += p[a] * v[a];
            second += p[a] * v[a] * v[a];
        }
        return second - mean * mean;
    }
}
