package kit.grader.lesson8;

import java.util.ArrayList;
import java.util.List;

import kit.core.Network;
import kit.core.Optimizer;
import kit.core.Parameter;
import kit.lesson2.SoftmaxCrossEntropy;

/**
 * An optimiser that moves nothing and remembers the gradients it was asked to step on, so a test can
 * read what an update computed; and the grader's own reference gradients.
 */
final class Recorder implements Optimizer {
    private final List<double[]> steps = new ArrayList<>();

    @Override
    public void step(List<Parameter> parameters) {
        steps.add(gradients(parameters));
    }

    int steps() {
        return steps.size();
    }

    /** The gradients at the last step, every parameter's entries in order. */
    double[] last() {
        if (steps.isEmpty()) {
            throw new AssertionError("the update never called policy.step(optimizer)");
        }
        return steps.get(steps.size() - 1);
    }

    /** Every gradient entry of {@code parameters}, flattened in order. */
    static double[] gradients(List<Parameter> parameters) {
        int n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        double[] all = new double[n];
        int k = 0;
        for (Parameter p : parameters) {
            for (int r = 0; r < p.rows(); r++) {
                double[] row = p.grad(r);
                System.arraycopy(row, 0, all, k, row.length);
                k += row.length;
            }
        }
        return all;
    }

    /** Fills every gradient entry with {@code value}, as a stale step would leave them. */
    static void fillGradients(Network<double[]> policy, double value) {
        for (Parameter p : policy.parameters()) {
            for (int r = 0; r < p.rows(); r++) {
                java.util.Arrays.fill(p.grad(r), value);
            }
        }
    }

    /**
     * The grader's reference: {@code sum_t w_t dCE(policy(x_t), onehot(a_t))/dtheta}, each step's
     * cross-entropy gradient taken on its own through the network's training step with weight 1.
     */
    static double[] weightedCrossEntropyGradients(Network<double[]> policy, double[][] inputs, int[] actions,
                                                  double[] weights, int classes) {
        double[] sum = null;
        for (int t = 0; t < inputs.length; t++) {
            policy.zeroGradients();
            policy.backpropagate(inputs[t], SoftmaxCrossEntropy.oneHot(actions[t], classes), 1.0);
            double[] g = gradients(policy.parameters());
            if (sum == null) {
                sum = new double[g.length];
            }
            for (int i = 0; i < g.length; i++) {
                sum[i] += weights[t] * g[i];
            }
        }
        policy.zeroGradients();
        return sum;
    }

    /** {@code softmax(z)}, computed by the grader. */
    static double[] softmax(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        double[] p = new double[z.length];
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] - m);
            sum += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
