package kit.grader.lesson6;

import java.util.Random;

/** Small sequences for the lesson's tests. */
final class Sequences {
    private Sequences() {
    }

    /** A {@code T x d} array of N(0, scale^2) entries. */
    static double[][] gaussian(int rows, int d, double scale, Random rng) {
        double[][] x = new double[rows][d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                row[i] = scale * rng.nextGaussian();
            }
        }
        return x;
    }

    /** Rows of {@code x} in the order {@code order}: {@code y[t] = x[order[t]]}, copied. */
    static double[][] permute(double[][] x, int[] order) {
        double[][] y = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            y[t] = x[order[t]].clone();
        }
        return y;
    }

    /** The largest absolute difference between two arrays of one shape. */
    static double maxDifference(double[][] a, double[][] b) {
        double worst = 0;
        for (int t = 0; t < a.length; t++) {
            for (int i = 0; i < a[t].length; i++) {
                worst = Math.max(worst, Math.abs(a[t][i] - b[t][i]));
            }
        }
        return worst;
    }
}
