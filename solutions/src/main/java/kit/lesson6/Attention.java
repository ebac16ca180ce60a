package kit.lesson6;

import java.util.List;
import java.util.random.RandomGenerator;

import kit.core.Layer;
import kit.core.Parameter;
import kit.core.Pass;
import kit.core.Rows;
import kit.core.Shapes;
import kit.lesson1.Linear;
import kit.lesson2.SoftmaxCrossEntropy;

/**
 * Single-head scaled dot-product attention over a sequence, with an optional causal mask.
 *
 * <p>Forward, for rows {@code x[t]} of width {@code d}: queries, keys and values are affine maps of
 * every row, {@code q[t] = W_q x[t] + b_q}, {@code k[t] = W_k x[t] + b_k}, {@code v[t] = W_v x[t] + b_v}
 * (Lesson 1's {@link Linear}, applied to every row). Row {@code i} scores every row {@code j} it may see,
 * {@code S[i][j] = q[i] . k[j] / sqrt(d)}, and the weights are a softmax over {@code j}:
 * {@code A[i][j] = e^S[i][j] / sum_l e^S[i][l]}. With the causal mask row {@code i} sees only
 * {@code j <= i}, and {@code A[i][j] = 0} exactly for {@code j > i}. Then {@code h[i] = sum_j A[i][j] v[j]}
 * and the output is {@code y[i] = W_o h[i] + b_o}.
 * <br>Backward, given {@code g = dL/dy}: the output map's backward gives {@code dL/dh}; your
 * {@link #backward} takes it back through the mix, the softmax and the scores to {@code dL/dq},
 * {@code dL/dk} and {@code dL/dv} (the book derives each); every row of {@code x} feeds all three
 * projections, so {@code dL/dx} is the sum of the three projections' backward passes.
 *
 * <p>Shapes: input and output {@code T x d}; weights {@code W_q, W_k, W_v, W_o} are {@code d x d}
 * with biases of length {@code d}; the weights {@code A} are {@code T x T}. Cost: {@code 4 T d^2}
 * multiply-adds for the projections and {@code 2 T^2 d} for the scores and the mixing (half that
 * with the mask), about three times as much forward and backward together.
 *
 * <p>Numerics: the softmax subtracts each row's largest score before exponentiating (Lesson 2's
 * {@link SoftmaxCrossEntropy#predict}), so large scores give a weight near 1, never overflow; the
 * masked entries are never exponentiated, so they are exactly 0 rather than {@code e^-1e9}.
 *
 * <p>Book: {@code src/site/markdown/lesson6.md}, "Attention as a soft pointer dereference",
 * "The backward of attention" and "Masking".
 */
public final class Attention implements Layer<double[][], double[][]> {
    private static final SoftmaxCrossEntropy SOFTMAX = new SoftmaxCrossEntropy();

    private final int d;
    private final boolean causal;
    private final Linear query;   // d -> d
    private final Linear key;     // d -> d
    private final Linear value;   // d -> d
    private final Linear output;  // d -> d
    private final List<Parameter> parameters;

    public Attention(int d, boolean causal, RandomGenerator rng) {
        if (d < 1) {
            throw new IllegalArgumentException("Attention: d = " + d + " must be at least 1");
        }
        this.d = d;
        this.causal = causal;
        this.query = new Linear(d, d, rng);
        this.key = new Linear(d, d, rng);
        this.value = new Linear(d, d, rng);
        this.output = new Linear(d, d, rng);
        this.parameters = List.of(
                named("query.W", query, 0), named("query.b", query, 1),
                named("key.W", key, 0), named("key.b", key, 1),
                named("value.W", value, 0), named("value.b", value, 1),
                named("output.W", output, 0), named("output.b", output, 1));
    }

    private static Parameter named(String name, Linear layer, int k) {
        return layer.parameters().get(k).renamed(name);
    }

    public int width() {
        return d;
    }

    public boolean causal() {
        return causal;
    }

    /** {@code W_q, b_q}; writing to its weights changes the layer (so do the three below). */
    public Linear query() {
        return query;
    }

    public Linear key() {
        return key;
    }

    public Linear value() {
        return value;
    }

    public Linear output() {
        return output;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Pass<double[][], double[][]> forward(double[][] x) {
        return forward(x, 0);
    }

    /**
     * {@link #forward} with the output map applied to the rows from {@code from} on only; the output's
     * rows before it are left 0 (see {@link Block}). Every row is still a key and a value.
     */
    Pass<double[][], double[][]> forward(double[][] x, int from) {
        int rows = Shapes.requireSequence("Attention.forward input", "d", x, -1, d, "time x features");
        double[][] input = Rows.copy(x);
        double[][] q = Sequences.affine(query, input);
        double[][] k = Sequences.affine(key, input);
        double[][] v = Sequences.affine(value, input);
        double[][] a = weights(q, k);
        double[][] h = mix(a, v);
        return Pass.of(Sequences.affine(output, h, from), g -> {
            Shapes.requireSequence("Attention.backward dL/dy", g, rows, d, "the shape of the forward's output");
            double[][][] dqkv = backward(q, k, v, a, Sequences.backward(output, h, g));
            // x fed all three projections: its gradient is the sum of the three ways back
            double[][] dx = Sequences.backward(query, input, dqkv[0]);
            Sequences.addTo(dx, Sequences.backward(key, input, dqkv[1]));
            return Sequences.addTo(dx, Sequences.backward(value, input, dqkv[2]));
        });
    }

    /** The attention weights of input {@code x}, {@code T x T}: what row {@code i} reads from row {@code j}. */
    public double[][] weightsOf(double[][] x) {
        Shapes.requireSequence("Attention.weightsOf input", "d", x, -1, d, "time x features");
        return weights(Sequences.affine(query, x), Sequences.affine(key, x));
    }

    /**
     * {@code A[i][j] = softmax over j of q[i] . k[j] / sqrt(d)}, over {@code j <= i} with the causal
     * mask (and exactly 0 beyond), over every {@code j} without it: a new {@code T x T} array.
     */
    public double[][] weights(double[][] q, double[][] k) {
        int rows = Shapes.requireSequence("Attention.weights queries", q, -1, d, "time x features");
        Shapes.requireSequence("Attention.weights keys", k, rows, d, "one row per query");
        // BEGIN SOLUTION
        // task: the attention weights A (a new T x T array) from queries q and keys k (T x d each), with the causal mask if the head has one (masked weights exactly 0)
        // book: Attention as a soft pointer dereference
        // pseudocode: row i: scores s[j] = (q[i] . k[j]) / sqrt(d) for j <= i (causal) or every j; A[i][j] = stable softmax of s (subtract max s), 0 for masked j
        double scale = 1 / Math.sqrt(d);
        double[][] a = new double[rows][rows];
        for (int i = 0; i < rows; i++) {
            int seen = causal ? i + 1 : rows;
            double[] scores = new double[seen];
            for (int j = 0; j < seen; j++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += q[i][c] * k[j][c];
                }
                scores[j] = dot * scale;
            }
            System.arraycopy(SOFTMAX.predict(scores), 0, a[i], 0, seen);
        }
        return a;
        // END SOLUTION
    }

    /** {@code h[i] = sum_j A[i][j] v[j]}: each row's weighted average of the values, a new {@code T x d} array. */
    public static double[][] mix(double[][] a, double[][] v) {
        // BEGIN SOLUTION
        // task: h = A v: each row's average of the values under its weights, a new T x d array from A (T x T) and v (T x d)
        // book: Attention as a soft pointer dereference
        // pseudocode: h[i][c] = sum over j of A[i][j] * v[j][c]
        double[][] h = new double[a.length][v[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < v.length; j++) {
                double w = a[i][j];
                for (int c = 0; c < h[i].length; c++) {
                    h[i][c] += w * v[j][c];
                }
            }
        }
        return h;
        // END SOLUTION
    }

    /**
     * The backward of {@code h = mix(weights(q, k), v)}, given {@code dh = dL/dh}: returns
     * {@code {dL/dq, dL/dk, dL/dv}}, three new {@code T x d} arrays.
     */
    public double[][][] backward(double[][] q, double[][] k, double[][] v, double[][] a, double[][] dh) {
        int rows = Shapes.requireSequence("Attention.backward queries", q, -1, d, "time x features");
        Shapes.requireSequence("Attention.backward keys", k, rows, d, "one row per query");
        Shapes.requireSequence("Attention.backward values", v, rows, d, "one row per query");
        Shapes.requireSequence("Attention.backward dL/dh", dh, rows, d, "the shape of the forward's output");
        // BEGIN SOLUTION
        // task: the backward of h = mix(weights(q, k), v): given q, k, v (T x d), A (T x T) and dh = dL/dh (T x d), return dL/dq, dL/dk and dL/dv (T x d each)
        // book: The backward of attention
        // pseudocode: dA[i][j] = dh[i] . v[j]; dv[j] += A[i][j] dh[i]; dS[i][j] = A[i][j] (dA[i][j] - sum over l of A[i][l] dA[i][l]); dq[i] += dS[i][j] k[j] / sqrt(d); dk[j] += dS[i][j] q[i] / sqrt(d)
        double scale = 1 / Math.sqrt(d);
        double[][] dq = new double[rows][d];
        double[][] dk = new double[rows][d];
        double[][] dv = new double[rows][d];
        double[] dA = new double[rows];
        for (int i = 0; i < rows; i++) {
            double expected = 0;  // sum over l of A[i][l] dA[i][l]
            for (int j = 0; j < rows; j++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += dh[i][c] * v[j][c];
                    dv[j][c] += a[i][j] * dh[i][c];
                }
                dA[j] = dot;
                expected += a[i][j] * dot;
            }
            for (int j = 0; j < rows; j++) {
                double dS = a[i][j] * (dA[j] - expected) * scale;
                for (int c = 0; c < d; c++) {
                    dq[i][c] += dS * k[j][c];
                    dk[j][c] += dS * q[i][c];
                }
            }
        }
        return new double[][][] {dq, dk, dv};
        // END SOLUTION
    }
}
