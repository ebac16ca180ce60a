package kit.grader.lesson5;

import java.util.List;
import java.util.Random;

import kit.core.Layer;
import kit.core.Parameter;
import kit.core.Pass;
import kit.lesson5.RNNCell;

/** Fixtures for Lesson 5's tests: cells with random weights, the cell's step seen as a layer, and linear algebra. */
final class Cells {
    private Cells() {
    }

    /** A cell with the given init and a random bias (the init's bias is 0, which would hide a missing b). */
    static RNNCell randomCell(int in, int hidden, Random rng) {
        RNNCell cell = new RNNCell(in, hidden, rng);
        for (int o = 0; o < hidden; o++) {
            cell.bias()[o] = 0.5 * rng.nextGaussian();
        }
        return cell;
    }

    static double[] uniform(int n, Random rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * rng.nextDouble() - 1;
        }
        return v;
    }

    static double[][] uniform(int rows, int cols, Random rng) {
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = uniform(cols, rng);
        }
        return m;
    }

    /** {@code steps} one-hot rows of width {@code width}, each hot index drawn uniformly. */
    static double[][] oneHots(int steps, int width, Random rng) {
        double[][] x = new double[steps][width];
        for (double[] row : x) {
            row[rng.nextInt(width)] = 1;
        }
        return x;
    }

    /** A unit vector in a uniformly random direction. */
    static double[] unitVector(int n, Random rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        double norm = norm(v);
        for (int i = 0; i < n; i++) {
            v[i] /= norm;
        }
        return v;
    }

    static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    /** One step of the cell as a layer of its input {@code x_t}, the previous state held fixed. */
    static Layer<double[], double[]> stepOfInput(RNNCell cell, double[] hPrev) {
        return new Layer<>() {
            @Override
            public Pass<double[], double[]> forward(double[] x) {
                double[] input = x.clone();
                double[] h = cell.step(input, hPrev.clone());
                double[] kept = h.clone();
                return Pass.of(h, g -> cell.backward(input, hPrev.clone(), kept, g).dx());
            }

            @Override
            public List<Parameter> parameters() {
                return cell.parameters();
            }
        };
    }

    /** One step of the cell as a layer of the previous state {@code h_{t-1}}, the input held fixed. */
    static Layer<double[], double[]> stepOfState(RNNCell cell, double[] x) {
        return new Layer<>() {
            @Override
            public Pass<double[], double[]> forward(double[] hPrev) {
                double[] state = hPrev.clone();
                double[] h = cell.step(x.clone(), state);
                double[] kept = h.clone();
                return Pass.of(h, g -> cell.backward(x.clone(), state, kept, g).dhPrev());
            }

            @Override
            public List<Parameter> parameters() {
                return cell.parameters();
            }
        };
    }

    /**
     * {@code model} as a layer of one row {@code x_t} of its input sequence, every other row held at
     * {@code xs}: its input gradient is dL/dx_t alone.
     */
    static <O> Layer<double[], O> ofRow(Layer<double[][], O> model, double[][] xs, int t) {
        return new Layer<>() {
            @Override
            public Pass<double[], O> forward(double[] row) {
                double[][] seq = new double[xs.length][];
                for (int s = 0; s < xs.length; s++) {
                    seq[s] = s == t ? row.clone() : xs[s].clone();
                }
                Pass<double[][], O> pass = model.forward(seq);
                return Pass.of(pass.output(), g -> pass.backward(g)[t].clone());
            }

            @Override
            public List<Parameter> parameters() {
                return model.parameters();
            }
        };
    }

    /**
     * The spectral norm {@code ||W||_2}, the largest singular value: the square root of the largest
     * eigenvalue of {@code W^T W}, found by cyclic Jacobi rotations (exact to rounding, whatever the gap
     * between the two largest singular values).
     */
    static double spectralNorm(double[][] w) {
        int n = w[0].length;
        double[][] a = new double[n][n];
        for (double[] row : w) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += row[i] * row[j];
                }
            }
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double largest = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, a[i][i]);
        }
        return Math.sqrt(largest);
    }

    /** {@code exp} of the least-squares slope of {@code log y[k]} against {@code k}: the per-step ratio. */
    static double fittedRatio(double[] y) {
        return Math.exp(fit(y)[0]);
    }

    /** The squared correlation of {@code log y[k]} with {@code k}: 1 for an exact geometric sequence. */
    static double linearity(double[] y) {
        return fit(y)[1];
    }

    private static double[] fit(double[] y) {
        int n = y.length;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int k = 0; k < n; k++) {
            double ly = Math.log(y[k]);
            sx += k;
            sy += ly;
            sxx += (double) k * k;
            sxy += k * ly;
            syy += ly * ly;
        }
        double cov = n * sxy - sx * sy;
        double varX = n * sxx - sx * sx;
        double varY = n * syy - sy * sy;
        return new double[] {cov / varX, cov * cov / (varX * varY)};
    }
}
