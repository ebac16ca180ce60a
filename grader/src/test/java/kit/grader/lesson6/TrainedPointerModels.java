package kit.grader.lesson6;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import kit.core.Layer;
import kit.core.Network;
import kit.grader.check.Once;
import kit.grader.check.Seeds;
import kit.lesson2.SoftmaxCrossEntropy;
import kit.lesson6.PointerModels;
import kit.lesson6.Recipe;
import kit.lesson6.Transformer;

/**
 * The trained models of the depth experiment, trained once per grading run (per JVM) on the first
 * use and shared by Lesson 6's and Lesson 7's tests. A training that fails (a stub, a bug) fails
 * every test that asks for the model, with the same exception, without training again.
 *
 * <p>Two at a time: when a test first asks for the 2-layer transformer, the 1-layer transformer and
 * then the MLP start training on a thread of their own ({@code grader-trains-in-background}) while
 * the 2-layer one trains on the test's thread, so on two cores Lesson 6 and Lesson 7 wait for the
 * longest training only (on one processor, as on Gradescope's half CPU, they train one after
 * another). The models share nothing but the task's inputs, which only the given embeddings read,
 * and each training draws from its own seeded {@link Random}: each model is the same, bit for bit,
 * as trained alone. A test that asks for a model still training waits for it, within its own time
 * limit; a training that never ends is blamed like any other (the grader samples every thread).
 *
 * <p>Kept for the next run: each model is saved ({@link SavedModels}), and a run whose library
 * (but Lessons 7 and 8), grader and seed are the same as the one that trained it loads it instead of
 * training again. Lesson 7's loop, where only Lesson 7's code changes, then never waits for a training.
 *
 * <p>Budgets: the 2-layer transformer trains on {@link Seeds#seed}(0), 1, 2 in turn until one run
 * solves the task, and keeps the best ("at least 1 of 3 seeds": the reference solves it on 54 of 60
 * single runs, and on every one of 41 grading seeds within two; the next seed trains only when one
 * does not); the 1-layer transformer and the MLP
 * train on {@link Seeds#seed}(0).
 */
public final class TrainedPointerModels {
    /** Accuracy on all 2048 inputs that counts as solving the task. */
    public static final double SOLVED = 0.99;
    /** The most seeds the 2-layer transformer gets to solve the task. */
    public static final int TWO_LAYER_SEEDS = 3;

    private static final Once<Trained<Transformer>> TWO_LAYER = new Once<>(() -> savedOrTrained("2-layer-transformer",
            rng -> PointerModels.transformer(2, rng), TrainedPointerModels::trainTwoLayer));
    private static final Once<Trained<Transformer>> ONE_LAYER = new Once<>(() -> savedOrTrained("1-layer-transformer",
            rng -> PointerModels.transformer(1, rng),
            () -> train(0, rng -> PointerModels.transformer(1, rng), PointerModels.TRANSFORMER)));
    private static final Once<Trained<Layer<double[][], double[]>>> MLP = new Once<>(() -> savedOrTrained("mlp",
            PointerModels::mlp, () -> train(0, PointerModels::mlp, PointerModels.MLP)));

    private static final AtomicBoolean BACKGROUND_STARTED = new AtomicBoolean();

    private TrainedPointerModels() {
    }

    /**
     * The 2-layer transformer: the first of seeds 0, 1, 2 that solves the task, or else the best of
     * them. Starts the other two models' training in the background ({@link Once#inBackground}) if
     * nothing has started it.
     */
    public static Trained<Transformer> twoLayer() {
        if (BACKGROUND_STARTED.compareAndSet(false, true)) {
            Once.inBackground(ONE_LAYER, MLP);
        }
        return TWO_LAYER.get();
    }

    /** The 1-layer transformer, trained on seed 0 by the same recipe. */
    public static Trained<Transformer> oneLayer() {
        return ONE_LAYER.get();
    }

    /** The MLP baseline, trained on seed 0. */
    public static Trained<Layer<double[][], double[]>> mlp() {
        return MLP.get();
    }

    /**
     * The model an earlier run saved under {@code name} ({@link SavedModels}: only if it trained from
     * the same code and seed), else {@code training}'s, saved for the next run.
     */
    private static <M extends Layer<double[][], double[]>> Trained<M> savedOrTrained(String name,
            Function<Random, M> build, Supplier<Trained<M>> training) {
        Optional<Path> folder = SavedModels.folder();
        Optional<Trained<M>> saved = folder.flatMap(f -> SavedModels.load(f, name, build.apply(new Random(Seeds.seed(0)))));
        if (saved.isPresent()) {
            return saved.get();
        }
        Trained<M> trained = training.get();
        folder.ifPresent(f -> SavedModels.save(f, name, trained));
        return trained;
    }

    private static Trained<Transformer> trainTwoLayer() {
        Trained<Transformer> best = null;
        for (int k = 0; k < TWO_LAYER_SEEDS && (best == null || best.accuracy() < SOLVED); k++) {
            Trained<Transformer> next = train(k, rng -> PointerModels.transformer(2, rng), PointerModels.TRANSFORMER);
            if (best != null) {
                System.out.printf("2-layer transformer: seed %d reached %.4f, so seed %d trained too: %.4f%n",
                        best.seed(), best.accuracy(), next.seed(), next.accuracy());
            }
            best = best == null || next.accuracy() > best.accuracy() ? next : best;
        }
        return best;
    }

    private static <M extends Layer<double[][], double[]>> Trained<M> train(int k, Function<Random, M> build,
                                                                             Recipe recipe) {
        long seed = Seeds.seed(k);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        Random rng = new Random(seed);
        M model = build.apply(rng);
        PointerModels.Trained trained = PointerModels.train(model, recipe, rng);
        double accuracy = trained.accuracy();
        return new Trained<>(model, trained.network(), trained.losses(), trained.curve(), accuracy, seed,
                (threads.getCurrentThreadCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9, false);
    }

    /** One trained model: the model object itself (for looking inside), its network and its measurements. */
    public static final class Trained<M extends Layer<double[][], double[]>> {
        private final M model;
        private final Network<double[][]> network;
        private final double[] losses;  // epochs
        private final double[] curve;   // steps / CURVE_STEPS
        private final double accuracy;
        private final long seed;
        private final double cpuSeconds;
        private final double wallSeconds;
        private final boolean saved;

        private Trained(M model, Network<double[][]> network, double[] losses, double[] curve, double accuracy,
                        long seed, double cpuSeconds, double wallSeconds, boolean saved) {
            this.model = model;
            this.network = network;
            this.losses = losses;
            this.curve = curve;
            this.accuracy = accuracy;
            this.seed = seed;
            this.cpuSeconds = cpuSeconds;
            this.wallSeconds = wallSeconds;
            this.saved = saved;
        }

        /** A model an earlier run trained and {@link SavedModels} loaded into {@code model}. */
        static <M extends Layer<double[][], double[]>> Trained<M> loaded(M model, double[] losses, double[] curve,
                                                                         double accuracy, long seed, double cpuSeconds) {
            return new Trained<>(model, new Network<>(model, new SoftmaxCrossEntropy()), losses, curve, accuracy, seed,
                    cpuSeconds, 0, true);
        }

        public M model() {
            return model;
        }

        public Network<double[][]> network() {
            return network;
        }

        /** Accuracy on all 2048 inputs. */
        public double accuracy() {
            return accuracy;
        }

        /** The mean training loss of each epoch, a new array. */
        public double[] losses() {
            return losses.clone();
        }

        /** The mean training loss of every {@link PointerModels#CURVE_STEPS} optimiser steps, a new array. */
        public double[] curve() {
            return curve.clone();
        }

        public long seed() {
            return seed;
        }

        public int parameterCount() {
            return network.parameterCount();
        }

        /** The training's time on its thread's CPU. */
        double cpuSeconds() {
            return cpuSeconds;
        }

        /** Training and measuring time on its thread's CPU and on the wall clock, or that it was loaded. */
        public String time() {
            return saved
                    ? String.format(java.util.Locale.ROOT, "saved by an earlier run of this same code, where it took %.2f s "
                            + "CPU; loaded", cpuSeconds)
                    : String.format(java.util.Locale.ROOT, "%.2f s CPU, %.2f s wall", cpuSeconds, wallSeconds);
        }
    }
}
