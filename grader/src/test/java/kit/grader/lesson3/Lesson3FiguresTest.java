package kit.grader.lesson3;

import java.io.IOException;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import kit.core.Network;
import kit.core.Parameter;
import kit.grader.check.Once;
import kit.grader.check.Seeds;
import kit.grader.figures.BarPlot;
import kit.grader.figures.Chart;
import kit.grader.figures.FigureFolder;
import kit.grader.figures.HeatMap;
import kit.grader.figures.LessonFigures;
import kit.grader.figures.Panels;
import kit.lesson3.LabelledImages;
import kit.lesson3.ShapesTask;

/**
 * Lesson 3's figures, on the book's task ({@link ShapesTask#original()}: the four bars, the lattice
 * of training positions) rather than the graded tests' drawn ones, so that the book's filters are
 * the bars': the permutation experiments of {@link ShapesTest} on the first seed of their budgets,
 * trained here (four networks, a fifth of what the graded tests train): a CNN and an MLP on the
 * original pixels, and each again on permuted pixels (the MLP from permuted initial weights).
 * <ul>
 *   <li>{@code lesson3-filters.png}: the CNN's four learned 3 x 3 filters;</li>
 *   <li>{@code lesson3-accuracy.png}: accuracy on seen positions, unseen positions, and unseen
 *       positions with the pixels permuted.</li>
 * </ul>
 */
@Tag("lesson3")
@DisplayName("Lesson 3's figures")
class Lesson3FiguresTest extends LessonFigures {

    @Override
    protected void draw(FigureFolder folder) throws IOException {
        long seed = Seeds.seed(0);
        ShapesTest.Data book = new ShapesTest.Data(ShapesTask.original());
        Once<ShapesTest.PermutedCnns> cnnPair = new Once<>(() -> ShapesTest.permutedCnns(book, seed));
        Once.inBackground(cnnPair);   // the two pairs train two at a time, each from its own generators
        ShapesTest.PermutedMlps mlps = ShapesTest.permutedMlps(book, seed);
        ShapesTest.PermutedCnns cnns = cnnPair.get();
        folder.write("filters", filters(cnns.original()));
        LabelledImages permutedTest = book.test().permuted(cnns.permutation());
        String cnn = "CNN (" + cnns.original().parameterCount() + " parameters)";
        String mlp = "MLP (" + mlps.original().parameterCount() + " parameters)";
        String seen = "seen positions (training)";
        String unseen = "unseen positions (test)";
        String permuted = "unseen, pixels permuted";
        folder.write("accuracy", new BarPlot("Shapes: what each model's bet buys", "", "accuracy")
                .valueRange(0, 1.1)
                .bar(cnn, seen, book.train().accuracy(cnns.original()))
                .bar(cnn, unseen, book.test().accuracy(cnns.original()))
                .bar(cnn, permuted, permutedTest.accuracy(cnns.permuted()))
                .bar(mlp, seen, book.train().accuracy(mlps.original()))
                .bar(mlp, unseen, book.test().accuracy(mlps.original()))
                .bar(mlp, permuted, permutedTest.accuracy(mlps.permuted()))
                .horizontal(0.25, "chance: 0.25")
                .size(900, 500));
    }

    /** The first layer's kernels, {@code 4 x 1 x 3 x 3}, one small image each, on one colour scale. */
    static Panels filters(Network<double[][][]> cnn) {
        Parameter kernel = cnn.parameters().get(0);   // layer1.W, then layer1.b
        Parameter bias = cnn.parameters().get(1);
        int[] shape = kernel.shape();                 // out x in x k x k
        int k = shape[2];
        double largest = 1e-12;
        for (int r = 0; r < kernel.rows(); r++) {
            for (double w : kernel.value(r)) {
                largest = Math.max(largest, Math.abs(w));
            }
        }
        Chart[] maps = new Chart[shape[0]];
        for (int o = 0; o < shape[0]; o++) {
            double[][] w = new double[k][];
            for (int u = 0; u < k; u++) {
                w[u] = kernel.value(o * shape[1] * k + u).clone();   // input channel 0
            }
            maps[o] = new HeatMap(String.format(Locale.ROOT, "filter %d (bias %.2f)", o + 1, bias.value(0)[o]),
                    "column", "row").pixels(w).diverging("weight", largest).numbers("%.2f").noColourBar();
        }
        return Panels.row("The CNN's four learned 3 x 3 filters (blue negative, orange positive)", maps)
                .size(1200, 380);
    }
}
