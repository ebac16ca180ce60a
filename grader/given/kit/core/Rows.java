package kit.core;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Row-by-row maps over arrays of any rank: a vector {@code double[]} is one row, a sequence
 * {@code double[][]} (time x features) is {@code T} rows, feature maps {@code double[][][]}
 * (channels x height x width) are {@code C H} rows. An element-wise layer written for one row
 * works on all of them through these maps.
 */
public final class Rows {
    private Rows() {
    }

    /** A new array of {@code x}'s shape whose every innermost row is {@code f(row)}. */
    @SuppressWarnings("unchecked")
    public static <T> T map(T x, UnaryOperator<double[]> f) {
        if (x instanceof double[] row) {
            return (T) f.apply(row);
        }
        if (x instanceof Object[] rows) {
            Object[] y = (Object[]) newArrayLike(rows);
            for (int i = 0; i < rows.length; i++) {
                y[i] = map(rows[i], f);
            }
            return (T) y;
        }
        throw new IllegalArgumentException("Rows.map: expected double[], double[][] or double[][][] but got "
                + (x == null ? "null" : x.getClass().getSimpleName()));
    }

    /** A new array of the common shape whose every innermost row is {@code f(rowOfA, rowOfB)}. */
    @SuppressWarnings("unchecked")
    public static <T> T zip(String what, T a, T b, BinaryOperator<double[]> f) {
        if (a instanceof double[] rowA && b instanceof double[] rowB) {
            Shapes.requireSameLength(what, rowA, "the input row", rowB, "the gradient row");
            return (T) f.apply(rowA, rowB);
        }
        if (a instanceof Object[] rowsA && b instanceof Object[] rowsB && rowsA.length == rowsB.length) {
            Object[] y = (Object[]) newArrayLike(rowsA);
            for (int i = 0; i < rowsA.length; i++) {
                y[i] = zip(what, rowsA[i], rowsB[i], f);
            }
            return (T) y;
        }
        throw new IllegalArgumentException(what + ": the gradient has shape " + describe(b)
                + " but the forward's input had shape " + describe(a));
    }

    /** A deep copy. */
    public static <T> T copy(T x) {
        return map(x, double[]::clone);
    }

    private static Object newArrayLike(Object[] rows) {
        if (rows instanceof double[][]) {
            return new double[rows.length][];
        }
        if (rows instanceof double[][][]) {
            return new double[rows.length][][];
        }
        if (rows instanceof double[][][][]) {
            return new double[rows.length][][][];
        }
        throw new IllegalArgumentException("Rows: arrays of rank above 4 are not supported");
    }

    private static String describe(Object x) {
        if (x instanceof double[] row) {
            return String.valueOf(row.length);
        }
        if (x instanceof Object[] rows) {
            return rows.length + (rows.length == 0 ? "" : " x " + describe(rows[0]));
        }
        return "null";
    }
}
