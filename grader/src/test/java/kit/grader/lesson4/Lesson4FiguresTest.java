package kit.grader.lesson4;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import kit.grader.check.Seeds;
import kit.grader.figures.BarPlot;
import kit.grader.figures.FigureFolder;
import kit.grader.figures.LessonFigures;
import kit.grader.figures.LinePlot;
import kit.lesson4.DelayedCopySource;
import kit.lesson4.FixedWindowModel;

/**
 * Lesson 4's figures, on the book's problem ({@link StaircaseTest#BOOK}: the lesson's source, the
 * windows {@code N = 2} and {@code N = 3}) rather than the graded tests' drawn ones, trained here with
 * the staircase's recipe on the first seed of its budget (two models, about a third of the staircase's
 * training):
 * <ul>
 *   <li>{@code lesson4-loss-by-window.png}: the held-out loss of the two trained models against their window,
 *       over the best possible loss of every window from 1 to 6 (the staircase from {@code log 4} down to
 *       {@code H});</li>
 *   <li>{@code lesson4-slot-norms.png}: the size of the first layer's weights on each slot of the two
 *       models, and of a freshly initialised {@code N = 3} model.</li>
 * </ul>
 * The windows 1, 4, 5 and 6 are not trained here: four more models cost about 0.4 s of CPU time, as
 * much as every other lesson's figures together; the book's table has them.
 */
@Tag("lesson4")
@DisplayName("Lesson 4's figures")
class Lesson4FiguresTest extends LessonFigures {
    static final int WIDEST = 6;

    @Override
    protected void draw(FigureFolder folder) throws Exception {
        DelayedCopySource source = StaircaseTest.BOOK.source();
        int k = source.order();
        long seed = Seeds.seed(0);
        StaircaseTest.Run run = StaircaseTest.train(StaircaseTest.BOOK, seed);
        double[] x = {run.shorter().window(), run.covering().window()};
        double[] y = {run.shorterLoss(), run.coveringLoss()};
        double[] stepX = new double[2 * WIDEST];
        double[] stepY = new double[stepX.length];
        for (int n = 1; n <= WIDEST; n++) {
            stepX[2 * n - 2] = n - 0.5;
            stepX[2 * n - 1] = n + 0.5;
            stepY[2 * n - 2] = source.entropyGivenWindow(n);
            stepY[2 * n - 1] = source.entropyGivenWindow(n);
        }
        double logV = source.entropyGivenWindow(k - 1);
        double h = source.entropyGivenWindow(k);
        folder.write("loss-by-window", new LinePlot(String.format(Locale.ROOT,
                "Delayed copy of order k = %d: held-out loss against the window", k), "window N (tokens seen)",
                "held-out loss (nats per token)")
                .shade(0.5, k - 0.5, "N < k: the copy is out of sight")
                .truth("best possible loss of a window of N", stepX, stepY)
                .markers("your trained windows N = 2 and 3", x, y)
                .label(0.6, logV - 0.1, String.format(Locale.ROOT, "log 4 = %.3f, the uniform guess", logV))
                .label(k + 0.6, h + 0.03, String.format(Locale.ROOT, "H = %.3f, the entropy rate", h))
                .xRange(0.5, WIDEST + 0.5).yRange(0, 1.6)
                .size(800, 500));

        FixedWindowModel fresh = new FixedWindowModel(source.alphabet(), k, StaircaseTest.EMBEDDING,
                StaircaseTest.HIDDEN, new Random(seed));
        BarPlot norms = new BarPlot("The first layer's weights on each slot of the window",
                "window slot (how far back it reads)", "size of the slot's weights")
                .valueFormat("0.0");
        slots(norms, k, "N = 3, trained", run.covering().slotNorms());
        slots(norms, k, "N = 3, untrained (a fresh draw)", fresh.slotNorms());
        slots(norms, k, "N = 2, trained", run.shorter().slotNorms());
        folder.write("slot-norms", norms.size(800, 500));
    }

    /** One bar per slot of the last {@code widest}, the oldest first, each named by how far back it reads; a missing slot has no bar. */
    static void slots(BarPlot plot, int widest, String series, double[] norms) {
        for (int back = widest; back >= 1; back--) {
            int slot = norms.length - back;
            plot.bar(series, back + (back == 1 ? " token back" : " tokens back"), slot >= 0 ? norms[slot] : Double.NaN);
        }
    }
}
