package kit.lesson6;

import java.util.List;
import java.util.random.RandomGenerator;

import kit.core.Layer;
import kit.core.Parameter;
import kit.core.Pass;
import kit.core.Rows;
import kit.core.Shapes;

/**
 * Token and position embeddings: row {@code t} of the output is the embedding of the token at
 * position {@code t} plus the embedding of position {@code t}.
 *
 * <p>Forward: tokens enter as one-hot rows {@code x[t]} of length {@code V}, so
 * {@code y[t] = E^T x[t] + P[t]} is row {@code token(t)} of {@code E} plus row {@code t} of {@code P}.
 * <br>Backward, given {@code g = dL/dy}: {@code dL/dE[v] += sum_t x[t][v] g[t]} (a token used at
 * several positions collects the gradient of each), {@code dL/dP[t] += g[t]}, and
 * {@code dL/dx[t][v] = E[v] . g[t]} (the one-hot input is data, but the layer is linear in it).
 *
 * <p>Shapes: input {@code T x V} with {@code T <= maxLength}, output {@code T x d}; {@code E} is
 * {@code V x d} and {@code P} is {@code maxLength x d}, both drawn from {@code N(0, 1)}, the scale of
 * a row after LayerNorm. Cost: {@code T V d} each way.
 *
 * <p>The two tables are added, so a token's vector is the same at every position: what tells the
 * value of the bit at position 8 from the one at position 9 is only the position's vector.
 *
 * <p>Book: {@code src/site/markdown/lesson6.md}, "The model".
 */
public final class Embeddings implements Layer<double[][], double[][]> {
    private final int vocabulary;
    private final int maxLength;
    private final int d;
    private final double[][] tokens;      // vocabulary x d
    private final double[][] positions;   // maxLength x d
    private final double[][] dTokens;     // vocabulary x d, accumulated dL/dE
    private final double[][] dPositions;  // maxLength x d, accumulated dL/dP

    public Embeddings(int vocabulary, int maxLength, int d, RandomGenerator rng) {
        if (vocabulary < 1 || maxLength < 1 || d < 1) {
            throw new IllegalArgumentException("Embeddings: vocabulary = " + vocabulary + ", maxLength = "
                    + maxLength + " and d = " + d + " must all be at least 1");
        }
        this.vocabulary = vocabulary;
        this.maxLength = maxLength;
        this.d = d;
        this.tokens = new double[vocabulary][d];
        this.positions = new double[maxLength][d];
        this.dTokens = new double[vocabulary][d];
        this.dPositions = new double[maxLength][d];
        for (double[] row : tokens) {
            fillGaussian(row, rng);
        }
        for (double[] row : positions) {
            fillGaussian(row, rng);
        }
    }

    private static void fillGaussian(double[] row, RandomGenerator rng) {
        for (int i = 0; i < row.length; i++) {
            row[i] = rng.nextGaussian();
        }
    }

    /** The token table {@code E}, {@code V x d}; writing to it changes the layer. */
    public double[][] tokens() {
        return tokens;
    }

    /** The position table {@code P}, {@code maxLength x d}; writing to it changes the layer. */
    public double[][] positions() {
        return positions;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.matrix("tokens", tokens, dTokens), Parameter.matrix("positions", positions, dPositions));
    }

    @Override
    public Pass<double[][], double[][]> forward(double[][] x) {
        int rows = Shapes.requireSequence("Embeddings.forward input (one-hot rows, V = " + vocabulary + ")",
                x, -1, vocabulary, "time x features");
        if (rows > maxLength) {
            throw new IllegalArgumentException("Embeddings.forward input has " + rows + " rows but at most "
                    + maxLength + " positions are embedded");
        }
        double[][] input = Rows.copy(x);
        double[][] y = new double[rows][d];
        for (int t = 0; t < rows; t++) {
            for (int v = 0; v < vocabulary; v++) {
                double weight = input[t][v];
                if (weight != 0) {
                    for (int i = 0; i < d; i++) {
                        y[t][i] += weight * tokens[v][i];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                y[t][i] += positions[t][i];
            }
        }
        return Pass.of(y, g -> {
            Shapes.requireSequence("Embeddings.backward dL/dy", g, rows, d, "the shape of the forward's output");
            double[][] dx = new double[rows][vocabulary];
            for (int t = 0; t < rows; t++) {
                for (int v = 0; v < vocabulary; v++) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) {
                        dTokens[v][i] += input[t][v] * g[t][i];
                        dot += tokens[v][i] * g[t][i];
                    }
                    dx[t][v] = dot;
                }
                for (int i = 0; i < d; i++) {
                    dPositions[t][i] += g[t][i];
                }
            }
            return dx;
        });
    }
}
