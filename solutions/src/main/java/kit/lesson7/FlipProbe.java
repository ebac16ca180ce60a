package kit.lesson7;

import java.util.function.Function;

import kit.lesson6.PointerTask;

/**
 * The flip probe: an intervention on the input. Flip one memory bit and see whether the model's
 * answer changes. A model that reads cell {@code a} and nothing else must follow a flip of
 * {@code m_a} and ignore a flip of any other cell, whatever its attention weights look like.
 *
 * <p>Measured over all 2048 inputs of the {@link PointerTask}: {@code tracksAddressed} is the
 * fraction of inputs {@code x} with {@code predict(flip(x, a)) = 1 - m_a}; {@code otherChanges} is
 * the fraction of the {@code 7 * 2048} pairs {@code (x, i)}, {@code i != a} a memory cell, with
 * {@code predict(flip(x, i)) != predict(x)}.
 *
 * <p>Cost: {@code 9 * 2048} forward passes of the model.
 *
 * <p>Book: {@code src/site/markdown/lesson7.md}, "The flip probe".
 */
public final class FlipProbe {
    private FlipProbe() {
    }

    /** {@code x} with the token at {@code position} flipped (0 to 1, 1 to 0): a new array of one-hot rows. */
    public static double[][] flip(double[][] x, int position) {
        if (x == null || position < 0 || position >= x.length || x[position].length != PointerTask.TOKENS) {
            throw new IllegalArgumentException("FlipProbe.flip: position " + position + " is not a row of a T x "
                    + PointerTask.TOKENS + " sequence of " + (x == null ? "null" : String.valueOf(x.length)) + " rows");
        }
        double[][] y = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            y[t] = x[t].clone();
        }
        double[] row = y[position];
        double zero = row[0];
        row[0] = row[1];
        row[1] = zero;
        return y;
    }

    /** The bit the logits predict: 1 if {@code z[1] > z[0]}, else 0. */
    public static int prediction(double[] logits) {
        if (logits == null || logits.length != PointerTask.TOKENS) {
            throw new IllegalArgumentException("FlipProbe.prediction: expected " + PointerTask.TOKENS + " logits but got "
                    + (logits == null ? "null" : String.valueOf(logits.length)));
        }
        return logits[1] > logits[0] ? 1 : 0;
    }

    /** The flip probe over all 2048 inputs; {@code model} maps an input to its two logits. */
    public static FlipRates measure(Function<double[][], double[]> model) {
        if (model == null) {
            throw new IllegalArgumentException("FlipProbe.measure: model is null");
        }
        // BEGIN SOLUTION
        // task: the flip probe's two rates over all 2048 inputs: how often flipping the addressed cell flips the answer, and how often flipping another cell changes it
        // book: The flip probe
        // pseudocode: for every n: x = PointerTask.sequence(n), a = PointerTask.address(n); count prediction(model(flip(x, a))) == 1 - PointerTask.answer(n); for each memory cell i != a count prediction(model(flip(x, i))) != prediction(model(x)); divide by 2048 and by 7 * 2048
        int tracks = 0;
        int changes = 0;
        for (int n = 0; n < PointerTask.SIZE; n++) {
            double[][] x = PointerTask.sequence(n);
            int a = PointerTask.address(n);
            int before = prediction(model.apply(x));
            if (prediction(model.apply(flip(x, a))) == 1 - PointerTask.answer(n)) {
                tracks++;
            }
            for (int i = 0; i < PointerTask.MEMORY; i++) {
                if (i != a && prediction(model.apply(flip(x, i))) != before) {
                    changes++;
                }
            }
        }
        return new FlipRates((double) tracks / PointerTask.SIZE,
                (double) changes / ((PointerTask.MEMORY - 1) * PointerTask.SIZE));
        // END SOLUTION
    }
}
