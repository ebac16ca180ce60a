package kit.lesson6;

import java.util.Arrays;
import java.util.List;

import kit.core.Layer;
import kit.core.Parameter;
import kit.core.Pass;
import kit.core.Shapes;

/**
 * Layer normalisation of one vector: centre it, scale it to unit variance, then apply a learned
 * per-feature scale {@code gamma} and shift {@code beta}. Wrapped in {@link kit.core.RowWise} it
 * normalises every row of a sequence on its own.
 *
 * <p>Forward, for {@code x} of length {@code d}: {@code mu = (1/d) sum_i x[i]},
 * {@code var = (1/d) sum_i (x[i] - mu)^2}, {@code s = 1 / sqrt(var + eps)},
 * {@code n[i] = (x[i] - mu) s}, {@code y[i] = gamma[i] n[i] + beta[i]}.
 * <br>Backward, given {@code g = dL/dy}: adds {@code dL/dgamma} and {@code dL/dbeta} and returns
 * {@code dL/dx}, which has no component along the two directions the normalisation removes (a
 * shift of every entry, and a scaling along {@code n}); the book derives it.
 *
 * <p>Shapes: input and output of length {@code d}; {@code gamma} and {@code beta} of length
 * {@code d}, starting at 1 and 0. Cost: a few passes over the row each way.
 *
 * <p>Numerics: {@code eps = 1e-5} keeps {@code s} finite for a constant row; for a row whose
 * variance is far below {@code eps} the layer is almost linear ({@code s ~ 1/sqrt(eps)}) instead of
 * amplifying noise without bound. The variance is the population variance (divide by {@code d}).
 *
 * <p>Book: {@code src/site/markdown/lesson6.md}, "LayerNorm and its backward".
 */
public final class LayerNorm implements Layer<double[], double[]> {
    /** Added to the variance before the square root. */
    public static final double EPS = 1e-5;

    private final int d;
    private final double[] gamma;   // d
    private final double[] beta;    // d
    private final double[] dGamma;  // d, accumulated dL/dgamma
    private final double[] dBeta;   // d, accumulated dL/dbeta

    public LayerNorm(int d) {
        if (d < 2) {
            throw new IllegalArgumentException("LayerNorm: d = " + d + " must be at least 2");
        }
        this.d = d;
        this.gamma = new double[d];
        this.beta = new double[d];
        this.dGamma = new double[d];
        this.dBeta = new double[d];
        Arrays.fill(gamma, 1.0);
    }

    /** The scale, length {@code d}; writing to it changes the layer. */
    public double[] gamma() {
        return gamma;
    }

    /** The shift, length {@code d}; writing to it changes the layer. */
    public double[] beta() {
        return beta;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.vector("gamma", gamma, dGamma), Parameter.vector("beta", beta, dBeta));
    }

    @Override
    public Pass<double[], double[]> forward(double[] x) {
        Shapes.requireLength("LayerNorm.forward input", "d", x, d);
        double[] input = x.clone();
        return Pass.of(normalize(input), g -> backward(input, g));
    }

    /** {@code y = gamma * (x - mean) / sqrt(var + eps) + beta}: a new array of length {@code d}. */
    public double[] normalize(double[] x) {
        Shapes.requireLength("LayerNorm.normalize input", "d", x, d);
        throw new kit.core.NotImplementedYet(6, "LayerNorm.normalize", "the normalised row y (a new array of length d) of one row x (length d), with gamma, beta and EPS; book: src/site/markdown/lesson6.md, \"LayerNorm and its backward\"");
    }

    /**
     * The backward of {@link #normalize} at input {@code x}: adds {@code g n} to dL/dgamma and
     * {@code g} to dL/dbeta, and returns dL/dx, a new array of length {@code d}.
     */
    public double[] backward(double[] x, double[] gradOutput) {
        Shapes.requireLength("LayerNorm.backward input", "d", x, d);
        Shapes.requireLength("LayerNorm.backward dL/dy", "d", gradOutput, d);
        throw new kit.core.NotImplementedYet(6, "LayerNorm.backward", "given one row x (length d) and g = dL/dy (length d): add dL/dgamma and dL/dbeta (length d) into the gradients, return dL/dx (length d); book: src/site/markdown/lesson6.md, \"LayerNorm and its backward\"");
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double variance(double[] x, double mu) {
        double sum = 0;
        for (double v : x) {
            sum += (v - mu) * (v - mu);
        }
        return sum / x.length;
    }
}
