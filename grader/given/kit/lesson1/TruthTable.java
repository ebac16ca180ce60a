package kit.lesson1;

import java.util.List;

/**
 * The four inputs of a two-input boolean function, {@code (0,0), (0,1), (1,0), (1,1)}, with the
 * function's value as a one-element target. Only XOR is not linearly separable.
 *
 * <p>Book: {@code src/site/markdown/lesson1.md}, "Why no line separates XOR".
 */
public enum TruthTable {
    AND(0, 0, 0, 1),
    OR(0, 1, 1, 1),
    XOR(0, 1, 1, 0);

    private final double[] outputs;  // 4, the value at (0,0), (0,1), (1,0), (1,1)

    TruthTable(double... outputs) {
        this.outputs = outputs;
    }

    /** The four input points, each of length 2; a new list each call. */
    public List<double[]> inputs() {
        return List.of(new double[] {0, 0}, new double[] {0, 1}, new double[] {1, 0}, new double[] {1, 1});
    }

    /** The targets, {@code 4 x 1}; a new array each call. */
    public double[][] targets() {
        double[][] t = new double[outputs.length][];
        for (int n = 0; n < outputs.length; n++) {
            t[n] = new double[] {outputs[n]};
        }
        return t;
    }
}
