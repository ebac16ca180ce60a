package kit.lesson6;

import kit.core.Layer;
import kit.core.Pass;
import kit.core.Shapes;

/**
 * Lays a {@code T x d} sequence out as one vector of {@code T d} entries, row after row, so that
 * Lesson 1's dense layers can read a whole sequence at once (the MLP baseline).
 *
 * <p>Forward: {@code y[t d + i] = x[t][i]}. Backward: {@code dL/dx[t][i] = dL/dy[t d + i]}.
 *
 * <p>Shapes: input {@code T x d}, output {@code T d}. No parameters; no arithmetic.
 *
 * <p>Book: {@code src/site/markdown/lesson6.md}, "The pointer task".
 */
public final class FlattenSequence implements Layer<double[][], double[]> {
    private final int length;
    private final int d;

    public FlattenSequence(int length, int d) {
        if (length < 1 || d < 1) {
            throw new IllegalArgumentException("FlattenSequence: length = " + length + " and d = " + d
                    + " must both be at least 1");
        }
        this.length = length;
        this.d = d;
    }

    @Override
    public Pass<double[][], double[]> forward(double[][] x) {
        int rows = Shapes.requireSequence("FlattenSequence.forward input (d = " + d + ")", x, -1, d, "time x features");
        if (rows != length) {
            throw new IllegalArgumentException("FlattenSequence.forward input has " + rows + " rows but expected "
                    + length);
        }
        double[] y = new double[length * d];
        for (int t = 0; t < length; t++) {
            System.arraycopy(x[t], 0, y, t * d, d);
        }
        return Pass.of(y, g -> {
            if (g == null || g.length != length * d) {
                throw new IllegalArgumentException("FlattenSequence.backward dL/dy has length "
                        + (g == null ? "null" : String.valueOf(g.length)) + " but expected " + length * d);
            }
            double[][] dx = new double[length][d];
            for (int t = 0; t < length; t++) {
                System.arraycopy(g, t * d, dx[t], 0, d);
            }
            return dx;
        });
    }
}
