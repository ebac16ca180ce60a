package kit.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trainable array and its gradient, seen as aligned rows so that optimisers and the grader
 * can visit every entry whatever the array's rank.
 *
 * <p>A layer keeps its weights in the shape that reads best ({@code double[][] w; // out x in})
 * and registers them here; the rows alias the layer's own arrays, so an update through
 * {@link #value(int)} is an update of the layer. For a matrix the rows are its rows; for a
 * 4-d kernel they are its innermost rows, in index order.
 */
public final class Parameter {
    private final String name;
    private final int[] shape;        // e.g. {out, in}
    private final double[][] values;  // rows x rowLength, aliases of the layer's array
    private final double[][] grads;   // rows x rowLength, aliases of the layer's gradient

    private Parameter(String name, int[] shape, List<double[]> values, List<double[]> grads) {
        this(name, shape, values.toArray(new double[0][]), grads.toArray(new double[0][]));
    }

    private Parameter(String name, int[] shape, double[][] values, double[][] grads) {
        this.name = name;
        this.shape = shape;
        this.values = values;
        this.grads = grads;
        for (int r = 0; r < this.values.length; r++) {
            if (this.values[r].length != this.grads[r].length) {
                throw new IllegalArgumentException("Parameter " + name + ": value row " + r + " has length "
                        + this.values[r].length + " but gradient row has length " + this.grads[r].length);
            }
        }
    }

    public static Parameter vector(String name, double[] value, double[] grad) {
        requireSameLength(name, value.length, grad.length);
        return new Parameter(name, new int[] {value.length}, List.of(value), List.of(grad));
    }

    public static Parameter matrix(String name, double[][] value, double[][] grad) {
        requireSameLength(name, value.length, grad.length);
        int cols = value.length == 0 ? 0 : value[0].length;
        return new Parameter(name, new int[] {value.length, cols}, List.of(value), List.of(grad));
    }

    /** A 4-d array such as a convolution kernel: {@code out x in x k x k}. */
    public static Parameter tensor4(String name, double[][][][] value, double[][][][] grad) {
        requireSameLength(name, value.length, grad.length);
        List<double[]> valueRows = new ArrayList<>();
        List<double[]> gradRows = new ArrayList<>();
        for (int a = 0; a < value.length; a++) {
            requireSameLength(name, value[a].length, grad[a].length);
            for (int b = 0; b < value[a].length; b++) {
                requireSameLength(name, value[a][b].length, grad[a][b].length);
                valueRows.addAll(List.of(value[a][b]));
                gradRows.addAll(List.of(grad[a][b]));
            }
        }
        int[] shape = value.length == 0 ? new int[] {0, 0, 0, 0}
                : new int[] {value.length, value[0].length, value[0][0].length, value[0][0][0].length};
        return new Parameter(name, shape, valueRows, gradRows);
    }

    public String name() {
        return name;
    }

    /** The same arrays under another name: {@link Layer#then} uses it to keep names unique in a model. */
    public Parameter renamed(String newName) {
        return new Parameter(newName, shape, values, grads);
    }

    /** The shape of the layer's array, for example {@code [out, in]}. */
    public int[] shape() {
        return shape.clone();
    }

    public int rows() {
        return values.length;
    }

    /** Row {@code r} of the values: writing to it changes the layer's weights. */
    public double[] value(int r) {
        return values[r];
    }

    /** Row {@code r} of the accumulated gradient dL/d(value). */
    public double[] grad(int r) {
        return grads[r];
    }

    public int size() {
        int n = 0;
        for (double[] row : values) {
            n += row.length;
        }
        return n;
    }

    public void zeroGrad() {
        for (double[] row : grads) {
            Arrays.fill(row, 0.0);
        }
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }

    private static void requireSameLength(String name, int valueLength, int gradLength) {
        if (valueLength != gradLength) {
            throw new IllegalArgumentException("Parameter " + name + ": value has length " + valueLength
                    + " but gradient has length " + gradLength);
        }
    }
}
