package kit.grader.lesson6;

import kit.grader.check.Backpropagation;
import kit.grader.check.NestedArrays;
import kit.grader.check.Seeds;
import kit.lesson6.Attention;
import kit.lesson6.LayerNorm;

/**
 * Lesson 6's backwards must be backpropagation ({@link Backpropagation}): every gradient test of a
 * method runs its guard first. A numeric {@code Attention.backward} on T = 64 rows of width 16
 * recomputes the weights and the mix twice for each of the {@code 3 T d = 3072} entries of q, k and v;
 * a numeric {@code LayerNorm.backward} of width 2048 normalises {@code 2 (3 x 2048)} times.
 * ({@code Block.backward} needs no guard of its own: it is given only its branches' passes, so it
 * has no forward to call.)
 */
final class Backprops {
    static final Backpropagation ATTENTION = Backpropagation.ofLayer("Attention.backward",
            "causal Attention(d = 16) on 64 rows", Seeds.seed(961), rng -> {
                Attention attention = new Attention(16, true, rng);
                AttentionTest.randomBiases(attention, rng);
                return attention;
            }, rng -> NestedArrays.uniform(64, 16, rng));
    static final Backpropagation LAYER_NORM = Backpropagation.ofLayer("LayerNorm.backward", "LayerNorm(2048)",
            Seeds.seed(962), rng -> {
                LayerNorm norm = new LayerNorm(2048);
                NestedArrays.fillUniform(norm.beta(), 1.0, rng);
                double[] gamma = norm.gamma();
                for (int i = 0; i < gamma.length; i++) {
                    gamma[i] = 1 + 0.5 * (2 * rng.nextDouble() - 1);
                }
                return norm;
            }, rng -> NestedArrays.uniform(2048, rng));

    private Backprops() {
    }
}
