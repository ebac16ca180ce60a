package kit.lesson6;

/** Small helpers for sequences, {@code T x d} arrays (time x features). */
final class Sequences {
    private Sequences() {
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
}
