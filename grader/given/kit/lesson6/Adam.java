package kit.lesson6;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import kit.core.Optimizer;
import kit.core.Parameter;

/**
 * Adam: gradient descent with a per-entry step size from running moments of the gradient, and a
 * learning rate that warms up and then decays.
 *
 * <p>At step {@code t = 1, 2, ...}, for every entry with gradient {@code g}:
 * {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2},
 * {@code w -= rate(t) (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)}. The divisions by
 * {@code 1 - b^t} undo the moments' start at 0. The rate rises linearly from 0 over the first
 * {@code warmup} steps, then follows half a cosine from {@code peak} down to 0 at step {@code steps}.
 *
 * <p>Every entry moves by about {@code rate} whatever the size of its gradient, which is why Adam
 * trains a transformer, whose gradients differ in size by orders of magnitude between the
 * embeddings, the attention and the readout, where one learning rate for plain SGD does not.
 *
 * <p>Book: {@code src/site/markdown/lesson6.md}, "The recipe".
 */
public final class Adam implements Optimizer {
    private final double peak;
    private final int warmup;
    private final int steps;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final Map<double[], double[][]> moments = new IdentityHashMap<>();  // value row -> {m, v}
    private int t;

    public Adam(double peak, int warmup, int steps, double beta1, double beta2) {
        if (!(peak > 0) || warmup < 0 || steps < 1 || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam: peak " + peak + " must be positive, warmup " + warmup
                    + " at least 0, steps " + steps + " at least 1, beta1 " + beta1 + " and beta2 " + beta2
                    + " in [0, 1)");
        }
        this.peak = peak;
        this.warmup = warmup;
        this.steps = steps;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = 1e-8;
    }

    /** The learning rate at step {@code t} (from 1): linear warmup, then a half cosine to 0. */
    public double rate(int step) {
        if (step <= warmup) {
            return peak * step / (warmup + 1);
        }
        double done = Math.min(1.0, (double) (step - warmup) / Math.max(1, steps - warmup));
        return peak * 0.5 * (1 + Math.cos(Math.PI * done));
    }

    @Override
    public void step(List<Parameter> parameters) {
        t++;
        double rate = rate(t);
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (Parameter p : parameters) {
            for (int r = 0; r < p.rows(); r++) {
                double[] w = p.value(r);
                double[] g = p.grad(r);
                double[][] mv = moments.computeIfAbsent(w, row -> new double[][] {new double[row.length],
                        new double[row.length]});
                double[] m = mv[0];
                double[] v = mv[1];
                for (int i = 0; i < w.length; i++) {
                    m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                    v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                    w[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
                }
            }
        }
    }
}
