package kit.lesson7;

import kit.lesson6.PointerTask;
import kit.lesson6.Transformer;

/**
 * The causal trace of a pointer model: activation patching averaged over minimal pairs and over
 * classes of positions. A pair is an input (clean) and the same input with the addressed bit
 * flipped (corrupt); only pairs whose logit differences differ by at least {@link #MIN_GAP} count.
 *
 * <p>Entry {@code [l][c]} is the mean recovery, over the pairs, of patching layer {@code l} at the
 * positions of class {@code c}: {@link #ADDRESSED} (the cell {@code a}), {@link #OTHER_MEMORY} (the
 * seven other cells, each position counted), {@link #ADDRESS_BITS} (positions 8 and 9) and
 * {@link #READOUT} (position 10, the last address bit, where the answer is read).
 *
 * <p>Cost: {@code (L + 1) T} partial forward passes per pair.
 *
 * <p>Book: {@code src/site/markdown/lesson7.md}, "The causal trace".
 */
public final class CausalTrace {
    public static final int ADDRESSED = 0;
    public static final int OTHER_MEMORY = 1;
    public static final int ADDRESS_BITS = 2;
    public static final int READOUT = 3;
    /** The smallest {@code |D_clean - D_corrupt|} of a pair that counts. */
    public static final double MIN_GAP = 1.0;

    private final double[][] mean;  // (L + 1) x 4
    private final int pairs;

    private CausalTrace(double[][] mean, int pairs) {
        this.mean = mean;
        this.pairs = pairs;
    }

    /** The trace of {@code model} over the inputs {@code 0, step, 2 step, ...} of the pointer task. */
    public static CausalTrace of(Transformer model, int step) {
        if (model == null || step < 1) {
            throw new IllegalArgumentException("CausalTrace.of: a model and a step of at least 1 are needed");
        }
        int layers = model.depth() + 1;
        double[][] sum = new double[layers][4];
        int pairs = 0;
        for (int n = 0; n < PointerTask.SIZE; n += step) {
            double[][] clean = PointerTask.sequence(n);
            int a = PointerTask.address(n);
            int answer = PointerTask.answer(n);
            double[][] corrupt = FlipProbe.flip(clean, a);
            double gap = Patching.logitDifference(model.forward(clean).output(), answer)
                    - Patching.logitDifference(model.forward(corrupt).output(), answer);
            if (Math.abs(gap) < MIN_GAP) {
                continue;
            }
            pairs++;
            double[][] table = Patching.recoveryTable(model, clean, corrupt, answer);
            for (int l = 0; l < layers; l++) {
                for (int p = 0; p < PointerTask.LENGTH; p++) {
                    sum[l][classOf(p, a)] += table[l][p] / countOf(classOf(p, a));
                }
            }
        }
        for (double[] row : sum) {
            for (int c = 0; c < 4; c++) {
                row[c] = pairs == 0 ? Double.NaN : row[c] / pairs;
            }
        }
        return new CausalTrace(sum, pairs);
    }

    /** The class of position {@code p} for address {@code a}. */
    public static int classOf(int p, int a) {
        if (p == a) {
            return ADDRESSED;
        }
        if (p < PointerTask.MEMORY) {
            return OTHER_MEMORY;
        }
        return p == PointerTask.LENGTH - 1 ? READOUT : ADDRESS_BITS;
    }

    private static int countOf(int c) {
        return switch (c) {
            case OTHER_MEMORY -> PointerTask.MEMORY - 1;
            case ADDRESS_BITS -> PointerTask.ADDRESS_BITS - 1;
            default -> 1;
        };
    }

    /** The mean recovery of class {@code c} at layer {@code l}. */
    public double recovery(int l, int c) {
        return mean[l][c];
    }

    /** How many pairs had a gap of at least {@link #MIN_GAP}. */
    public int pairs() {
        return pairs;
    }

    public int layers() {
        return mean.length;
    }
}
