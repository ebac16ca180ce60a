package kit.lesson5;

/** Checks and copies shared by the lesson's layers: a sequence is {@code double[][]}, time x features. */
final class SequenceShapes {
    private SequenceShapes() {
    }

    /**
     * Requires a rectangular {@code steps x width} array with at least one row; {@code steps < 0}
     * accepts any number of rows. Returns the number of rows.
     */
    static int require(String what, double[][] x, int steps, int width, String meaning) {
        String expected = (steps < 0 ? "T" : String.valueOf(steps)) + " x " + width
                + (steps < 0 ? " with T >= 1" : "") + " (" + meaning + ")";
        if (x == null) {
            throw new IllegalArgumentException(what + " is null; expected " + expected);
        }
        boolean fits = x.length >= 1 && (steps < 0 || x.length == steps);
        for (double[] row : x) {
            fits &= row != null && row.length == width;
        }
        if (!fits) {
            throw new IllegalArgumentException(what + " has shape " + describe(x) + " but expected " + expected);
        }
        return x.length;
    }

    /** {@code 3 x 4}, or "3 x ragged" for rows of different lengths. */
    static String describe(double[][] x) {
        int width = x.length == 0 || x[0] == null ? 0 : x[0].length;
        for (double[] row : x) {
            if (row == null || row.length != width) {
                return x.length + " x ragged";
            }
        }
        return x.length + " x " + width;
    }

    /** A deep copy. */
    static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            c[t] = x[t].clone();
        }
        return c;
    }
}
