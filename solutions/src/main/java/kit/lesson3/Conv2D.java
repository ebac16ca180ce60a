package kit.lesson3;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import kit.core.Init;
import kit.core.Layer;
import kit.core.Parameter;
import kit.core.Pass;
import kit.core.Shapes;

/**
 * A two-dimensional convolution (in deep-learning usage, a cross-correlation): square kernel,
 * stride 1, no padding ("valid").
 *
 * <p>Forward, for output channel {@code o} at position {@code (i, j)}:
 * {@code y[o][i][j] = b[o] + sum_{c,u,v} W[o][c][u][v] x[c][i+u][j+v]}, with {@code u, v} in
 * {@code 0..k-1}. One small kernel is slid over every position: the same weights everywhere.
 * <br>Backward, given {@code g = dL/dy}:
 * {@code dL/dW[o][c][u][v] += sum_{i,j} g[o][i][j] x[c][i+u][j+v]} (the input correlated with
 * {@code g}), {@code dL/db[o] += sum_{i,j} g[o][i][j]}, and
 * {@code dL/dx[c][p][q] = sum_{o,u,v} g[o][p-u][q-v] W[o][c][u][v]} with {@code g} taken as 0
 * outside its range: the full correlation of {@code g} with the kernel flipped in both axes.
 *
 * <p>Shapes: input {@code in x H x W} with {@code H, W >= k}; output
 * {@code out x (H-k+1) x (W-k+1)}; kernel {@code out x in x k x k}. Cost: {@code out * in * k^2}
 * multiply-adds per output position, three times that for forward and backward together.
 * Weights start Glorot-uniform with fan-in {@code in k^2} and fan-out {@code out k^2}; biases at 0.
 *
 * <p>Book: {@code src/site/markdown/lesson3.md}, "The convolution" and "Its backward pass".
 */
public final class Conv2D implements Layer<double[][][], double[][][]> {
    private final int in;
    private final int out;
    private final int k;
    private final double[][][][] w;   // out x in x k x k
    private final double[] b;         // out
    private final double[][][][] dw;  // out x in x k x k, accumulated dL/dW
    private final double[] db;        // out, accumulated dL/db

    public Conv2D(int inChannels, int outChannels, int kernelSize, RandomGenerator rng) {
        if (inChannels < 1 || outChannels < 1 || kernelSize < 1) {
            throw new IllegalArgumentException("Conv2D: inChannels = " + inChannels + ", outChannels = "
                    + outChannels + " and kernelSize = " + kernelSize + " must all be at least 1");
        }
        this.in = inChannels;
        this.out = outChannels;
        this.k = kernelSize;
        this.w = new double[out][in][k][k];
        this.b = new double[out];
        this.dw = new double[out][in][k][k];
        this.db = new double[out];
        double bound = Init.glorotBound(in * k * k, out * k * k);
        for (double[][][] filter : w) {
            for (double[][] channel : filter) {
                for (double[] row : channel) {
                    Init.fillUniform(row, bound, rng);
                }
            }
        }
    }

    public int inChannels() {
        return in;
    }

    public int outChannels() {
        return out;
    }

    public int kernelSize() {
        return k;
    }

    /** The kernel, {@code out x in x k x k}; writing to it changes the layer. */
    public double[][][][] kernel() {
        return w;
    }

    /** The biases, one per output channel; writing to them changes the layer. */
    public double[] bias() {
        return b;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.tensor4("W", w, dw), Parameter.vector("b", b, db));
    }

    @Override
    public Pass<double[][][], double[][][]> forward(double[][][] x) {
        FeatureMaps.requireImage("Conv2D.forward input", x, in, k);
        double[][][] input = FeatureMaps.copy(x);
        return Pass.of(convolve(input), g -> backward(input, g));
    }

    /** The valid cross-correlation of {@code x} ({@code in x H x W}) with the kernel, plus the bias. */
    public double[][][] convolve(double[][][] x) {
        int[] shape = FeatureMaps.requireImage("Conv2D.convolve input", x, in, k);
        // BEGIN SOLUTION
        // task: the valid cross-correlation of x (in x H x W) with the kernel (out x in x k x k) plus each output channel's bias: a new out x (H-k+1) x (W-k+1) array
        // book: The convolution
        // pseudocode: y is out x (H-k+1) x (W-k+1); y[o][i][j] = b[o] + sum over c, u, v of W[o][c][u][v] * x[c][i+u][j+v]
        int outH = shape[1] - k + 1;
        int outW = shape[2] - k + 1;
        double[][][] y = new double[out][outH][outW];
        for (int o = 0; o < out; o++) {
            for (double[] row : y[o]) {
                Arrays.fill(row, b[o]);
            }
            for (int c = 0; c < in; c++) {
                for (int u = 0; u < k; u++) {
                    for (int v = 0; v < k; v++) {
                        double weight = w[o][c][u][v];
                        for (int i = 0; i < outH; i++) {
                            double[] yRow = y[o][i];
                            double[] xRow = x[c][i + u];
                            for (int j = 0; j < outW; j++) {
                                yRow[j] += weight * xRow[j + v];
                            }
                        }
                    }
                }
            }
        }
        return y;
        // END SOLUTION
    }

    /**
     * The backward of {@link #convolve} at input {@code x}: adds dL/dW and dL/db, returns dL/dx of
     * {@code x}'s shape.
     */
    public double[][][] backward(double[][][] x, double[][][] gradOutput) {
        int[] shape = FeatureMaps.requireImage("Conv2D.backward input", x, in, k);
        Shapes.requireShape("Conv2D.backward dL/dy", gradOutput, out, shape[1] - k + 1, shape[2] - k + 1);
        // BEGIN SOLUTION
        // task: given x (in x H x W) and g = dL/dy (out x (H-k+1) x (W-k+1)): add dL/dW and dL/db into the gradients, return dL/dx (in x H x W)
        // book: Its backward pass
        // pseudocode: for every o, c, u, v, i, j: dW[o][c][u][v] += g[o][i][j] * x[c][i+u][j+v]; dx[c][i+u][j+v] += W[o][c][u][v] * g[o][i][j]; db[o] += g[o][i][j]
        int outH = shape[1] - k + 1;
        int outW = shape[2] - k + 1;
        double[][][] dx = new double[in][shape[1]][shape[2]];
        for (int o = 0; o < out; o++) {
            for (double[] gRow : gradOutput[o]) {
                for (double g : gRow) {
                    db[o] += g;
                }
            }
            for (int c = 0; c < in; c++) {
                for (int u = 0; u < k; u++) {
                    for (int v = 0; v < k; v++) {
                        // Scattering W[o][c][u][v] g[o][i][j] into dx[c][i+u][j+v] over every (i, j, u, v)
                        // sums the same products as the full correlation with the flipped kernel.
                        double weight = w[o][c][u][v];
                        double sum = 0;
                        for (int i = 0; i < outH; i++) {
                            double[] gRow = gradOutput[o][i];
                            double[] xRow = x[c][i + u];
                            double[] dxRow = dx[c][i + u];
                            for (int j = 0; j < outW; j++) {
                                sum += gRow[j] * xRow[j + v];
                                dxRow[j + v] += weight * gRow[j];
                            }
                        }
                        dw[o][c][u][v] += sum;
                    }
                }
            }
        }
        return dx;
        // END SOLUTION
    }
}
