package kit.lesson4;

import java.util.List;
import java.util.random.RandomGenerator;

import kit.core.Init;
import kit.core.Layer;
import kit.core.Parameter;
import kit.core.Pass;
import kit.core.Rows;
import kit.core.Shapes;

/**
 * A token embedding: a table {@code E} with one learned row of {@code d} numbers per token of a
 * vocabulary of {@code V}, read by one-hot rows.
 *
 * <p>Forward, for each row {@code t} of the input: {@code y[t] = sum_v x[t][v] E[v]}, that is
 * {@code y = x E}. A token enters as a one-hot row (1 at its id {@code v}, 0 elsewhere), so the sum
 * has one term and {@code y[t]} is row {@code v} of the table: a lookup. It is the bias-free linear
 * layer of Lesson 1 with {@code W = E^T}, computed without multiplying by the zeros.
 * <br>Backward, given {@code g = dL/dy}: {@code dL/dE[v] += sum_t x[t][v] g[t]}, so a token's row
 * collects the gradient of every slot that looked it up (a token used twice gets the sum of both
 * slices), and a row that was never looked up gets nothing; {@code dL/dx[t][v] = E[v] . g[t]}
 * (that is {@code g E^T}), the true gradient of the one-hot input.
 *
 * <p>Shapes: input {@code T x V} (one row per token), output {@code T x d}; the table is
 * {@code V x d}. Cost: forward {@code T d} for one-hot rows (one row copied per token, against
 * {@code T V d} for the matrix product); backward {@code T d} for the table and {@code T V d} for
 * {@code dL/dx}, which nothing upstream needs but which the contract asks for. The table starts
 * uniform in {@code [-1/sqrt(d), 1/sqrt(d)]}, as in the original course, so a row has expected
 * squared norm 1/3 whatever {@code d}.
 *
 * <p>Numerics: a one-hot row copies the table row exactly ({@code 1.0 * e == e}); the layer accepts
 * any real rows, so the grader can differentiate it numerically in its input.
 *
 * <p>Book: {@code src/site/markdown/lesson4.md}, "The embedding is a linear layer".
 */
public final class Embedding implements Layer<double[][], double[][]> {
    private final int vocabulary;
    private final int dim;
    private final double[][] table;   // V x d
    private final double[][] dTable;  // V x d, accumulated dL/dE

    public Embedding(int vocabulary, int dim, RandomGenerator rng) {
        if (vocabulary < 1 || dim < 1) {
            throw new IllegalArgumentException("Embedding: vocabulary = " + vocabulary + " and dim = " + dim
                    + " must both be at least 1");
        }
        this.vocabulary = vocabulary;
        this.dim = dim;
        this.table = new double[vocabulary][dim];
        this.dTable = new double[vocabulary][dim];
        for (double[] row : table) {
            Init.fillUniform(row, 1 / Math.sqrt(dim), rng);
        }
    }

    /** The table, {@code V x d}: row {@code v} is token {@code v}'s vector; writing to it changes the layer. */
    public double[][] table() {
        return table;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.matrix("E", table, dTable));
    }

    @Override
    public Pass<double[][], double[][]> forward(double[][] x) {
        Shapes.requireSequence("Embedding.forward input", "V", x, -1, vocabulary,
                "one one-hot row per token");
        double[][] input = Rows.copy(x);
        return Pass.of(lookup(input), g -> backward(input, g));
    }

    /** {@code y[t] = sum_v x[t][v] E[v]}, a new {@code T x d} array: for a one-hot row, a copy of a table row. */
    public double[][] lookup(double[][] x) {
        Shapes.requireSequence("Embedding.lookup input", "V", x, -1, vocabulary,
                "one one-hot row per token");
        throw new kit.core.NotImplementedYet(4, "Embedding.lookup", "y = x E for a T x V input (one-hot rows) and the V x d table E: a new T x d array; book: src/site/markdown/lesson4.md, \"The embedding is a linear layer\"");
    }

    /**
     * The backward of {@link #lookup} at input {@code x}: adds {@code x[t][v] g[t]} to dL/dE[v] for every
     * row {@code t}, and returns {@code dL/dx[t][v] = E[v] . g[t]}, a new {@code T x V} array.
     */
    public double[][] backward(double[][] x, double[][] gradOutput) {
        int rows = Shapes.requireSequence("Embedding.backward input", "V", x, -1, vocabulary,
                "one one-hot row per token");
        Shapes.requireSequence("Embedding.backward dL/dy", "d", gradOutput, rows, dim,
                "one row per token");
        throw new kit.core.NotImplementedYet(4, "Embedding.backward", "given x (T x V) and g = dL/dy (T x d): add dL/dE (V x d) into the table's gradient, return dL/dx (T x V); book: src/site/markdown/lesson4.md, \"Repeated tokens add up their gradients\"");
    }
}
