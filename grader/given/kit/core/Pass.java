package kit.core;

import java.util.function.Function;

/**
 * What one forward computation leaves behind: its output, and the way back.
 *
 * <p>{@link Layer#forward} returns a pass. {@link #backward} takes {@code g = dL/dy} for this
 * pass's output {@code y}, adds {@code (dy/dtheta)^T g} to each parameter's gradient and returns
 * {@code dL/dx = (dy/dx)^T g} for this pass's input. The pass captures exactly what its backward
 * needs (the input, or the output for tanh), so many passes of one layer can be alive at once and
 * each backpropagates on its own: an RNN cell at every timestep, a position-wise layer on every row,
 * a policy at every step of an episode.
 *
 * <p>The contract: {@code output()} is a fresh array the caller may keep or change; {@code backward}
 * never modifies its argument, returns a fresh array, and may be called more than once (its
 * parameter gradients then add up).
 *
 * <p>Book: {@code src/site/markdown/lesson1.md}, "Layers".
 *
 * @param <I> the input of one example
 * @param <O> the output of one example
 */
public interface Pass<I, O> {

    /** The output of this forward computation. */
    O output();

    /** Takes dL/d(output), adds the parameter gradients ({@code +=}), returns dL/d(input). */
    I backward(O gradOutput);

    /** The pass whose output is {@code output} and whose backward is {@code backward}. */
    static <I, O> Pass<I, O> of(O output, Function<O, I> backward) {
        if (backward == null) {
            throw new IllegalArgumentException("Pass.of: backward must not be null");
        }
        return new Pass<>() {
            @Override
            public O output() {
                return output;
            }

            @Override
            public I backward(O gradOutput) {
                return backward.apply(gradOutput);
            }
        };
    }
}
