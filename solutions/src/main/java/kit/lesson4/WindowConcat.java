package kit.lesson4;

import kit.core.Layer;
import kit.core.Pass;
import kit.core.Shapes;

/**
 * Lays a window of {@code N} embedded tokens side by side as one vector, oldest first, so that a
 * dense layer reads each slot with its own weights.
 *
 * <p>Forward: {@code y[i d + j] = x[i][j]}: slot {@code i} fills {@code y[i d .. (i+1) d - 1]}.
 * <br>Backward: the same bookkeeping in reverse, {@code dL/dx[i][j] = dL/dy[i d + j]}: the gradient
 * is cut back into {@code N} slices of {@code d}, in order. No arithmetic, so no gradient is lost or
 * made.
 *
 * <p>Shapes: input {@code N x d}, output {@code N d}. No parameters. Unlike an average of the
 * rows (a bag of words), the output changes when two different tokens swap places: the order of
 * the window lives in which slot a vector occupies.
 *
 * <p>Book: {@code src/site/markdown/lesson4.md}, "Concatenation keeps the order".
 */
public final class WindowConcat implements Layer<double[][], double[]> {
    private final int slots;
    private final int width;

    /** A window of {@code slots} rows of {@code width} numbers each. */
    public WindowConcat(int slots, int width) {
        if (slots < 1 || width < 1) {
            throw new IllegalArgumentException("WindowConcat: slots = " + slots + " and width = " + width
                    + " must both be at least 1");
        }
        this.slots = slots;
        this.width = width;
    }

    @Override
    public Pass<double[][], double[]> forward(double[][] x) {
        Shapes.requireSequence("WindowConcat.forward input", x, slots, width, "slots x width");
        return Pass.of(concat(x), this::split);
    }

    /** {@code y[i * width + j] = x[i][j]}, slot after slot: a new array of {@code slots * width}. */
    public double[] concat(double[][] x) {
        Shapes.requireSequence("WindowConcat.concat input", x, slots, width, "slots x width");
        // BEGIN SOLUTION
        // task: the N rows of x (N x d) side by side, slot after slot: a new array of length N d
        // book: Concatenation keeps the order
        // pseudocode: y has length N * d; y[i * d + j] = x[i][j]
        double[] y = new double[slots * width];
        for (int i = 0; i < slots; i++) {
            System.arraycopy(x[i], 0, y, i * width, width);
        }
        return y;
        // END SOLUTION
    }

    /** The backward of {@link #concat}: {@code dx[i][j] = g[i * width + j]}, a new {@code slots x width} array. */
    public double[][] split(double[] gradOutput) {
        Shapes.requireLength("WindowConcat.split dL/dy (" + slots + " slots x " + width + ")", gradOutput,
                slots * width);
        // BEGIN SOLUTION
        // task: dL/dx (a new N x d array) from g = dL/dy (length N d)
        // book: Concatenation keeps the order
        // pseudocode: a new slots x width array with dx[i][j] = g[i * width + j]
        double[][] dx = new double[slots][width];
        for (int i = 0; i < slots; i++) {
            System.arraycopy(gradOutput, i * width, dx[i], 0, width);
        }
        return dx;
        // END SOLUTION
    }
}
