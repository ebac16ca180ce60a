package kit.core;

import java.util.List;

/**
 * A vector layer applied to every row of a sequence, with one set of parameters shared by all rows:
 * {@code y[t] = f(x[t])} for {@code t = 0 .. T-1}. The backward runs each row's pass back and
 * returns the rows of dL/dx; the shared parameters receive the sum of every row's gradient.
 *
 * <p>Shapes: input {@code T x d}, output {@code T x d'} where {@code f} maps {@code d} to
 * {@code d'}. Cost: {@code T} forward and backward passes of {@code f}.
 *
 * <p>Book: {@code src/site/markdown/lesson1.md}, "Layers".
 */
public final class RowWise implements Layer<double[][], double[][]> {
    private final Layer<double[], double[]> perRow;

    public RowWise(Layer<double[], double[]> perRow) {
        if (perRow == null) {
            throw new IllegalArgumentException("RowWise: the per-row layer must not be null");
        }
        this.perRow = perRow;
    }

    @Override
    public Pass<double[][], double[][]> forward(double[][] x) {
        if (x == null) {
            throw new IllegalArgumentException("RowWise.forward: the sequence is null");
        }
        @SuppressWarnings("unchecked")
        Pass<double[], double[]>[] rows = new Pass[x.length];
        double[][] y = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            rows[t] = perRow.forward(x[t]);
            y[t] = rows[t].output();
        }
        return Pass.of(y, g -> {
            if (g == null || g.length != rows.length) {
                throw new IllegalArgumentException("RowWise.backward: dL/dy has " + (g == null ? "no" : g.length)
                        + " rows but the forward had " + rows.length);
            }
            double[][] dx = new double[rows.length][];
            for (int t = 0; t < rows.length; t++) {
                dx[t] = rows[t].backward(g[t]);
            }
            return dx;
        });
    }

    @Override
    public List<Parameter> parameters() {
        return perRow.parameters();
    }
}
