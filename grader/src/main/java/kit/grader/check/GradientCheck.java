package kit.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import kit.core.Layer;
import kit.core.Loss;

/**
 * The grader's gradient checker: central differences in float64, independent of the student tree.
 *
 * <p>A layer {@code y = f(x; theta)} is turned into a scalar with a fixed random projection,
 * {@code L = sum_j r_j y_j}, so that {@code dL/dy = r}. The student's {@code backward(r)} must then
 * equal, coordinate by coordinate, the central difference
 * {@code (L(v + h) - L(v - h)) / (2h)} with {@code h = 1e-5}, for the input and for every
 * parameter. Truncation error is {@code O(h^2)} and rounding error about {@code 1e-16 |L| / h},
 * both far below the tolerance.
 *
 * <p>Kinks: where the one-sided slopes {@code (L(v+h) - L(v))/h} and {@code (L(v) - L(v-h))/h}
 * disagree, the function has no derivative at that point (ReLU at 0); the coordinate is marked and
 * any analytic value is accepted there.
 */
public final class GradientCheck {
    /** Step of the central difference. */
    public static final double STEP = 1e-5;
    /** Largest accepted relative error. */
    public static final double TOLERANCE = 1e-5;
    /** Gradients smaller than this are compared absolutely. */
    public static final double FLOOR = 1e-3;

    private GradientCheck() {
    }

    /** Checks {@code layer} at {@code input}, drawing the projection {@code r} from {@code seed}. */
    public static <I, O> LayerGradients<I, O> ofLayer(String layerName, Layer<I, O> layer, I input, long seed) {
        return new LayerGradients<>(layerName, layer, input, seed);
    }

    /** Compares {@code loss.gradient(z, y)} with central differences of {@code loss.value}. */
    public static GradientComparison ofLoss(String lossName, Loss loss, double[] logits, double[] target, long seed) {
        double[] z = logits.clone();
        double[] analytic = loss.gradient(logits.clone(), target.clone());
        String shapeError = analytic == null || analytic.length != z.length
                ? "dL/dz has length " + (analytic == null ? "null" : analytic.length)
                  + " but the logits have length " + z.length
                : null;
        List<Entry> entries = new ArrayList<>();
        if (shapeError == null) {
            differentiate(List.of(z), () -> loss.value(z, target.clone()),
                    (r, c) -> "dL/dz[" + c + "]", List.of(analytic), entries);
        }
        return new GradientComparison("dL/dz of " + lossName, entries, seed, shapeError);
    }

    /**
     * Central differences of {@code f} with respect to every entry of {@code rows}, which alias the
     * point {@code f} reads; each entry is restored after use.
     */
    static void differentiate(List<double[]> rows, DoubleSupplier f, EntryNamer namer,
                              List<double[]> analytic, List<Entry> out) {
        double f0 = f.getAsDouble();
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            for (int c = 0; c < row.length; c++) {
                double saved = row[c];
                row[c] = saved + STEP;
                double plus = f.getAsDouble();
                row[c] = saved - STEP;
                double minus = f.getAsDouble();
                row[c] = saved;
                double central = (plus - minus) / (2 * STEP);
                double right = (plus - f0) / STEP;
                double left = (f0 - minus) / STEP;
                boolean kink = Math.abs(right - left) > 1e-3 * Math.max(1, Math.abs(central));
                out.add(new Entry(namer.name(r, c), analytic.get(r)[c], central, kink));
            }
        }
    }

    /** Names the entry at row {@code r}, column {@code c} of what is being differentiated. */
    @FunctionalInterface
    interface EntryNamer {
        String name(int r, int c);
    }

    /** A projection {@code r} with the shape of {@code like}, entries uniform in [-1, 1]. */
    static <T> T projectionLike(T like, long seed) {
        T r = NestedArrays.copy(like);
        NestedArrays.fillUniform(r, 1.0, new Random(seed));
        return r;
    }

    static double dot(Object a, Object b) {
        List<double[]> ra = NestedArrays.rows(a);
        List<double[]> rb = NestedArrays.rows(b);
        double sum = 0;
        for (int r = 0; r < ra.size(); r++) {
            double[] x = ra.get(r);
            double[] y = rb.get(r);
            for (int c = 0; c < x.length; c++) {
                sum += x[c] * y[c];
            }
        }
        return sum;
    }
}
