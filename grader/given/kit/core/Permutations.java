package kit.core;

import java.util.random.RandomGenerator;

/** Uniformly random orders, drawn only from the generator passed in. */
public final class Permutations {
    private Permutations() {
    }

    /** {@code 0, 1, ..., n-1} in a uniformly random order. */
    public static int[] random(int n, RandomGenerator rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, rng);
        return order;
    }

    /** Shuffles {@code order} in place (Fisher-Yates): every permutation equally likely. */
    public static void shuffle(int[] order, RandomGenerator rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
}
