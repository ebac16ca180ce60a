package kit.lesson6;

import kit.core.Pass;
import kit.core.Rows;
import kit.core.Shapes;
import kit.lesson1.Linear;

/**
 * Small helpers for sequences, {@code T x d} arrays (time x features): sums, and a vector layer's
 * plain methods applied to every row with one pass for the whole sequence (no pass per row).
 *
 * <p>The backward passes here skip a row whose gradient is exactly 0: it would add nothing to any
 * parameter's gradient, and its dL/dx is 0. Only the last row reaches a transformer's logits, so
 * in the last block every other row's gradient is 0 and about a third of the backward is saved.
 */
final class Sequences {
    private Sequences() {
    }

    /** {@code a + b}, entry by entry, in a new array. */
    static double[][] add(double[][] a, double[][] b) {
        double[][] c = new double[a.length][];
        for (int t = 0; t < a.length; t++) {
            c[t] = a[t].clone();
        }
        return addTo(c, b);
    }

    /** {@code sum += b}, entry by entry, in place; returns {@code sum}. */
    static double[][] addTo(double[][] sum, double[][] b) {
        for (int t = 0; t < sum.length; t++) {
            for (int i = 0; i < sum[t].length; i++) {
                sum[t][i] += b[t][i];
            }
        }
        return sum;
    }

    /** {@code y[t] = W x[t] + b} for every row ({@link Linear#affine}): a new {@code T x out} array. */
    static double[][] affine(Linear layer, double[][] x) {
        return affine(layer, x, 0);
    }

    /** {@link #affine(Linear, double[][])} for the rows from {@code from} on; the rows before it are left 0. */
    static double[][] affine(Linear layer, double[][] x, int from) {
        double[][] y = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            y[t] = t < from ? new double[layer.bias().length] : layer.affine(x[t]);
        }
        return y;
    }

    /**
     * The backward of {@link #affine} at input {@code x}, given {@code g = dL/dy}: row by row
     * ({@link Linear#backward}), which adds every row's parameter gradients; returns dL/dx, a new
     * {@code T x in} array.
     */
    static double[][] backward(Linear layer, double[][] x, double[][] g) {
        requireRows("Linear.backward dL/dy", g, x.length);
        double[][] dx = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            dx[t] = isZero(g[t]) ? new double[x[t].length] : layer.backward(x[t], g[t]);
        }
        return dx;
    }

    /** {@code norm} on every row of {@code x}: one pass for the sequence, its backward row by row. */
    static Pass<double[][], double[][]> normalize(LayerNorm norm, double[][] x) {
        return normalize(norm, x, 0);
    }

    /** {@link #normalize(LayerNorm, double[][])} for the rows from {@code from} on; the rows before it are left 0. */
    static Pass<double[][], double[][]> normalize(LayerNorm norm, double[][] x, int from) {
        double[][] input = Rows.copy(x);
        double[][] y = new double[input.length][];
        for (int t = 0; t < input.length; t++) {
            y[t] = t < from ? new double[input[t].length] : norm.normalize(input[t]);
        }
        return Pass.of(y, g -> {
            requireRows("LayerNorm.backward dL/dy", g, input.length);
            double[][] dx = new double[input.length][];
            for (int t = 0; t < input.length; t++) {
                dx[t] = isZero(g[t]) ? new double[input[t].length] : norm.backward(input[t], g[t]);
            }
            return dx;
        });
    }

    /** Is every entry of {@code row} 0? */
    static boolean isZero(double[] row) {
        for (double v : row) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private static void requireRows(String what, double[][] g, int rows) {
        if (g == null || g.length != rows) {
            throw new IllegalArgumentException(what + " has " + (g == null ? "no" : String.valueOf(g.length))
                    + " rows but the forward had " + rows + (g == null ? "" : " (shape " + Shapes.describe(g) + ")"));
        }
    }
}
