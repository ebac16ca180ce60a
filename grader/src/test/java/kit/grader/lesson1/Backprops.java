package kit.grader.lesson1;

import java.util.Random;

import kit.grader.check.Backpropagation;
import kit.grader.check.NestedArrays;
import kit.grader.check.Seeds;
import kit.lesson1.Linear;
import kit.lesson1.ReLU;
import kit.lesson1.SigmoidBCE;
import kit.lesson1.Tanh;

/**
 * Lesson 1's backwards must be backpropagation ({@link Backpropagation}): every gradient test of a
 * method runs its guard first. The problems are large enough that a numeric backward costs thousands
 * of forwards: {@code 2 (128 + 128^2 + 128)} for Linear, {@code 2 x 4096} for the others.
 */
public final class Backprops {
    public static final Backpropagation LINEAR = Backpropagation.ofLayer("Linear.backward", "Linear(128 -> 128)",
            Seeds.seed(901), rng -> {
                Linear layer = new Linear(128, 128, rng);
                NestedArrays.fillUniform(layer.bias(), 1.0, rng);
                return layer;
            }, rng -> NestedArrays.uniform(128, rng));
    public static final Backpropagation TANH = Backpropagation.ofLayer("Tanh.backward", "Tanh on 4096 entries",
            Seeds.seed(902), rng -> new Tanh<double[]>(), rng -> scaled(NestedArrays.uniform(4096, rng), 2));
    public static final Backpropagation RELU = Backpropagation.ofLayer("ReLU.backward", "ReLU on 4096 entries",
            Seeds.seed(903), rng -> new ReLU<double[]>(), Backprops::awayFromZero);
    public static final Backpropagation SIGMOID_BCE = Backpropagation.ofLoss("SigmoidBCE.gradient",
            "4096 logits", Seeds.seed(904), rng -> new SigmoidBCE(), rng -> scaled(NestedArrays.uniform(4096, rng), 4),
            rng -> bits(4096, rng));

    private Backprops() {
    }

    static double[] scaled(double[] v, double scale) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    /** Entries at least 0.1 away from ReLU's kink, so no central difference straddles it. */
    static double[] awayFromZero(Random rng) {
        double[] v = NestedArrays.uniform(4096, rng);
        for (int i = 0; i < v.length; i++) {
            v[i] += v[i] < 0 ? -0.1 : 0.1;
        }
        return v;
    }

    /** {@code n} targets, each 0 or 1. */
    public static double[] bits(int n, Random rng) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextBoolean() ? 1 : 0;
        }
        return y;
    }
}
