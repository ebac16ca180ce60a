package kit.lesson5;

import kit.core.Shapes;

/**
 * How far back a gradient reaches through the recurrence: run a cell over a sequence, put a
 * gradient {@code u} on the last state only, push it back step by step, and record its size.
 *
 * <p>With no loss at any earlier step, {@code dL/dh_{t-1} = W_hh^T diag(1 - h_t^2) dL/dh_t}, so
 * {@code k} steps back the gradient has been multiplied by {@code k} such Jacobians, and its norm
 * typically shrinks (or grows) geometrically in {@code k}.
 *
 * <p>Cost: one run and {@code T} steps back. The steps back go through {@link RNNCell#backward}, so
 * they add into the cell's parameter gradients like any backward; zero them before training on.
 *
 * <p>Book: {@code src/site/markdown/lesson5.md}, "Experiment 1: the vanishing gradient, measured".
 */
public final class GradientReach {
    private GradientReach() {
    }

    /**
     * {@code norms[k] = ||dL/dh_{T-1-k}||} for {@code k = 0 .. T} when {@code dL/dh_{T-1} = u}:
     * {@code norms[0] = ||u||}, and {@code norms[T]} belongs to the start state {@code h_{-1} = 0}.
     */
    public static double[] norms(RNNCell cell, double[][] xs, double[] u) {
        int steps = Shapes.requireSequence("GradientReach.norms input", xs, -1, cell.inputSize(), "steps x in");
        kit.core.Shapes.requireLength("GradientReach.norms dL/dh_{T-1} (hidden = " + cell.hiddenSize() + ")", u,
                cell.hiddenSize());
        double[] h0 = new double[cell.hiddenSize()];
        double[][] hs = new RNN(cell).run(xs, h0);
        double[] norms = new double[steps + 1];
        double[] g = u.clone();
        norms[0] = norm(g);
        for (int k = 1; k <= steps; k++) {
            int t = steps - k;
            g = cell.backward(xs[t], t == 0 ? h0 : hs[t - 1], hs[t], g).dhPrev();
            norms[k] = norm(g);
        }
        return norms;
    }

    static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
