package kit.lesson6;

import java.util.List;
import java.util.random.RandomGenerator;

import kit.core.Layer;
import kit.core.Network;
import kit.core.Permutations;
import kit.lesson1.Linear;
import kit.lesson1.ReLU;
import kit.lesson2.SoftmaxCrossEntropy;

/**
 * The models of the depth experiment on the {@link PointerTask}, and their training loop.
 *
 * <p>A transformer of width {@link #WIDTH}, feed-forward width {@link #HIDDEN}, one head, no mask
 * (the answer is read at the last position only, so nothing is gained by hiding the future from the
 * other positions); an MLP on the 22 one-hot entries of the whole sequence. Every model trains with
 * softmax cross-entropy over the two answers, Adam, on all 2048 inputs.
 *
 * <p>Book: {@code src/site/markdown/lesson6.md}, "The recipe" and "One layer against two".
 */
public final class PointerModels {
    /** The transformer's residual width. */
    public static final int WIDTH = 16;
    /** The transformer's feed-forward width. */
    public static final int HIDDEN = 32;
    /** The MLP's hidden width. */
    public static final int MLP_HIDDEN = 64;
    /** How the transformers train. */
    public static final Recipe TRANSFORMER = new Recipe(24, 16, 3e-3, 0.8, 0.99);
    /** How the MLP trains. */
    public static final Recipe MLP = new Recipe(30, 16, 3e-3, 0.8, 0.99);

    private PointerModels() {
    }

    /** An untrained transformer of {@code depth} blocks for the pointer task. */
    public static Transformer transformer(int depth, RandomGenerator rng) {
        return new Transformer(PointerTask.TOKENS, PointerTask.LENGTH, WIDTH, HIDDEN, depth, false,
                PointerTask.TOKENS, rng);
    }

    /** An untrained MLP: the 11 one-hot rows laid out as 22 inputs, one ReLU layer, two logits. */
    public static Layer<double[][], double[]> mlp(RandomGenerator rng) {
        return new FlattenSequence(PointerTask.LENGTH, PointerTask.TOKENS)
                .then(new Linear(PointerTask.LENGTH * PointerTask.TOKENS, MLP_HIDDEN, rng))
                .then(new ReLU<>())
                .then(new Linear(MLP_HIDDEN, PointerTask.TOKENS, rng));
    }

    /** How many optimiser steps each point of a training curve averages. */
    public static final int CURVE_STEPS = 32;

    /**
     * Trains {@code model} on all 2048 inputs by {@code recipe}: each epoch visits the inputs in a
     * fresh random order drawn from {@code rng}, one optimiser step per mini-batch of the mean loss
     * ({@link Network#trainBatch}, as {@link Network#fit} does, here with the loss recorded as it
     * goes). Returns the network and its training curve.
     */
    public static Trained train(Layer<double[][], double[]> model, Recipe recipe, RandomGenerator rng) {
        Network<double[][]> network = new Network<>(model, new SoftmaxCrossEntropy());
        Adam adam = recipe.optimizer();
        List<double[][]> inputs = PointerTask.inputs();
        double[][] targets = PointerTask.targets();
        int n = inputs.size();
        double[] losses = new double[recipe.epochs()];
        double[] curve = new double[(recipe.epochs() * recipe.stepsPerEpoch() + CURVE_STEPS - 1) / CURVE_STEPS];
        int[] seen = new int[curve.length];
        int step = 0;
        for (int epoch = 0; epoch < recipe.epochs(); epoch++) {
            int[] order = Permutations.random(n, rng);
            for (int start = 0; start < n; start += recipe.batch()) {
                int end = Math.min(n, start + recipe.batch());
                double loss = network.trainBatch(inputs, targets, order, start, end, adam);
                losses[epoch] += loss / n;
                curve[step / CURVE_STEPS] += loss;
                seen[step / CURVE_STEPS] += end - start;
                step++;
            }
        }
        for (int i = 0; i < curve.length; i++) {
            curve[i] /= seen[i];
        }
        return new Trained(network, losses, curve);
    }

    /** A trained network and its training curves. */
    public static final class Trained {
        private final Network<double[][]> network;
        private final double[] losses;  // epochs
        private final double[] curve;   // steps / CURVE_STEPS

        Trained(Network<double[][]> network, double[] losses, double[] curve) {
            this.network = network;
            this.losses = losses;
            this.curve = curve;
        }

        public Network<double[][]> network() {
            return network;
        }

        /** The mean training loss of each epoch, a new array. */
        public double[] losses() {
            return losses.clone();
        }

        /** The mean training loss of every {@link #CURVE_STEPS} optimiser steps, a new array. */
        public double[] curve() {
            return curve.clone();
        }

        /** Accuracy on all 2048 inputs. */
        public double accuracy() {
            return PointerTask.accuracy(network);
        }
    }
}
