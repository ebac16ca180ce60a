package kit.grader.lesson6;

import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import kit.grader.figures.FigureFolder;
import kit.grader.figures.HeatMap;
import kit.grader.figures.LessonFigures;
import kit.grader.figures.LinePlot;
import kit.grader.figures.Panels;
import kit.lesson6.PointerModels;
import kit.lesson6.PointerTask;
import kit.lesson6.Transformer;

/**
 * Lesson 6's figures, from the models the depth tests trained ({@link TrainedPointerModels}), so
 * they cost only their drawing:
 * <ul>
 *   <li>{@code lesson6-training.png}: the training loss of the three models against the step;</li>
 *   <li>{@code lesson6-attention.png}: both blocks' attention weights of the 2-layer model on one input.</li>
 * </ul>
 */
@Tag("lesson6")
@DisplayName("Lesson 6's figures")
class Lesson6FiguresTest extends LessonFigures {
    /** The input drawn: memory 1 0 1 1 0 1 0 0, address 101 = 5, answer m_5 = 1. */
    static final int INPUT = 0b10110100101;

    @Override
    protected void draw(FigureFolder folder) throws Exception {
        TrainedPointerModels.Trained<Transformer> two = TrainedPointerModels.twoLayer();
        TrainedPointerModels.Trained<Transformer> one = TrainedPointerModels.oneLayer();
        TrainedPointerModels.Trained<?> mlp = TrainedPointerModels.mlp();
        folder.write("training", new LinePlot("The pointer task: training loss (mean of every "
                + PointerModels.CURVE_STEPS + " steps)", "optimiser step", "mean training loss")
                .line(label("2-layer transformer", two), steps(two.curve().length), two.curve())
                .line(label("1-layer transformer", one), steps(one.curve().length), one.curve())
                .line(label("MLP", mlp), steps(mlp.curve().length), mlp.curve())
                .horizontal(Math.log(2), "log 2: a coin flip")
                .size(900, 500));
        double[][] x = PointerTask.sequence(INPUT);
        int a = PointerTask.address(INPUT);
        folder.write("attention", Panels.row("The trained 2-layer model's attention on the input 10110100 101 "
                        + "(address 5, answer 1)",
                attention("block 1", two.model().attentionWeights(x, 1), a),
                attention("block 2", two.model().attentionWeights(x, 2), a))
                .size(1200, 560));
    }

    static String label(String model, TrainedPointerModels.Trained<?> trained) {
        return String.format(Locale.ROOT, "%s (%d parameters, accuracy %.3f)", model, trained.parameterCount(),
                trained.accuracy());
    }

    static double[] steps(int points) {
        double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = (i + 0.5) * PointerModels.CURVE_STEPS;
        }
        return x;
    }

    static HeatMap attention(String title, double[][] weights, int address) {
        return new HeatMap(title, "position read (0-7 memory, 8-10 address)", "reading position")
                .pixels(weights).sequential("attention weight", 0, 1)
                .point(address, PointerTask.LENGTH - 1, true, "cell a");
    }
}
