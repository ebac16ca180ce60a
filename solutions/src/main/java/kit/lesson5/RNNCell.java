package kit.lesson5;

import java.util.List;
import java.util.random.RandomGenerator;

import kit.core.Init;
import kit.core.Parameter;
import kit.core.Shapes;

/**
 * One step of a vanilla (Elman) recurrent network: reads one input and the previous state and
 * returns the new state. The same cell, with the same weights, runs at every step of a sequence.
 *
 * <p>Forward: {@code h_t = tanh(W_xh x_t + W_hh h_{t-1} + b)}.
 * <br>Backward of one step, given the whole of {@code dL/dh_t} (the gradient from the step's own
 * output plus the gradient that came back from step {@code t+1}): adds the step's share of
 * {@code dL/dW_xh}, {@code dL/dW_hh} and {@code dL/db} and returns {@code dL/dx_t} and
 * {@code dL/dh_{t-1}}; the book derives each from the forward.
 *
 * <p>Shapes: input {@code in}, state {@code hidden}. Cost: {@code hidden (in + hidden)}
 * multiply-adds a step forward, twice that backward. Initial weights as in the original course:
 * {@code W_xh ~ U(-1/sqrt(in), 1/sqrt(in))}, {@code W_hh ~ U(-1/sqrt(hidden), 1/sqrt(hidden))},
 * {@code b = 0}.
 *
 * <p>Numerics: where a state saturates ({@code |h| near 1}) the factor {@code 1 - h^2} is near 0
 * and the gradient through that unit all but stops; over many steps these factors multiply.
 *
 * <p>Book: {@code src/site/markdown/lesson5.md}, "The cell" and "Backpropagation through time".
 */
public final class RNNCell {
    private final int in;
    private final int hidden;
    private final double[][] wxh;   // hidden x in
    private final double[][] whh;   // hidden x hidden
    private final double[] b;       // hidden
    private final double[][] dwxh;  // hidden x in, accumulated dL/dW_xh
    private final double[][] dwhh;  // hidden x hidden, accumulated dL/dW_hh
    private final double[] db;      // hidden, accumulated dL/db

    public RNNCell(int in, int hidden, RandomGenerator rng) {
        if (in < 1 || hidden < 1) {
            throw new IllegalArgumentException("RNNCell: in = " + in + " and hidden = " + hidden
                    + " must both be at least 1");
        }
        this.in = in;
        this.hidden = hidden;
        this.wxh = new double[hidden][in];
        this.whh = new double[hidden][hidden];
        this.b = new double[hidden];
        this.dwxh = new double[hidden][in];
        this.dwhh = new double[hidden][hidden];
        this.db = new double[hidden];
        for (double[] row : wxh) {
            Init.fillUniform(row, 1 / Math.sqrt(in), rng);
        }
        for (double[] row : whh) {
            Init.fillUniform(row, 1 / Math.sqrt(hidden), rng);
        }
    }

    public int inputSize() {
        return in;
    }

    public int hiddenSize() {
        return hidden;
    }

    /** {@code W_xh}, {@code hidden x in}; writing to it changes the cell. */
    public double[][] inputWeights() {
        return wxh;
    }

    /** {@code W_hh}, {@code hidden x hidden}; writing to it changes the cell. */
    public double[][] recurrentWeights() {
        return whh;
    }

    /** {@code b}, length {@code hidden}; writing to it changes the cell. */
    public double[] bias() {
        return b;
    }

    public List<Parameter> parameters() {
        return List.of(Parameter.matrix("W_xh", wxh, dwxh), Parameter.matrix("W_hh", whh, dwhh),
                Parameter.vector("b", b, db));
    }

    /** One step forward: the new state {@code h_t = tanh(W_xh x_t + W_hh h_{t-1} + b)}, a new array. */
    public double[] step(double[] x, double[] hPrev) {
        Shapes.requireLength("RNNCell.step input x_t", "in", x, in);
        Shapes.requireLength("RNNCell.step state h_{t-1}", "hidden", hPrev, hidden);
        // BEGIN SOLUTION
        // task: the new state h_t (length H) from x_t (length I) and h_{t-1} (length H)
        // book: The cell
        // pseudocode: h[o] = tanh(b[o] + sum over i of W_xh[o][i] * x[i] + sum over j of W_hh[o][j] * hPrev[j])
        double[] h = new double[hidden];
        for (int o = 0; o < hidden; o++) {
            double sum = b[o];
            double[] inRow = wxh[o];
            for (int i = 0; i < in; i++) {
                sum += inRow[i] * x[i];
            }
            double[] stateRow = whh[o];
            for (int j = 0; j < hidden; j++) {
                sum += stateRow[j] * hPrev[j];
            }
            h[o] = Math.tanh(sum);
        }
        return h;
        // END SOLUTION
    }

    /**
     * One step back. {@code h} is the state this step produced from {@code x} and {@code hPrev};
     * {@code gradH} is the whole of {@code dL/dh_t}. Adds the parameter gradients and returns
     * {@code dL/dx_t} and {@code dL/dh_{t-1}}; leaves its arguments untouched.
     */
    public StepGradients backward(double[] x, double[] hPrev, double[] h, double[] gradH) {
        Shapes.requireLength("RNNCell.backward input x_t", "in", x, in);
        Shapes.requireLength("RNNCell.backward state h_{t-1}", "hidden", hPrev, hidden);
        Shapes.requireLength("RNNCell.backward state h_t", "hidden", h, hidden);
        Shapes.requireLength("RNNCell.backward dL/dh_t", "hidden", gradH, hidden);
        // BEGIN SOLUTION
        // task: one step back: given x_t (I), h_{t-1} (H), h_t (H) and the whole of dL/dh_t (H), add dL/dW_xh (H x I), dL/dW_hh (H x H) and dL/db (H) into the gradients, return dL/dx_t (I) and dL/dh_{t-1} (H)
        // book: Backpropagation through time
        // pseudocode: a[o] = gradH[o] * (1 - h[o]^2); dW_xh[o][i] += a[o] x[i]; dW_hh[o][j] += a[o] hPrev[j]; db[o] += a[o]; dx = W_xh^T a, dhPrev = W_hh^T a
        double[] dx = new double[in];
        double[] dhPrev = new double[hidden];
        for (int o = 0; o < hidden; o++) {
            double a = gradH[o] * (1 - h[o] * h[o]);
            db[o] += a;
            double[] inRow = wxh[o];
            double[] dInRow = dwxh[o];
            for (int i = 0; i < in; i++) {
                dInRow[i] += a * x[i];
                dx[i] += inRow[i] * a;
            }
            double[] stateRow = whh[o];
            double[] dStateRow = dwhh[o];
            for (int j = 0; j < hidden; j++) {
                dStateRow[j] += a * hPrev[j];
                dhPrev[j] += stateRow[j] * a;
            }
        }
        return new StepGradients(dx, dhPrev);
        // END SOLUTION
    }
}
