package kit.grader.lesson1;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import kit.core.Layer;
import kit.core.Network;
import kit.grader.check.Seeds;
import kit.grader.figures.FigureFolder;
import kit.grader.figures.HeatMap;
import kit.grader.figures.LessonFigures;
import kit.grader.figures.LinePlot;
import kit.grader.figures.Panels;
import kit.lesson1.Linear;
import kit.lesson1.Sgd;
import kit.lesson1.SigmoidBCE;
import kit.lesson1.TruthTable;

/**
 * Lesson 1's figures, from the first seed of {@link XorTest}'s budget and its recipes: the single
 * unit trained on AND, OR, then XOR from one generator, and the 2-8-1 tanh MLP. Training both
 * again costs about 50 ms.
 * <ul>
 *   <li>{@code lesson1-xor-boundaries.png}: each model's probability of class 1 over the input plane;</li>
 *   <li>{@code lesson1-xor-loss.png}: the mean training loss of each epoch, on a log scale;</li>
 *   <li>{@code lesson1-xor-hidden.png}: the four points as the MLP's hidden layer sees them.</li>
 * </ul>
 */
@Tag("lesson1")
@DisplayName("Lesson 1's figures")
class Lesson1FiguresTest extends LessonFigures {
    static final double LOW = -0.5;
    static final double HIGH = 1.5;
    static final int GRID = 81;
    static final String[] NAMES = {"(0,0)", "(0,1)", "(1,0)", "(1,1)"};

    @Override
    protected void draw(FigureFolder folder) throws IOException {
        long seed = Seeds.seed(0);
        TruthTable xor = TruthTable.XOR;
        Random rng = new Random(seed);
        XorTest.train(new Linear(2, 1, rng), TruthTable.AND, XorTest.SINGLE_UNIT, rng);
        XorTest.train(new Linear(2, 1, rng), TruthTable.OR, XorTest.SINGLE_UNIT, rng);
        Network<double[]> unit = new Network<>(new Linear(2, 1, rng), new SigmoidBCE());
        double[] unitLoss = unit.fit(xor.inputs(), xor.targets(), XorTest.SINGLE_UNIT, new Sgd(XorTest.LEARNING_RATE), rng);

        Random mlpRng = new Random(seed);
        Layer<double[], double[]> hidden = XorTest.hiddenLayer(mlpRng);
        Linear output = new Linear(8, 1, mlpRng);
        Network<double[]> mlp = new Network<>(hidden.then(output), new SigmoidBCE());
        double[] mlpLoss = mlp.fit(xor.inputs(), xor.targets(), XorTest.MLP, new Sgd(XorTest.LEARNING_RATE), mlpRng);

        folder.write("xor-boundaries", Panels.row("XOR: the probability of class 1 each model learned",
                boundary(String.format(Locale.ROOT, "one linear unit (loss %.3f)", last(unitLoss)), unit),
                boundary(String.format(Locale.ROOT, "2-8-1 tanh MLP (loss %.1e)", last(mlpLoss)), mlp))
                .size(1100, 500));
        folder.write("xor-loss", new LinePlot("Training on XOR: mean loss of each epoch", "epoch",
                "mean training loss (log scale)").logY()
                .line("one linear unit", epochs(unitLoss.length), unitLoss)
                .line("2-8-1 tanh MLP", epochs(mlpLoss.length), mlpLoss)
                .horizontal(Math.log(2), "log 2: p = 1/2 everywhere")
                .horizontal(1e-3, "the grader's bar for the MLP")
                .size(800, 480));
        folder.write("xor-hidden", hiddenView(hidden, output, mlp));
    }

    /** p(class 1) over the square [-0.5, 1.5]^2, with the four points on top. */
    static HeatMap boundary(String title, Network<double[]> model) {
        double[][] p = new double[GRID][GRID];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                p[r][c] = model.predict(new double[] {at(c), at(r)})[0];
            }
        }
        HeatMap map = new HeatMap(title, "x1", "x2").values(p, LOW, HIGH, LOW, HIGH).sequential("p(class 1)", 0, 1);
        List<double[]> inputs = TruthTable.XOR.inputs();
        double[][] targets = TruthTable.XOR.targets();
        for (int n = 0; n < 4; n++) {
            map.point(inputs.get(n)[0], inputs.get(n)[1], targets[n][0] == 1, " " + NAMES[n]);
        }
        return map;
    }

    /**
     * The four points in the hidden layer: across, the output logit {@code z = w . h + b} (a line
     * separates the classes exactly when their logits fall on either side of 0); up, the largest
     * direction of the rest of {@code h}, the part the output unit ignores.
     */
    static LinePlot hiddenView(Layer<double[], double[]> hidden, Linear output, Network<double[]> mlp) {
        List<double[]> inputs = TruthTable.XOR.inputs();
        double[][] h = new double[4][];
        double[] z = new double[4];
        for (int n = 0; n < 4; n++) {
            h[n] = hidden.forward(inputs.get(n)).output();
            z[n] = mlp.logits(inputs.get(n))[0];
        }
        double[] up = HiddenDirections.across(h, output.weights()[0]);
        LinePlot plot = new LinePlot("XOR in the MLP's hidden layer: a line now separates the classes",
                "output logit z = w·h + b (class 1 where z > 0)", "h along its largest other direction")
                .size(900, 520);
        double[][] targets = TruthTable.XOR.targets();
        for (int label = 0; label <= 1; label++) {
            int count = 0;
            double[] x = new double[2];
            double[] y = new double[2];
            for (int n = 0; n < 4; n++) {
                if (targets[n][0] == label) {
                    x[count] = z[n];
                    y[count] = up[n];
                    count++;
                }
            }
            plot.markers("class " + label, x, y);
        }
        for (int n = 0; n < 4; n++) {
            plot.label(z[n], up[n], "  " + NAMES[n]);
        }
        double reach = Math.max(1e-3, 1.25 * Math.max(Math.abs(min(z)), Math.abs(max(z))));
        double spread = Math.max(1e-3, 1.4 * Math.max(Math.abs(min(up)), Math.abs(max(up))));
        return plot.vertical(0, " the output unit's line, z = 0").xRange(-reach, reach).yRange(-spread, spread);
    }

    static double at(int k) {
        return LOW + (HIGH - LOW) * k / (GRID - 1);
    }

    static double[] epochs(int n) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = i + 1;
        }
        return e;
    }

    static double last(double[] values) {
        return values[values.length - 1];
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
