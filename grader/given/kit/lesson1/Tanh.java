package kit.lesson1;

import kit.core.Layer;
import kit.core.Pass;
import kit.core.Rows;

/**
 * The hyperbolic tangent, element by element, on an array of any rank.
 *
 * <p>Forward: {@code y[i] = tanh(x[i])}. Backward: {@code dL/dx[i] = dL/dy[i] * (1 - y[i]^2)},
 * since {@code tanh'(x) = 1 - tanh(x)^2}; keeping the output makes the backward pass one multiply.
 *
 * <p>Shapes: {@code T} is {@code double[]} (a vector), {@code double[][]} (a sequence) or
 * {@code double[][][]} (feature maps); the output has the input's shape. The student's part works on
 * one row, {@link #tanh} and {@link #backward}; {@link #forward} applies them to every row.
 * Saturates for {@code |x| > 5}, where the gradient all but vanishes.
 *
 * <p>Book: {@code src/site/markdown/lesson1.md}, "Activations".
 *
 * @param <T> the array type, for example {@code double[]}
 */
public final class Tanh<T> implements Layer<T, T> {

    @Override
    public Pass<T, T> forward(T x) {
        if (x == null) {
            throw new IllegalArgumentException("Tanh.forward input is null");
        }
        T y = Rows.map(x, Tanh::tanh);
        T kept = Rows.copy(y);
        return Pass.of(y, g -> Rows.zip("Tanh.backward", kept, g, Tanh::backward));
    }

    /** {@code tanh} of each entry of one row: a new array. */
    public static double[] tanh(double[] x) {
        throw new kit.core.NotImplementedYet(1, "Tanh.tanh", "y = tanh(x) entry by entry, a new array of x's length; book: src/site/markdown/lesson1.md, \"Activations\"");
    }

    /** The backward of {@link #tanh} for one row, from its output {@code y}: a new array. */
    public static double[] backward(double[] y, double[] gradOutput) {
        throw new kit.core.NotImplementedYet(1, "Tanh.backward", "dL/dx (a new array of g's length) from the output y and g = dL/dy; book: src/site/markdown/lesson1.md, \"Activations\"");
    }
}
