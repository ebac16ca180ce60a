package kit.lesson5;

import java.util.List;

import kit.core.Layer;
import kit.core.Parameter;
import kit.core.Pass;
import kit.core.Rows;
import kit.core.Shapes;

/**
 * A recurrent layer: one {@link RNNCell} run at every step of a sequence, each step reading the
 * state the step before it left. Its output is the state after every step.
 *
 * <p>Forward: {@code h_t = cell(x_t, h_{t-1})} for {@code t = 0 .. T-1}, from {@code h_{-1} = 0}
 * (or a given start state, {@link #run}).
 * <br>Backward (backpropagation through time), given the gradient of every step's own output: the
 * cell's parameter gradients, which add up over the steps since it is one cell, and {@code dL/dx_t}
 * for every step; the book derives the order of the steps and what each one receives.
 *
 * <p>Shapes: input {@code T x in}, output {@code T x hidden}, any {@code T >= 1}. Cost: {@code T}
 * cell steps each way; the backward keeps every input and state of the forward, {@code T (in + hidden)}
 * numbers. The layer holds the cell and nothing from any call, so one layer can run many sequences
 * and each pass goes back on its own.
 *
 * <p>Book: {@code src/site/markdown/lesson5.md}, "Backpropagation through time".
 */
public final class RNN implements Layer<double[][], double[][]> {
    private final RNNCell cell;

    public RNN(RNNCell cell) {
        if (cell == null) {
            throw new IllegalArgumentException("RNN: the cell must not be null");
        }
        this.cell = cell;
    }

    @Override
    public List<Parameter> parameters() {
        return cell.parameters();
    }

    @Override
    public Pass<double[][], double[][]> forward(double[][] xs) {
        Shapes.requireSequence("RNN.forward input", xs, -1, cell.inputSize(), "steps x in");
        double[][] inputs = Rows.copy(xs);
        double[] h0 = new double[cell.hiddenSize()];
        double[][] states = run(inputs, h0);
        return Pass.of(Rows.copy(states), g -> backward(inputs, h0, states, g));
    }

    /** The states {@code h_0 .. h_{T-1}}, {@code T x hidden}, of the cell run over {@code xs} from {@code h0}. */
    public double[][] run(double[][] xs, double[] h0) {
        Shapes.requireSequence("RNN.run input", xs, -1, cell.inputSize(), "steps x in");
        Shapes.requireLength("RNN.run start state h0", "hidden", h0, cell.hiddenSize());
        throw new kit.core.NotImplementedYet(5, "RNN.run", "the states h_0 .. h_{T-1} (T x H) of the cell run over xs (T x I) from the state h0 (H); book: src/site/markdown/lesson5.md, \"The cell\"");
    }

    /**
     * Backpropagation through time for the run that read {@code xs} from {@code h0} and produced
     * {@code hs}; {@code gradHs[t]} is the gradient from step {@code t}'s own output. Adds the cell's
     * parameter gradients and returns {@code dL/dx_t} for every step, {@code T x in}.
     */
    public double[][] backward(double[][] xs, double[] h0, double[][] hs, double[][] gradHs) {
        int steps = Shapes.requireSequence("RNN.backward input", xs, -1, cell.inputSize(), "steps x in");
        Shapes.requireLength("RNN.backward start state h0", "hidden", h0, cell.hiddenSize());
        Shapes.requireSequence("RNN.backward states", hs, steps, cell.hiddenSize(), "steps x hidden");
        Shapes.requireSequence("RNN.backward dL/dh", gradHs, steps, cell.hiddenSize(), "steps x hidden");
        throw new kit.core.NotImplementedYet(5, "RNN.backward", "backpropagation through time: given xs (T x I), h0 (H), the states hs (T x H) and each step's own output gradient gradHs (T x H), add the cell's parameter gradients and return dL/dx_t for every step (T x I); book: src/site/markdown/lesson5.md, \"Backpropagation through time\"");
    }
}
