package kit.grader.lesson4;

import kit.grader.check.Backpropagation;
import kit.grader.check.NestedArrays;
import kit.grader.check.Seeds;
import kit.lesson4.Embedding;
import kit.lesson4.WindowConcat;

/**
 * Lesson 4's backwards must be backpropagation ({@link Backpropagation}): every gradient test of a
 * method runs its guard first. The embedding's guard reads dense rows (the layer accepts any real
 * rows), so its forward is the full product {@code x E}: a numeric backward costs
 * {@code 2 (T V + V d) = 12288} forwards for T = 4, V = 512, d = 8; the concatenation of 16 slots of
 * 1024 numbers, {@code 2 x 16384}.
 */
final class Backprops {
    static final Backpropagation EMBEDDING = Backpropagation.ofLayer("Embedding.backward",
            "Embedding(V = 512, d = 8) on 4 dense rows", Seeds.seed(941), rng -> new Embedding(512, 8, rng),
            rng -> NestedArrays.uniform(4, 512, rng));
    static final Backpropagation WINDOW_CONCAT = Backpropagation.ofLayer("WindowConcat.split",
            "WindowConcat(16 slots x 1024)", Seeds.seed(942), rng -> new WindowConcat(16, 1024),
            rng -> NestedArrays.uniform(16, 1024, rng));

    private Backprops() {
    }
}
