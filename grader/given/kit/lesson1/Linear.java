package kit.lesson1;

import java.util.List;
import java.util.random.RandomGenerator;

import kit.core.Init;
import kit.core.Layer;
import kit.core.Parameter;
import kit.core.Pass;
import kit.core.Shapes;

/**
 * A fully connected (affine) layer.
 *
 * <p>Forward: {@code y[o] = b[o] + sum_i W[o][i] x[i]}, that is {@code y = W x + b}.
 * <br>Backward, given {@code g = dL/dy}:
 * {@code dL/dW[o][i] += g[o] x[i]} (an outer product), {@code dL/db[o] += g[o]},
 * {@code dL/dx[i] = sum_o W[o][i] g[o]} (that is {@code W^T g}).
 *
 * <p>Shapes: input {@code in}, output {@code out}. Cost: {@code in * out} multiply-adds each way.
 * Weights start Glorot-uniform, biases at zero. The student's part is {@link #affine} and
 * {@link #backward(double[], double[])}; {@link #forward} keeps a copy of the input for the backward.
 *
 * <p>Book: {@code src/site/markdown/lesson1.md}, "Linear".
 */
public final class Linear implements Layer<double[], double[]> {
    private final int in;
    private final int out;
    private final double[][] w;   // out x in
    private final double[] b;     // out
    private final double[][] dw;  // out x in, accumulated dL/dW
    private final double[] db;    // out, accumulated dL/db

    public Linear(int in, int out, RandomGenerator rng) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Linear: in = " + in + " and out = " + out + " must both be at least 1");
        }
        this.in = in;
        this.out = out;
        this.w = new double[out][in];
        this.b = new double[out];
        this.dw = new double[out][in];
        this.db = new double[out];
        double bound = Init.glorotBound(in, out);
        for (double[] row : w) {
            Init.fillUniform(row, bound, rng);
        }
    }

    /** The weights, {@code out x in}; writing to them changes the layer. */
    public double[][] weights() {
        return w;
    }

    /** The biases, length {@code out}; writing to them changes the layer. */
    public double[] bias() {
        return b;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.matrix("W", w, dw), Parameter.vector("b", b, db));
    }

    @Override
    public Pass<double[], double[]> forward(double[] x) {
        Shapes.requireLength("Linear.forward input", "in", x, in);
        double[] input = x.clone();
        return Pass.of(affine(input), g -> backward(input, g));
    }

    /** {@code y = W x + b}: a new array of length {@code out}. */
    public double[] affine(double[] x) {
        Shapes.requireLength("Linear.affine input", "in", x, in);
        throw new kit.core.NotImplementedYet(1, "Linear.affine", "y = W x + b, a new array of length out, from x (length in) and W (out x in); book: src/site/markdown/lesson1.md, \"Linear\"");
    }

    /**
     * The backward of {@link #affine} at input {@code x}: adds {@code g x^T} to dL/dW and {@code g}
     * to dL/db, and returns {@code dL/dx = W^T g}, a new array of length {@code in}.
     */
    public double[] backward(double[] x, double[] gradOutput) {
        Shapes.requireLength("Linear.backward input", "in", x, in);
        Shapes.requireLength("Linear.backward dL/dy", "out", gradOutput, out);
        throw new kit.core.NotImplementedYet(1, "Linear.backward", "given x (length in) and g = dL/dy (length out): add dL/dW (out x in) and dL/db (length out) into the gradients, return dL/dx (length in); book: src/site/markdown/lesson1.md, \"Linear\"");
    }
}
