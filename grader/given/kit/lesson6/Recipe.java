package kit.lesson6;

/**
 * How a model on the pointer task is trained: {@code epochs} passes over all 2048 inputs in a fresh
 * random order, mini-batches of {@code batch}, Adam with peak learning rate {@code rate}, a linear
 * warmup over the first {@code warmupEpochs} epochs and a half-cosine decay to 0, and second-moment
 * decay {@code beta2} (first moment 0.9).
 *
 * <p>Book: {@code src/site/markdown/lesson6.md}, "The recipe".
 */
public record Recipe(int epochs, int batch, double rate, double warmupEpochs, double beta2) {
    public Recipe {
        if (epochs < 1 || batch < 1 || !(rate > 0) || !(warmupEpochs >= 0) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Recipe: epochs " + epochs + " and batch " + batch
                    + " must be at least 1, rate " + rate + " positive, warmupEpochs " + warmupEpochs
                    + " at least 0 and beta2 " + beta2 + " in [0, 1)");
        }
    }

    /** Optimiser steps per epoch over the 2048 inputs. */
    public int stepsPerEpoch() {
        return (PointerTask.SIZE + batch - 1) / batch;
    }

    /** A fresh optimiser for this recipe. */
    public Adam optimizer() {
        int steps = epochs * stepsPerEpoch();
        return new Adam(rate, (int) Math.round(warmupEpochs * stepsPerEpoch()), steps, 0.9, beta2);
    }
}
