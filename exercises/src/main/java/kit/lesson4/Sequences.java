package kit.lesson4;

/** Checks and copies shared by the lesson's layers: sequences are {@code double[][]}, time x features. */
final class Sequences {
    private Sequences() {
    }

    /**
     * Requires a rectangular {@code rows x cols} array; {@code rows < 0} accepts any number of rows (at
     * least one). Returns the number of rows.
     */
    static int requireMatrix(String what, double[][] x, int rows, int cols, String meaning) {
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

    /** {@code 3 x 4}, or "ragged" for rows of different lengths. */
    static String describe(double[][] x) {
        int cols = x.length == 0 || x[0] == null ? 0 : x[0].length;
        for (double[] row : x) {
            if (row == null || row.length != cols) {
                return x.length + " x ragged";
            }
        }
        return x.length + " x " + cols;
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
