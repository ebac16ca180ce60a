package kit.lesson1;

import java.util.List;
import java.util.random.RandomGenerator;

import kit.core.Init;
import kit.core.Layer;
import kit.core.Parameter;
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
 * Weights start Glorot-uniform, biases at zero.
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
    private double[] x;           // in, the input of the last forward

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
    public double[] forward(double[] x) {
        Shapes.requireLength("Linear.forward input (in = " + in + ")", x, in);
        this.x = x.clone();
        throw new kit.core.NotImplementedYet(1, "Linear.forward", "y[o] = b[o] + sum over i of W[o][i] * x[i]");
    }

    @Override
    public double[] backward(double[] gradOutput) {
        Shapes.requireLength("Linear.backward dL/dy (out = " + out + ")", gradOutput, out);
        if (x == null) {
            throw new IllegalStateException("Linear.backward called before forward");
        }
        throw new kit.core.NotImplementedYet(1, "Linear.backward", "dW[o][i] += g[o] * x[i]; db[o] += g[o]; dx[i] = sum over o of W[o][i] * g[o]");
    }
}
