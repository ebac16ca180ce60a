package kit.lesson1;

import kit.core.Layer;
import kit.core.Pass;
import kit.core.Rows;

/**
 * The rectified linear unit, element by element, on an array of any rank.
 *
 * <p>Forward: {@code y[i] = max(0, x[i])}. Backward: {@code dL/dx[i] = dL/dy[i]} where
 * {@code x[i] > 0} and {@code 0} elsewhere. At {@code x = 0} the function has a kink and no
 * derivative; we take the subgradient 0 there, as every library does.
 *
 * <p>Shapes: {@code T} is {@code double[]} (a vector), {@code double[][]} (a sequence) or
 * {@code double[][][]} (feature maps); the output has the input's shape. The student's part works on
 * one row, {@link #relu} and {@link #backward}; {@link #forward} applies them to every row.
 *
 * <p>Book: {@code src/site/markdown/lesson1.md}, "Activations".
 *
 * @param <T> the array type, for example {@code double[][][]}
 */
public final class ReLU<T> implements Layer<T, T> {

    @Override
    public Pass<T, T> forward(T x) {
        if (x == null) {
            throw new IllegalArgumentException("ReLU.forward input is null");
        }
        T input = Rows.copy(x);
        return Pass.of(Rows.map(input, ReLU::relu), g -> Rows.zip("ReLU.backward", input, g, ReLU::backward));
    }

    /** {@code max(0, x)} of each entry of one row: a new array. */
    public static double[] relu(double[] x) {
        throw new kit.core.NotImplementedYet(1, "ReLU.relu", "y = max(0, x) entry by entry, a new array of x's length; book: src/site/markdown/lesson1.md, \"Activations\"");
    }

    /** The backward of {@link #relu} for one row, from its input {@code x}: a new array. */
    public static double[] backward(double[] x, double[] gradOutput) {
        throw new kit.core.NotImplementedYet(1, "ReLU.backward", "dL/dx (a new array of g's length) from the input x and g = dL/dy; the subgradient at the kink is 0; book: src/site/markdown/lesson1.md, \"Activations\"");
    }
}
