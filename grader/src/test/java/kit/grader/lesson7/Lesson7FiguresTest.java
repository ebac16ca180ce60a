package kit.grader.lesson7;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import kit.grader.figures.BarPlot;
import kit.grader.figures.FigureFolder;
import kit.grader.figures.HeatMap;
import kit.grader.figures.LessonFigures;
import kit.grader.figures.Panels;
import kit.grader.lesson6.TrainedPointerModels;
import kit.lesson6.PointerTask;
import kit.lesson6.Transformer;
import kit.lesson7.CausalTrace;
import kit.lesson7.FlipProbe;
import kit.lesson7.Patching;

/**
 * Lesson 7's figures, from Lesson 6's trained 2-layer model and the trace the graded test computed:
 * <ul>
 *   <li>{@code lesson7-attention-vs-patching.png}: for the input (of every 8th) whose block-2
 *       attention on cell {@code a} is smallest, the readout's attention in each block beside the
 *       recovery of patching each (layer, position);</li>
 *   <li>{@code lesson7-trace.png}: the causal trace per class of positions.</li>
 * </ul>
 */
@Tag("lesson7")
@DisplayName("Lesson 7's figures")
class Lesson7FiguresTest extends LessonFigures {
    /** How far from a cell's centre the marker sits: in its upper-left corner, clear of the number. */
    private static final double CORNER = 0.36;

    @Override
    protected void draw(FigureFolder folder) throws Exception {
        Transformer model = TrainedPointerModels.twoLayer().model();
        int last = PointerTask.LENGTH - 1;
        int chosen = -1;
        double lowest = 2;
        for (int n = 0; n < PointerTask.SIZE; n += 8) {
            double[][] clean = PointerTask.sequence(n);
            int answer = PointerTask.answer(n);
            double gap = Patching.logitDifference(model.forward(clean).output(), answer) - Patching.logitDifference(
                    model.forward(FlipProbe.flip(clean, PointerTask.address(n))).output(), answer);
            double weight = model.attentionWeights(clean, 2)[last][PointerTask.address(n)];
            if (Math.abs(gap) >= CausalTrace.MIN_GAP && weight < lowest) {
                lowest = weight;
                chosen = n;
            }
        }
        double[][] clean = PointerTask.sequence(chosen);
        int a = PointerTask.address(chosen);
        double[][] readout = {model.attentionWeights(clean, 1)[last], model.attentionWeights(clean, 2)[last]};
        double[][] recovery = Patching.recoveryTable(model, clean, FlipProbe.flip(clean, a), PointerTask.answer(chosen));
        String bits = Integer.toBinaryString(PointerTask.SIZE | chosen).substring(1);
        folder.write("attention-vs-patching", Panels.row("Input " + bits.substring(0, 8) + " " + bits.substring(8)
                        + " (address " + a + "): where the readout looks, and where the answer's information is",
                new HeatMap("the readout's attention in blocks 1 and 2", "position (dot: the addressed cell a)", "block")
                        .pixels(readout).rowsFrom(1).sequential("attention weight", 0, 1).numbers("%.2f")
                        .point(a - CORNER, 2 - CORNER, true, null),
                new HeatMap("patching recovery (layer 0: the embeddings; 1, 2: after blocks 1, 2)",
                        "position (dot: the addressed cell a)", "layer")
                        .pixels(recovery).sequential("recovery", 0, 1).numbers("%.2f")
                        .point(a - CORNER, 0 - CORNER, true, null))
                .size(1400, 420));
        CausalTrace trace = TrainedPointerTest.trace(model);
        String[] layers = {"embeddings", "after block 1", "after block 2"};
        String[] classes = {"addressed cell", "each other cell", "each address bit (8, 9)", "readout (10)"};
        BarPlot bars = new BarPlot("Causal trace of the 2-layer model over " + trace.pairs() + " pairs",
                "residual stream", "mean recovery").valueRange(-0.1, 1.1);
        for (int l = 0; l < trace.layers(); l++) {
            for (int c = 0; c < classes.length; c++) {
                bars.bar(classes[c], layers[l], trace.recovery(l, c));
            }
        }
        folder.write("trace", bars.size(900, 480));
    }
}
