package kit.lesson6;

import java.util.List;
import java.util.random.RandomGenerator;

import kit.core.Layer;
import kit.core.Parameter;
import kit.core.Pass;
import kit.core.Rows;
import kit.core.Shapes;
import kit.lesson1.Linear;
import kit.lesson1.ReLU;

/**
 * The position-wise feed-forward layer of a {@link Block}: Lesson 1's
 * {@code Linear(d, f) -> ReLU -> Linear(f, d)} applied to every row of a sequence with the same
 * parameters, {@code y[t] = W_2 relu(W_1 x[t] + b_1) + b_2}.
 *
 * <p>Backward, given {@code g = dL/dy}: row by row, the three parts' backward in reverse
 * ({@link Linear#backward}, {@link ReLU#backward}, {@link Linear#backward}); the shared parameters
 * receive the sum of every row's gradient. One pass holds the whole sequence, no pass per row; a
 * row whose gradient is exactly 0 is skipped.
 *
 * <p>Shapes: input and output {@code T x d}, hidden rows of width {@code f}. Parameters are named as
 * the chain {@code Linear -> ReLU -> Linear} names them by position: {@code layer1.W, layer1.b,
 * layer3.W, layer3.b}. Cost: {@code 2 T d f} multiply-adds each way.
 */
final class FeedForward implements Layer<double[][], double[][]> {
    private final int d;
    private final Linear expand;    // d -> f
    private final Linear contract;  // f -> d
    private final List<Parameter> parameters;

    FeedForward(int d, int f, RandomGenerator rng) {
        this.d = d;
        this.expand = new Linear(d, f, rng);
        this.contract = new Linear(f, d, rng);
        this.parameters = List.of(
                expand.parameters().get(0).renamed("layer1.W"), expand.parameters().get(1).renamed("layer1.b"),
                contract.parameters().get(0).renamed("layer3.W"), contract.parameters().get(1).renamed("layer3.b"));
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Pass<double[][], double[][]> forward(double[][] x) {
        return forward(x, 0);
    }

    /** {@link #forward} for the rows from {@code from} on; the rows before it are left 0 (see {@link Block}). */
    Pass<double[][], double[][]> forward(double[][] x, int from) {
        int rows = Shapes.requireSequence("FeedForward.forward input", "d", x, -1, d, "time x features");
        double[][] input = Rows.copy(x);
        double[][] hidden = Sequences.affine(expand, input, from);  // T x f, before the ReLU
        double[][] active = new double[rows][];                // T x f, after it
        for (int t = 0; t < rows; t++) {
            active[t] = ReLU.relu(hidden[t]);
        }
        return Pass.of(Sequences.affine(contract, active, from), g -> {
            Shapes.requireSequence("FeedForward.backward dL/dy", g, rows, d, "the shape of the forward's output");
            double[][] dx = new double[rows][];
            for (int t = 0; t < rows; t++) {
                if (Sequences.isZero(g[t])) {  // adds nothing, dL/dx[t] = 0 (see Sequences)
                    dx[t] = new double[d];
                    continue;
                }
                dx[t] = expand.backward(input[t], ReLU.backward(hidden[t], contract.backward(active[t], g[t])));
            }
            return dx;
        });
    }
}
