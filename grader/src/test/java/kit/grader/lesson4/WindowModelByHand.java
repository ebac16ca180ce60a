package kit.grader.lesson4;

import java.util.Arrays;
import java.util.List;

import kit.core.Parameter;
import kit.grader.check.NestedArrays;
import kit.lesson4.FixedWindowModel;

/**
 * The fixed-window model computed by the grader from the model's own parameters, to check that a
 * trained model's logits are what its weights say: a forward that feeds the hidden layer something
 * other than the table rows of the window, slot after slot, cannot pass the behaviour tests however
 * low its loss.
 */
final class WindowModelByHand {
    /** The largest logit difference the check allows: only the order of the sums differs. */
    static final double TOLERANCE = 1e-9;
    /** How many windows of a stream are checked: the first ones. */
    static final int WINDOWS = 500;

    private WindowModelByHand() {
    }

    /** The largest difference, over the first {@value #WINDOWS} windows of {@code stream}, between the model's logits and the grader's. */
    static double forwardError(FixedWindowModel model, int[] stream, int vocabulary) {
        int n = model.window();
        double worst = 0;
        for (int end = n; end < Math.min(stream.length, n + WINDOWS); end++) {
            double[] theirs = model.network().logits(FixedWindowModel.oneHotWindow(stream, end, n, vocabulary));
            int[] window = Arrays.copyOfRange(stream, end - n, end);
            worst = Math.max(worst, NestedArrays.largestDifference(theirs, logits(model.network().parameters(), window)));
        }
        return worst;
    }

    /**
     * {@code z = W2 tanh(W1 concat(E[x_1], ..., E[x_N]) + b1) + b2}, from the parameters in the model's order:
     * the table ({@code V x d}), the hidden layer ({@code n_h x N d} and {@code n_h}), the output layer
     * ({@code V x n_h} and {@code V}).
     */
    static double[] logits(List<Parameter> p, int[] window) {
        Parameter table = p.get(0);
        Parameter w1 = p.get(1);
        double[] b1 = p.get(2).value(0);
        Parameter w2 = p.get(3);
        double[] b2 = p.get(4).value(0);
        int d = table.shape()[1];
        double[] h = new double[b1.length];
        for (int o = 0; o < h.length; o++) {
            double sum = b1[o];
            for (int i = 0; i < window.length; i++) {
                double[] e = table.value(window[i]);
                for (int j = 0; j < d; j++) {
                    sum += w1.value(o)[i * d + j] * e[j];
                }
            }
            h[o] = Math.tanh(sum);
        }
        double[] z = new double[b2.length];
        for (int v = 0; v < z.length; v++) {
            z[v] = b2[v];
            for (int o = 0; o < h.length; o++) {
                z[v] += w2.value(v)[o] * h[o];
            }
        }
        return z;
    }
}
