package kit.grader.lesson6;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
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

    private static Trained<Transformer> twoLayer;
    private static Trained<Transformer> oneLayer;
    private static Trained<Layer<double[][], double[]>> mlp;
    private static RuntimeException twoLayerFailure;
    private static RuntimeException oneLayerFailure;
    private static RuntimeException mlpFailure;

    private TrainedPointerModels() {
    }

    /** The 2-layer transformer: the first of seeds 0, 1, 2 that solves the task, or else the best of them. */
    public static synchronized Trained<Transformer> twoLayer() {
        if (twoLayerFailure != null) {
            throw twoLayerFailure;
        }
        if (twoLayer == null) {
            try {
                Trained<Transformer> best = null;
                for (int k = 0; k < TWO_LAYER_SEEDS && (best == null || best.accuracy() < SOLVED); k++) {
                    Trained<Transformer> next = train(k, rng -> PointerModels.transformer(2, rng),
                            PointerModels.TRANSFORMER);
                    if (best != null) {
                        System.out.printf("2-layer transformer: seed %d reached %.4f, so seed %d trained too: %.4f%n",
                                best.seed(), best.accuracy(), next.seed(), next.accuracy());
                    }
                    best = best == null || next.accuracy() > best.accuracy() ? next : best;
                }
                twoLayer = best;
            } catch (RuntimeException e) {
                twoLayerFailure = e;
                throw e;
            }
        }
        return twoLayer;
    }

    /** The 1-layer transformer, trained on seed 0 by the same recipe. */
    public static synchronized Trained<Transformer> oneLayer() {
        if (oneLayerFailure != null) {
            throw oneLayerFailure;
        }
        if (oneLayer == null) {
            try {
                oneLayer = train(0, rng -> PointerModels.transformer(1, rng), PointerModels.TRANSFORMER);
            } catch (RuntimeException e) {
                oneLayerFailure = e;
                throw e;
            }
        }
        return oneLayer;
    }

    /** The MLP baseline, trained on seed 0. */
    public static synchronized Trained<Layer<double[][], double[]>> mlp() {
        if (mlpFailure != null) {
            throw mlpFailure;
        }
        if (mlp == null) {
            try {
                mlp = train(0, PointerModels::mlp, PointerModels.MLP);
            } catch (RuntimeException e) {
                mlpFailure = e;
                throw e;
            }
        }
        return mlp;
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
