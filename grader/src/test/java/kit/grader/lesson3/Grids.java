package kit.grader.lesson3;

import java.util.Arrays;
import java.util.Random;

/** Small fixtures for the lesson's tests: grids written as text blocks, random images, shifts. */
final class Grids {
    private Grids() {
    }

    /** A matrix from rows of whitespace-separated numbers. */
    static double[][] matrix(String rows) {
        return rows.strip().lines()
                .map(line -> Arrays.stream(line.strip().split("\\s+")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    /** An image whose channels are given as text blocks. */
    static double[][][] image(String... channels) {
        return Arrays.stream(channels).map(Grids::matrix).toArray(double[][][]::new);
    }

    /** A {@code c x h x w} image with entries uniform in [-1, 1]. */
    static double[][][] random(int c, int h, int w, Random rng) {
        double[][][] x = new double[c][h][w];
        for (double[][] channel : x) {
            for (double[] row : channel) {
                for (int j = 0; j < w; j++) {
                    row[j] = 2 * rng.nextDouble() - 1;
                }
            }
        }
        return x;
    }

    /** The image moved down by {@code dy} and right by {@code dx} (negative: up, left); zeros flow in. */
    static double[][][] shift(double[][][] x, int dy, int dx) {
        int h = x[0].length;
        int w = x[0][0].length;
        double[][][] y = new double[x.length][h][w];
        for (int c = 0; c < x.length; c++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    int si = i - dy;
                    int sj = j - dx;
                    if (si >= 0 && si < h && sj >= 0 && sj < w) {
                        y[c][i][j] = x[c][si][sj];
                    }
                }
            }
        }
        return y;
    }

    /** {@code pattern} (c x ph x pw) pasted into a {@code c x h x w} canvas of zeros at (row, col). */
    static double[][][] place(double[][][] pattern, int h, int w, int row, int col) {
        double[][][] canvas = new double[pattern.length][h][w];
        for (int c = 0; c < pattern.length; c++) {
            for (int i = 0; i < pattern[c].length; i++) {
                System.arraycopy(pattern[c][i], 0, canvas[c][row + i], col, pattern[c][i].length);
            }
        }
        return canvas;
    }
}
