package kit.lesson7;

import kit.lesson6.PointerTask;
import kit.lesson6.Transformer;

/**
 * Activation patching: run a clean input and a corrupted one, overwrite one vector of the
 * corrupted run's residual stream with the clean run's vector at the same (layer, position), and
 * measure how much of the clean answer comes back.
 *
 * <p>With {@code D(z) = z[answer] - z[1 - answer]}, the logit difference for the clean input's answer,
 * {@code recovery = (D_patched - D_corrupt) / (D_clean - D_corrupt)}: 1 when the patched vector
 * carries everything the corruption removed, 0 when it carries none of it. It is defined only when
 * {@code D_clean != D_corrupt}, and meaningful only when they differ clearly.
 *
 * <p>Shapes: the residual stream has {@code L + 1} layers (0 = the embeddings) of {@code T x d}; a
 * recovery table is {@code (L + 1) x T}. Cost: {@code (L + 1) T} partial forward passes per pair.
 *
 * <p>Book: {@code src/site/markdown/lesson7.md}, "Activation patching".
 */
public final class Patching {
    private Patching() {
    }

    /** {@code z[answer] - z[1 - answer]}: how strongly the logits favour {@code answer}. */
    public static double logitDifference(double[] z, int answer) {
        if (z == null || z.length != PointerTask.TOKENS || answer < 0 || answer > 1) {
            throw new IllegalArgumentException("Patching.logitDifference: expected 2 logits and an answer 0 or 1, got "
                    + (z == null ? "null" : z.length + " logits") + " and " + answer);
        }
        return z[answer] - z[1 - answer];
    }

    /** {@code (patched - corrupt) / (clean - corrupt)}: the fraction of the clean-corrupt gap that patching restores. */
    public static double recovery(double clean, double corrupt, double patched) {
        requireGap(clean, corrupt);
        // BEGIN SOLUTION
        // task: the fraction of the clean-corrupt gap that the patched run restores, one number from three
        // book: Activation patching
        // pseudocode: (patched - corrupt) / (clean - corrupt)
        return (patched - corrupt) / (clean - corrupt);
        // END SOLUTION
    }

    private static void requireGap(double clean, double corrupt) {
        if (clean == corrupt) {
            throw new IllegalArgumentException("Patching.recovery: clean and corrupt logit differences are both " + clean
                    + ", so recovery is undefined");
        }
    }

    /**
     * The recovery of every (layer, position): entry {@code [l][p]} patches row {@code p} of layer
     * {@code l} of the corrupted run with the clean run's row and runs the model on from layer
     * {@code l} ({@link Transformer#logitsFrom}); {@code answer} is the clean input's answer. A new
     * {@code (L + 1) x T} array.
     */
    public static double[][] recoveryTable(Transformer model, double[][] clean, double[][] corrupt, int answer) {
        if (model == null || clean == null || corrupt == null || clean.length != corrupt.length) {
            throw new IllegalArgumentException("Patching.recoveryTable: a model and two inputs of one length are needed");
        }
        // BEGIN SOLUTION
        // task: the recovery of patching each residual-stream row: a new (L + 1) x T array, one row per layer l = 0 .. L, one column per position
        // book: Activation patching
        // pseudocode: streams r = model.residualStream(input) for both; D = logitDifference(model.logitsFrom(L, r[L]), answer); for each l, p: copy corrupt's r[l], replace row p by clean's, D_patched = logitDifference(model.logitsFrom(l, patched), answer); entry = recovery(...)
        double[][][] cleanStream = model.residualStream(clean);
        double[][][] corruptStream = model.residualStream(corrupt);
        int depth = model.depth();
        double dClean = logitDifference(model.logitsFrom(depth, cleanStream[depth]), answer);
        double dCorrupt = logitDifference(model.logitsFrom(depth, corruptStream[depth]), answer);
        double[][] table = new double[depth + 1][clean.length];
        for (int l = 0; l <= depth; l++) {
            for (int p = 0; p < clean.length; p++) {
                double[][] patched = new double[clean.length][];
                for (int t = 0; t < clean.length; t++) {
                    patched[t] = (t == p ? cleanStream[l][t] : corruptStream[l][t]).clone();
                }
                double dPatched = logitDifference(model.logitsFrom(l, patched), answer);
                table[l][p] = recovery(dClean, dCorrupt, dPatched);
            }
        }
        return table;
        // END SOLUTION
    }
}
