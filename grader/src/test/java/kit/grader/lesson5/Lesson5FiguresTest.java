package kit.grader.lesson5;

import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import kit.grader.check.Seeds;
import kit.grader.figures.FigureFolder;
import kit.grader.figures.LessonFigures;
import kit.grader.figures.LinePlot;
import kit.grader.figures.Panels;

/**
 * Lesson 5's figures, from the cells and models the graded tests measured and trained, so they cost
 * only their drawing:
 * <ul>
 *   <li>{@code lesson5-gradient-reach.png}: the norm of a unit gradient pushed back {@code k} steps
 *       through the first seed's fresh cell and the same cell with {@code W_hh} times 3, log scale, with
 *       the fitted geometric rate ({@link VanishingGradientTest#reach}, recomputed: no training);</li>
 *   <li>{@code lesson5-recall.png}: the recall score {@code r} of the trained RNNs at lags 6 and 64 (the
 *       budget's ten seeds, {@link DelayedRecallTest}'s runs, kept by seed), and beside it Lesson 4's
 *       windows of 6 and 7 tokens at lag 6 (five seeds), with the window's edge marked.</li>
 * </ul>
 * Only the graded lags are shown: each further lag costs about 20 to 40 ms of CPU time a seed.
 */
@Tag("lesson5")
@DisplayName("Lesson 5's figures")
class Lesson5FiguresTest extends LessonFigures {
    static final int RNN_SEEDS = 10;
    static final int WINDOW_SEEDS = 5;
    static final double LAG_SPREAD = 0.3;      // sideways spread between seeds at one lag, in lags
    static final double WINDOW_SPREAD = 0.04;  // the same at one window size, in tokens

    @Override
    protected void draw(FigureFolder folder) throws Exception {
        long seed = Seeds.seed(0);
        double[] plain = VanishingGradientTest.reach(seed, 1);
        double[] scaled = VanishingGradientTest.reach(seed, 3);
        double[] k = new double[plain.length];
        double[] fit = new double[plain.length];
        double ratio = Cells.fittedRatio(plain);
        for (int i = 0; i < k.length; i++) {
            k[i] = i;
            fit[i] = Math.pow(ratio, i);
        }
        folder.write("gradient-reach", new LinePlot("A unit gradient pushed back through a fresh cell (16 units)",
                "steps back k", "norm of dL/dh (log scale)").logY()
                .line(String.format(Locale.ROOT, "fresh cell (fitted ratio %.2f per step)", ratio), k, plain)
                .line(String.format(Locale.ROOT, "the same cell with W_hh x 3 (ratio %.2f)", Cells.fittedRatio(scaled)),
                        k, scaled)
                .truth(String.format(Locale.ROOT, "%.2f^k", ratio), k, fit)
                .horizontal(1e-3, "the grader's bar at k = 30")
                .size(800, 500));

        double[] lagX = new double[2 * RNN_SEEDS];
        double[] rnnR = new double[lagX.length];
        for (int s = 0; s < RNN_SEEDS; s++) {
            lagX[s] = DelayedRecallTest.SHORT_LAG + offset(s, RNN_SEEDS, LAG_SPREAD);
            rnnR[s] = DelayedRecallTest.shortLag(Seeds.seed(s)).r();
            lagX[RNN_SEEDS + s] = DelayedRecallTest.LONG_LAG + offset(s, RNN_SEEDS, LAG_SPREAD);
            rnnR[RNN_SEEDS + s] = DelayedRecallTest.longLag(Seeds.seed(s)).r();
        }
        int blindN = DelayedRecallTest.SHORT_LAG;
        double[] blindX = new double[WINDOW_SEEDS];
        double[] seeingX = new double[WINDOW_SEEDS];
        double[] blind = new double[WINDOW_SEEDS];
        double[] seeing = new double[WINDOW_SEEDS];
        for (int s = 0; s < WINDOW_SEEDS; s++) {
            blindX[s] = blindN + offset(s, WINDOW_SEEDS, WINDOW_SPREAD);
            seeingX[s] = blindN + 1 + offset(s, WINDOW_SEEDS, WINDOW_SPREAD);
            blind[s] = DelayedRecallTest.windowAtShortLag(blindN, Seeds.seed(s)).r();
            seeing[s] = DelayedRecallTest.windowAtShortLag(blindN + 1, Seeds.seed(s)).r();
        }
        String r = "r = p(1 | bit 1) - p(1 | bit 0)";
        LinePlot rnn = new LinePlot("Your RNN (8 units), " + RNN_SEEDS + " seeds",
                "lag (steps between the bit and the recall)", r)
                .horizontal(0, "r = 0: the answer ignores the bit")
                .markers("one trained RNN (seeds spread sideways)", lagX, rnnR)
                .xRange(0, DelayedRecallTest.LONG_LAG + 6).yRange(-0.15, 1.15);
        LinePlot windows = new LinePlot("Lesson 4's fixed window at lag " + DelayedRecallTest.SHORT_LAG + ", "
                + WINDOW_SEEDS + " seeds", "window N (tokens seen)", r)
                .horizontal(0, "r = 0")
                .vertical(blindN + 0.5, "the edge: from N = " + (blindN + 1) + " the bit is in sight")
                .markers("window of " + blindN + " tokens", blindX, blind)
                .markers("window of " + (blindN + 1) + " tokens", seeingX, seeing)
                .xRange(blindN - 2, blindN + 3).yRange(-0.15, 1.15);
        folder.write("recall", Panels.row("Delayed recall: how much the answer depends on the bit", rnn, windows)
                .size(1400, 520));
    }

    /** Seeds spread sideways around their lag so that equal results do not hide each other. */
    static double offset(int s, int seeds, double spread) {
        return (s - (seeds - 1) / 2.0) * spread;
    }
}
