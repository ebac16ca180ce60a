package kit.grader.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The grader's view of the library's plain arrays ({@code double[]} up to {@code double[][][][]}):
 * their innermost rows, copies, shapes and index names. The grader's own code, independent of the
 * student tree.
 */
public final class NestedArrays {
    private NestedArrays() {
    }

    /**
     * The largest {@code |a[i] - b[i]|}; infinite if the lengths differ or an entry is NaN, so that
     * no bar can pass it.
     */
    public static double largestDifference(double[] a, double[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double difference = Math.abs(a[i] - b[i]);
            worst = Math.max(worst, Double.isNaN(difference) ? Double.POSITIVE_INFINITY : difference);
        }
        return worst;
    }

    /** The innermost {@code double[]} rows of {@code array}, in index order; they alias the array. */
    public static List<double[]> rows(Object array) {
        List<double[]> rows = new ArrayList<>();
        collect(array, rows);
        return rows;
    }

    private static void collect(Object array, List<double[]> rows) {
        if (array instanceof double[] row) {
            rows.add(row);
        } else if (array instanceof Object[] parts) {
            for (Object part : parts) {
                collect(part, rows);
            }
        } else {
            throw new IllegalArgumentException("not an array of doubles: "
                    + (array == null ? "null" : array.getClass().getSimpleName()));
        }
    }

    /** A deep copy of a nested double array. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T array) {
        if (array instanceof double[] row) {
            return (T) row.clone();
        }
        if (array instanceof Object[] parts) {
            Object[] copy = parts.clone();
            for (int i = 0; i < copy.length; i++) {
                copy[i] = copy(parts[i]);
            }
            return (T) copy;
        }
        throw new IllegalArgumentException("not an array of doubles: "
                + (array == null ? "null" : array.getClass().getSimpleName()));
    }

    /** The shape, e.g. {@code [2, 3]}; a ragged array reports its first row's lengths. */
    public static List<Integer> shape(Object array) {
        List<Integer> shape = new ArrayList<>();
        Object a = array;
        while (a instanceof Object[] parts) {
            shape.add(parts.length);
            a = parts.length == 0 ? null : parts[0];
        }
        if (a instanceof double[] row) {
            shape.add(row.length);
        }
        return shape;
    }

    /** True if both arrays have the same shape and exactly the same entries. */
    public static boolean sameEntries(Object a, Object b) {
        List<double[]> ra = rows(a);
        List<double[]> rb = rows(b);
        if (ra.size() != rb.size() || !shape(a).equals(shape(b))) {
            return false;
        }
        for (int r = 0; r < ra.size(); r++) {
            if (!Arrays.equals(ra.get(r), rb.get(r))) {
                return false;
            }
        }
        return true;
    }

    /** Writes the entry at row {@code r}, column {@code c} of the rows of an array of this shape as {@code [i][j]...}. */
    public static String index(List<Integer> shape, int r, int c) {
        int rowLength = shape.isEmpty() ? 0 : shape.get(shape.size() - 1);
        int flat = r * rowLength + c;
        int[] idx = new int[shape.size()];
        for (int d = shape.size() - 1; d >= 0; d--) {
            int n = Math.max(1, shape.get(d));
            idx[d] = flat % n;
            flat /= n;
        }
        StringBuilder s = new StringBuilder();
        for (int i : idx) {
            s.append('[').append(i).append(']');
        }
        return s.toString();
    }

    /** Fills every entry with an independent draw from {@code U(-scale, scale)}. */
    public static void fillUniform(Object array, double scale, Random rng) {
        for (double[] row : rows(array)) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (2 * rng.nextDouble() - 1) * scale;
            }
        }
    }

    /** A new vector of {@code n} draws from {@code U(-1, 1)}. */
    public static double[] uniform(int n, Random rng) {
        double[] v = new double[n];
        fillUniform(v, 1.0, rng);
        return v;
    }

    /** A new {@code rows x cols} matrix of draws from {@code U(-1, 1)}. */
    public static double[][] uniform(int rows, int cols, Random rng) {
        double[][] m = new double[rows][cols];
        fillUniform(m, 1.0, rng);
        return m;
    }

    /** New {@code channels x height x width} maps of draws from {@code U(-1, 1)}. */
    public static double[][][] uniform(int channels, int height, int width, Random rng) {
        double[][][] m = new double[channels][height][width];
        fillUniform(m, 1.0, rng);
        return m;
    }
}
