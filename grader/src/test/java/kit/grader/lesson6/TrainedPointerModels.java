package kit.grader.lesson6;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import kit.core.Layer;
import kit.grader.check.Seeds;
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
 * longest training only. The models share nothing but the task's inputs, which only the given
 * embeddings read, and each training draws from its own seeded {@link Random}: each model is the
 * same, bit for bit, as trained alone. A test that asks for a model still training waits for it,
 * within its own time limit; a training that never ends is blamed like any other (the grader
 * samples every thread).
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

    private static final Once<Trained<Transformer>> TWO_LAYER = new Once<>(TrainedPointerModels::trainTwoLayer);
    private static final Once<Trained<Transformer>> ONE_LAYER = new Once<>(
            () -> train(0, rng -> PointerModels.transformer(1, rng), PointerModels.TRANSFORMER));
    private static final Once<Trained<Layer<double[][], double[]>>> MLP = new Once<>(
            () -> train(0, PointerModels::mlp, PointerModels.MLP));

    private static final AtomicBoolean BACKGROUND_STARTED = new AtomicBoolean();

    private TrainedPointerModels() {
    }

    /**
     * The 2-layer transformer: the first of seeds 0, 1, 2 that solves the task, or else the best of
     * them. Starts the other two models' training in the background if nothing has started it.
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
        return new Trained<>(model, trained, accuracy, seed, (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
                (System.nanoTime() - wall) / 1e9);
    }

    /** One trained model: the model object itself (for looking inside), its network and its measurements. */
    public static final class Trained<M extends Layer<double[][], double[]>> {
        private final M model;
        private final PointerModels.Trained trained;
        private final double accuracy;
        private final long seed;
        private final double cpuSeconds;
        private final double wallSeconds;

        Trained(M model, PointerModels.Trained trained, double accuracy, long seed, double cpuSeconds,
                double wallSeconds) {
            this.model = model;
            this.trained = trained;
            this.accuracy = accuracy;
            this.seed = seed;
            this.cpuSeconds = cpuSeconds;
            this.wallSeconds = wallSeconds;
        }

        public M model() {
            return model;
        }

        public kit.core.Network<double[][]> network() {
            return trained.network();
        }

        /** Accuracy on all 2048 inputs. */
        public double accuracy() {
            return accuracy;
        }

        /** The mean training loss of each epoch. */
        public double[] losses() {
            return trained.losses();
        }

        /** The mean training loss of every {@link PointerModels#CURVE_STEPS} optimiser steps. */
        public double[] curve() {
            return trained.curve();
        }

        public long seed() {
            return seed;
        }

        public int parameterCount() {
            return trained.network().parameterCount();
        }

        /** Training and measuring time on this thread's CPU, and on the wall clock. */
        public String time() {
            return String.format(java.util.Locale.ROOT, "%.2f s CPU, %.2f s wall", cpuSeconds, wallSeconds);
        }
    }
}
