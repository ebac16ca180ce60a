package kit.grader.lesson3;

import kit.grader.check.Backpropagation;
import kit.grader.check.NestedArrays;
import kit.grader.check.Seeds;
import kit.lesson3.Conv2D;
import kit.lesson3.Flatten;
import kit.lesson3.GlobalAvgPool;

/**
 * Lesson 3's backwards must be backpropagation ({@link Backpropagation}): every gradient test of a
 * method runs its guard first. A numeric backward of Conv2D(1 -> 2, 3x3) on a 64 x 64 image costs
 * {@code 2 (4096 + 20)} forwards; of pooling and flattening 8 x 32 x 32 maps, {@code 2 x 8192}.
 */
final class Backprops {
    static final Backpropagation CONV2D = Backpropagation.ofLayer("Conv2D.backward",
            "Conv2D(1 -> 2, 3x3) on a 64 x 64 image", Seeds.seed(931), rng -> {
                Conv2D conv = new Conv2D(1, 2, 3, rng);
                NestedArrays.fillUniform(conv.bias(), 1.0, rng);
                return conv;
            }, rng -> NestedArrays.uniform(1, 64, 64, rng));
    static final Backpropagation GLOBAL_AVG_POOL = Backpropagation.ofLayer("GlobalAvgPool.backward",
            "8 x 32 x 32 maps", Seeds.seed(932), rng -> new GlobalAvgPool(), rng -> NestedArrays.uniform(8, 32, 32, rng));
    static final Backpropagation FLATTEN = Backpropagation.ofLayer("Flatten.unflatten", "8 x 32 x 32 maps",
            Seeds.seed(933), rng -> new Flatten(), rng -> NestedArrays.uniform(8, 32, 32, rng));

    private Backprops() {
    }
}
