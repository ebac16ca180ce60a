package kit.grader.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Layer;
import kit.core.Pass;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson1.Linear;
import kit.lesson3.Conv2D;

/**
 * A backward must be a backward: one backward pass costs about what its forward costs (two to
 * four times on the reference), while a backward that differentiates numerically (nudging every
 * input and weight and calling forward again) costs thousands of forwards. Measured as the ratio
 * of the thread's CPU time, median of several calls each, in one process; the bar (100) leaves a
 * wide margin on both sides, so a loaded machine cannot move the verdict.
 */
@DisplayName("Backward cost")
class BackwardCostTest {
    static final double BAR = 100;

    @Nested
    @Tag("lesson1")
    @DisplayName("Linear")
    class OfLinear {
        @Test
        @Points(1)
        @Hint("backward applies the chain rule once: dW += g x^T, db += g, dx = W^T g; it never calls forward")
        void backward_costs_about_what_forward_costs() {
            Random rng = new Random(Seeds.seed(901));
            Linear layer = new Linear(64, 64, rng);
            assertCheapBackward("Linear(64 -> 64)", layer, () -> vector(64, rng), () -> vector(64, rng));
        }
    }

    @Nested
    @Tag("lesson3")
    @DisplayName("Conv2D")
    class OfConv2D {
        @Test
        @Points(1)
        @Hint("backward correlates g with the input for dK and with the flipped kernel for dx; it never calls forward")
        void backward_costs_about_what_forward_costs() {
            Random rng = new Random(Seeds.seed(902));
            Conv2D layer = new Conv2D(3, 4, 3, rng);
            assertCheapBackward("Conv2D(3 -> 4, 3x3) on 3x12x12", layer, () -> maps(3, 12, rng), () -> maps(4, 10, rng));
        }
    }

    static <I, O> void assertCheapBackward(String name, Layer<I, O> layer, Supplier<I> input, Supplier<O> gradient) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        I x = input.get();
        O g = gradient.get();
        int rounds = 7;
        long[] forward = new long[rounds];
        long[] backward = new long[rounds];
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            layer.forward(x).backward(g);
        }
        int repeats = 50;
        for (int r = 0; r < rounds; r++) {
            Pass<I, O> pass = null;
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int k = 0; k < repeats; k++) {
                pass = layer.forward(x);
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            pass.backward(g);
            long t2 = cpu.getCurrentThreadCpuTime();
            forward[r] = Math.max(1, (t1 - t0) / repeats);
            backward[r] = t2 - t1;
        }
        double ratio = (double) median(backward) / median(forward);
        assertThat(ratio)
                .as("%s: one backward costs %s times its forward (bar: %s); a backward should cost about what its "
                        + "forward costs. Does it differentiate numerically, calling forward again for every entry?",
                        name, String.format(Locale.ROOT, "%.1f", ratio), BAR)
                .isLessThan(BAR);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double[] vector(int n, Random rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private static double[][][] maps(int channels, int size, Random rng) {
        double[][][] m = new double[channels][size][size];
        for (double[][] plane : m) {
            for (double[] row : plane) {
                for (int j = 0; j < size; j++) {
                    row[j] = rng.nextGaussian();
                }
            }
        }
        return m;
    }
}
