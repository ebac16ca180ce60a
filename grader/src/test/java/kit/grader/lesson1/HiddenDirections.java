package kit.grader.lesson1;

/**
 * Where to look at points in a hidden layer of more than two units: the part of each {@code h}
 * that the output weights {@code w} do not see ({@code h} minus its component along {@code w}),
 * centred, and read along its direction of largest spread (the first principal component, by power
 * iteration on the small Gram matrix of the points).
 */
final class HiddenDirections {
    private HiddenDirections() {
    }

    /** Each point's coordinate along the largest direction of {@code h} across {@code w}; {@code h} is n x d. */
    static double[] across(double[][] h, double[] w) {
        int n = h.length;
        int d = w.length;
        double norm = Math.sqrt(dot(w, w));
        double[][] r = new double[n][d];
        double[] mean = new double[d];
        for (int p = 0; p < n; p++) {
            double along = norm > 0 ? dot(h[p], w) / (norm * norm) : 0;
            for (int i = 0; i < d; i++) {
                r[p][i] = h[p][i] - along * w[i];
                mean[i] += r[p][i] / n;
            }
        }
        for (double[] row : r) {
            for (int i = 0; i < d; i++) {
                row[i] -= mean[i];
            }
        }
        double[][] gram = new double[n][n];   // n x n, r r^T
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                gram[p][q] = dot(r[p], r[q]);
            }
        }
        double[] a = new double[n];
        for (int p = 0; p < n; p++) {
            a[p] = 1 + p;   // a fixed start: the result must not depend on a random draw
        }
        for (int step = 0; step < 200; step++) {
            double[] next = new double[n];
            for (int p = 0; p < n; p++) {
                for (int q = 0; q < n; q++) {
                    next[p] += gram[p][q] * a[q];
                }
            }
            double length = Math.sqrt(dot(next, next));
            if (!(length > 1e-12)) {
                return new double[n];   // no spread left: every point at 0
            }
            for (int p = 0; p < n; p++) {
                a[p] = next[p] / length;
            }
        }
        double[] direction = new double[d];   // sum_p a_p r_p, then unit length
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < d; i++) {
                direction[i] += a[p] * r[p][i];
            }
        }
        double length = Math.sqrt(dot(direction, direction));
        double[] coordinate = new double[n];
        for (int p = 0; p < n; p++) {
            coordinate[p] = length > 0 ? dot(r[p], direction) / length : 0;
        }
        return coordinate;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
