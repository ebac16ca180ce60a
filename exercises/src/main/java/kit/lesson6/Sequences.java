package kit.lesson6;

/** Shape checks and small helpers for sequences, {@code T x d} arrays (time x features). */
final class Sequences {
    private Sequences() {
    }

    /** Requires {@code x} to be a rectangular {@code T x d} array with {@code T >= 1}; returns {@code T}. */
    static int require(String what, double[][] x, int d) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException(what + " is " + (x == null ? "null" : "empty")
                    + "; expected a T x " + d + " sequence with T >= 1");
        }
        for (int t = 0; t < x.length; t++) {
            if (x[t] == null || x[t].length != d) {
                throw new IllegalArgumentException(what + " has a row " + t + " of length "
                        + (x[t] == null ? "null" : String.valueOf(x[t].length)) + " but expected a T x " + d
                        + " sequence (T = " + x.length + ")");
            }
        }
        return x.length;
    }

    /** Requires {@code g} to have the shape {@code rows x d} of the forward's output. */
    static void requireGradient(String what, double[][] g, int rows, int d) {
        if (g == null || g.length != rows) {
            throw new IllegalArgumentException(what + " has " + (g == null ? "no" : String.valueOf(g.length))
                    + " rows but the forward's output had " + rows + " (a " + rows + " x " + d + " sequence)");
        }
        require(what, g, d);
    }

    /** {@code a + b}, entry by entry, in a new array. */
    static double[][] add(double[][] a, double[][] b) {
        double[][] c = new double[a.length][];
        for (int t = 0; t < a.length; t++) {
            c[t] = a[t].clone();
            for (int i = 0; i < c[t].length; i++) {
                c[t][i] += b[t][i];
            }
        }
        return c;
    }

    /** A deep copy. */
    static double[][] copy(double[][] x) {
        double[][] y = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            y[t] = x[t].clone();
        }
        return y;
    }
}
