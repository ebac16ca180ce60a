package kit.grader.check;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import kit.core.Layer;
import kit.core.Loss;
import kit.core.Parameter;
import kit.core.Pass;

/**
 * The guard every gradient test of a backward runs first: the backward must be backpropagation,
 * not numeric differentiation, memoised or not.
 *
 * <p>Backpropagation costs a small multiple of its forward: for every layer and loss of the kit the
 * reference's median is 0.5 to 12 forwards (20 seeds, in a JVM that has run nothing else; no single
 * call above 16). A numeric backward calls the forward twice for every input entry and every weight,
 * {@code 2 (n_x + n_theta)} forwards: on the guard's problems 4,000 to 40,000 (measured: about
 * 16,000 for Linear, 7,000 for SoftmaxCrossEntropy). So the bar, {@value #BAR} forwards for one
 * backward, sits well clear of both.
 *
 * <p>How: {@value #WARM_UP} warm-up rounds, then {@value #ROUNDS} measured ones; every round
 * builds a fresh problem (new random weights, input and dL/dy), so no memo can ever hit, and
 * measures the thread's CPU time of one forward and of one backward (CPU time of the calling thread:
 * other load on the machine does not count). The verdict is the median ratio. Any round whose ratio
 * passes {@value #HOPELESS} ends the guard at once, so a numeric backward costs one call.
 *
 * <p>Every round also checks that the backward is the gradient of the same forward on the large
 * problem, along one random direction of the input and one of all the parameters together:
 * {@code <dL/dx, u> = (L(x + h u) - L(x - h u)) / 2h}, two forwards each. So a backward that is
 * correct only on the small cases of the gradient tests, and cheap but wrong on large ones, fails too.
 *
 * <p>The verdict is kept per method for the test JVM: the first gradient test of a method pays for
 * it, the others read it. A method that is not started throws, as usual, from the guard.
 */
public final class Backpropagation {
    /** Largest accepted cost of one backward, in forwards (the reference, 20 seeds, cold JVM: medians 0.5 to 12). */
    public static final double BAR = 100;
    /** A ratio no honest backward reaches, even one still interpreted beside a compiled forward. */
    static final double HOPELESS = 10 * BAR;
    static final int WARM_UP = 10;
    static final int ROUNDS = 9;
    private static final double STEP = 1e-5;
    private static final double TOLERANCE = 1e-6;   // relative
    private static final Map<String, String> VERDICTS = new ConcurrentHashMap<>();   // method -> failure, or ""

    private final String method;
    private final String problem;
    private final long seed;
    private final Function<Random, Trial> fresh;

    /** One fresh problem: a forward to time, and from its result a backward to time and to check. */
    @FunctionalInterface
    interface Trial {
        /** Runs the forward; returns the way to run and then check the backward. */
        Backward forward();
    }

    /** The backward of one trial: prepared (dL/dy drawn), run, then checked along random directions. */
    interface Backward {
        default void prepare(Random rng) {
        }

        void run();

        /** The first problem with the gradient the backward returned, or null. */
        String check(Random rng);
    }

    private Backpropagation(String method, String problem, long seed, Function<Random, Trial> fresh) {
        this.method = method;
        this.problem = problem;
        this.seed = seed;
        this.fresh = fresh;
    }

    /**
     * The guard of {@code method} (e.g. "Linear.backward"), run through the layer: a fresh layer and
     * input from {@code layer} and {@code input} for every round; dL/dy is drawn uniform in [-1, 1].
     */
    public static <I, O> Backpropagation ofLayer(String method, String problem, long seed,
                                                 Function<Random, Layer<I, O>> layer, Function<Random, I> input) {
        return new Backpropagation(method, problem, seed, rng -> {
            Layer<I, O> l = layer.apply(rng);
            I x = input.apply(rng);
            for (Parameter p : l.parameters()) {
                p.zeroGrad();
            }
            return () -> new LayerBackward<>(l, x, l.forward(x));
        });
    }

    /** The guard of a loss's {@code gradient}, timed against its {@code value}. */
    public static Backpropagation ofLoss(String method, String problem, long seed, Function<Random, Loss> loss,
                                         Function<Random, double[]> logits, Function<Random, double[]> target) {
        return new Backpropagation(method, problem, seed, rng -> {
            Loss l = loss.apply(rng);
            double[] z = logits.apply(rng);
            double[] y = target.apply(rng);
            return () -> {
                l.value(z, y);
                return new LossBackward(l, z, y);
            };
        });
    }

    /** Throws an AssertionError saying why if the method's backward is not backpropagation. */
    public void require() {
        String verdict = VERDICTS.get(method);
        if (verdict == null) {
            verdict = measure();
            VERDICTS.put(method, verdict);
        }
        if (!verdict.isEmpty()) {
            throw new AssertionError(verdict);
        }
    }

    private String measure() {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Random rng = new Random(seed);
        double[] ratios = new double[ROUNDS];
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            Trial trial = fresh.apply(rng);
            long t0 = cpu.getCurrentThreadCpuTime();
            Backward backward = trial.forward();
            long t1 = cpu.getCurrentThreadCpuTime();
            backward.prepare(rng);
            long t2 = cpu.getCurrentThreadCpuTime();
            backward.run();
            long t3 = cpu.getCurrentThreadCpuTime();
            double ratio = (double) (t3 - t2) / Math.max(t1 - t0, 1_000);
            if (ratio > HOPELESS) {
                return costly(ratio, "one call");
            }
            String wrong = backward.check(rng);
            if (wrong != null) {
                return String.format(Locale.ROOT, "%s is not backpropagation: on %s (fresh random weights and input) "
                        + "it does not return the gradient of the forward: %s. A backward computes the same "
                        + "gradient at every size and on every call.", method, problem, wrong);
            }
            if (round >= WARM_UP) {
                ratios[round - WARM_UP] = ratio;
            }
        }
        Arrays.sort(ratios);
        double median = ratios[ROUNDS / 2];
        System.out.printf(Locale.ROOT, "backpropagation guard: %s on %s costs %.2f forwards (median of %d calls, "
                + "range %.2f to %.2f; bar %.0f)%n", method, problem, median, ROUNDS, ratios[0], ratios[ROUNDS - 1], BAR);
        return median > BAR ? costly(median, "the median of " + ROUNDS + " calls") : "";
    }

    private String costly(double ratio, String measured) {
        return String.format(Locale.ROOT, "%s is not backpropagation: on %s, with fresh random weights and input "
                + "for every call, one backward costs %.0f forwards (%s; CPU time; bar %.0f). Backpropagation costs "
                + "a few forwards; numeric differentiation, memoised or not, costs two forwards per input entry and "
                + "weight. Apply the chain rule to the cached values: never call the forward again inside backward.",
                method, problem, ratio, measured, BAR);
    }

    /** {@code L = <g, f(x)>} along a random direction of the input, then of all the parameters. */
    private static final class LayerBackward<I, O> implements Backward {
        private final Layer<I, O> layer;
        private final I x;
        private final Pass<I, O> pass;
        private O g;
        private I dx;

        LayerBackward(Layer<I, O> layer, I x, Pass<I, O> pass) {
            this.layer = layer;
            this.x = x;
            this.pass = pass;
        }

        @Override
        public void prepare(Random rng) {
            g = NestedArrays.copy(pass.output());
            NestedArrays.fillUniform(g, 1.0, rng);
        }

        @Override
        public void run() {
            dx = pass.backward(g);
        }

        @Override
        public String check(Random rng) {
            if (dx == null || !NestedArrays.shape(dx).equals(NestedArrays.shape(x))) {
                return "dL/dx has shape " + (dx == null ? "null" : NestedArrays.shape(dx)) + " but the input has shape "
                        + NestedArrays.shape(x);
            }
            I u = NestedArrays.copy(x);
            NestedArrays.fillUniform(u, 1.0, rng);
            String wrongInput = compare("dL/dx", GradientCheck.dot(dx, u),
                    loss(shifted(x, u, STEP)), loss(shifted(x, u, -STEP)));
            if (wrongInput != null || layer.parameters().isEmpty()) {
                return wrongInput;
            }
            List<Parameter> parameters = layer.parameters();
            double along = 0;
            double[][][] v = new double[parameters.size()][][];
            for (int k = 0; k < parameters.size(); k++) {
                Parameter p = parameters.get(k);
                v[k] = new double[p.rows()][];
                for (int r = 0; r < p.rows(); r++) {
                    v[k][r] = new double[p.value(r).length];
                    NestedArrays.fillUniform(v[k][r], 1.0, rng);
                    for (int c = 0; c < v[k][r].length; c++) {
                        along += p.grad(r)[c] * v[k][r][c];
                    }
                }
            }
            move(parameters, v, STEP);
            double plus = loss(x);
            move(parameters, v, -2 * STEP);
            double minus = loss(x);
            move(parameters, v, STEP);
            return compare("the parameters' gradients", along, plus, minus);
        }

        private double loss(I input) {
            return GradientCheck.dot(layer.forward(NestedArrays.copy(input)).output(), g);
        }

        private static void move(List<Parameter> parameters, double[][][] v, double step) {
            for (int k = 0; k < parameters.size(); k++) {
                for (int r = 0; r < v[k].length; r++) {
                    double[] row = parameters.get(k).value(r);
                    for (int c = 0; c < row.length; c++) {
                        row[c] += step * v[k][r][c];
                    }
                }
            }
        }
    }

    /** The loss along a random direction of the logits. */
    private static final class LossBackward implements Backward {
        private final Loss loss;
        private final double[] z;
        private final double[] y;
        private double[] gradient;

        LossBackward(Loss loss, double[] z, double[] y) {
            this.loss = loss;
            this.z = z;
            this.y = y;
        }

        @Override
        public void run() {
            gradient = loss.gradient(z, y);
        }

        @Override
        public String check(Random rng) {
            if (gradient == null || gradient.length != z.length) {
                return "dL/dz has length " + (gradient == null ? "null" : gradient.length) + " but the logits have length "
                        + z.length;
            }
            double[] u = new double[z.length];
            NestedArrays.fillUniform(u, 1.0, rng);
            return compare("dL/dz", GradientCheck.dot(gradient, u), loss.value(shifted(z, u, STEP), y.clone()),
                    loss.value(shifted(z, u, -STEP), y.clone()));
        }
    }

    private static <T> T shifted(T x, T u, double step) {
        T moved = NestedArrays.copy(x);
        List<double[]> rows = NestedArrays.rows(moved);
        List<double[]> directions = NestedArrays.rows(u);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).length; c++) {
                rows.get(r)[c] += step * directions.get(r)[c];
            }
        }
        return moved;
    }

    private static String compare(String what, double analytic, double plus, double minus) {
        double numeric = (plus - minus) / (2 * STEP);
        // truncation O(STEP^2) is far below the tolerance; rounding of the two sums is about 1e-16 |L| per term
        double allowed = TOLERANCE * Math.max(1, Math.abs(analytic) + Math.abs(numeric))
                + 1e-12 * (Math.abs(plus) + Math.abs(minus)) / STEP;
        return Math.abs(analytic - numeric) <= allowed ? null : String.format(Locale.ROOT, "%s along a random direction is %.6g but "
                + "the forward's central difference is %.6g", what, analytic, numeric);
    }
}
