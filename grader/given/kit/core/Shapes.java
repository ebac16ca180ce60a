package kit.core;

import java.util.Arrays;

/**
 * Argument checks shared by every layer. A caller's mistake becomes an
 * {@link IllegalArgumentException} whose message names what was expected and what came.
 */
public final class Shapes {
    private Shapes() {
    }

    /** Requires {@code x.length == expected}; {@code what} names the argument, e.g. "Linear.forward input". */
    public static void requireLength(String what, double[] x, int expected) {
        if (x == null) {
            throw new IllegalArgumentException(what + " is null; expected length " + expected);
        }
        if (x.length != expected) {
            throw new IllegalArgumentException(what + " has length " + x.length + " but expected length " + expected);
        }
    }

    /** Requires two arrays of one length, e.g. logits and targets. */
    public static void requireSameLength(String what, double[] a, String aName, double[] b, String bName) {
        if (a == null || b == null) {
            throw new IllegalArgumentException(what + ": " + (a == null ? aName : bName) + " is null");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException(what + ": " + aName + " has length " + a.length
                    + " but " + bName + " has length " + b.length);
        }
    }

    /** Requires {@code x} to be a rectangular {@code channels x height x width} array. */
    public static void requireShape(String what, double[][][] x, int channels, int height, int width) {
        int[] expected = {channels, height, width};
        int[] actual = shapeOf(x);
        if (!Arrays.equals(expected, actual)) {
            throw new IllegalArgumentException(what + " has shape " + describe(actual)
                    + " but expected " + describe(expected) + " (channels x height x width)");
        }
    }

    /** The shape of a 3-d array, or {@code [-1, -1, -1]} if it is null or ragged. */
    public static int[] shapeOf(double[][][] x) {
        if (x == null || x.length == 0 || x[0] == null) {
            return x == null ? new int[] {-1, -1, -1} : new int[] {0, 0, 0};
        }
        int h = x[0].length;
        int w = h == 0 || x[0][0] == null ? 0 : x[0][0].length;
        for (double[][] channel : x) {
            if (channel == null || channel.length != h) {
                return new int[] {-1, -1, -1};
            }
            for (double[] row : channel) {
                if (row == null || row.length != w) {
                    return new int[] {-1, -1, -1};
                }
            }
        }
        return new int[] {x.length, h, w};
    }

    /** {@code 3 x 12 x 12}, or "ragged" for a shape that is not rectangular. */
    public static String describe(int[] shape) {
        if (shape.length > 0 && shape[0] < 0) {
            return "null or ragged";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : " x ").append(shape[i]);
        }
        return s.toString();
    }

    /**
     * Requires a rectangular {@code rows x cols} array, such as a sequence ({@code T x d}, time x
     * features); {@code rows < 0} accepts any number of rows (at least one). {@code meaning} says
     * what a row is, for the message. Returns the number of rows.
     */
    public static int requireSequence(String what, double[][] x, int rows, int cols, String meaning) {
        String expected = (rows < 0 ? "T" : String.valueOf(rows)) + " x " + cols + (rows < 0 ? " with T >= 1" : "")
                + " (" + meaning + ")";
        if (x == null) {
            throw new IllegalArgumentException(what + " is null; expected " + expected);
        }
        boolean fits = x.length >= 1 && (rows < 0 || x.length == rows);
        for (double[] row : x) {
            fits &= row != null && row.length == cols;
        }
        if (!fits) {
            throw new IllegalArgumentException(what + " has shape " + describe(x) + " but expected " + expected);
        }
        return x.length;
    }

    /** {@code 3 x 4}, or "3 x ragged" for rows of different lengths. */
    public static String describe(double[][] x) {
        int cols = x.length == 0 || x[0] == null ? 0 : x[0].length;
        for (double[] row : x) {
            if (row == null || row.length != cols) {
                return x.length + " x ragged";
            }
        }
        return x.length + " x " + cols;
    }
}
