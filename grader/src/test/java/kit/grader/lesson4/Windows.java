package kit.grader.lesson4;

import java.util.Random;

import kit.lesson4.Embedding;

/** Small fixtures for the lesson's tests: windows of one-hot rows, hand-set and random tables. */
final class Windows {
    private Windows() {
    }

    /** One one-hot row of length {@code vocabulary} per id, in order; a new array each call. */
    static double[][] oneHot(int vocabulary, int... ids) {
        double[][] x = new double[ids.length][vocabulary];
        for (int t = 0; t < ids.length; t++) {
            x[t][ids[t]] = 1;
        }
        return x;
    }

    /** An embedding of {@code vocabulary} tokens in {@code dim} numbers with a table drawn from {@code seed}. */
    static Embedding randomEmbedding(int vocabulary, int dim, long seed) {
        return new Embedding(vocabulary, dim, new Random(seed));
    }

    /** A {@code rows x cols} array with entries uniform in [-1, 1]. */
    static double[][] random(int rows, int cols, Random rng) {
        double[][] x = new double[rows][cols];
        for (double[] row : x) {
            for (int j = 0; j < cols; j++) {
                row[j] = 2 * rng.nextDouble() - 1;
            }
        }
        return x;
    }
}
