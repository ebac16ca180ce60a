package kit.core;

import java.util.List;

/**
 * One differentiable step of a network, mapping one example of type {@code I} to one of type {@code O}.
 *
 * <p>Forward: {@code y = f(x; theta)}. Backward: given {@code g = dL/dy}, add
 * {@code (dy/dtheta)^T g} to each parameter's gradient and return {@code dL/dx = (dy/dx)^T g}.
 *
 * <p>The contract every layer keeps:
 * <ul>
 *   <li>{@code backward} refers to the most recent {@code forward}; a layer caches what it needs.</li>
 *   <li>{@code backward} accumulates ({@code +=}) parameter gradients, so a mini-batch is a loop
 *       of forward/backward pairs followed by one optimiser step.</li>
 *   <li>Neither method modifies its argument; both return new arrays.</li>
 * </ul>
 *
 * <p>Types are plain arrays: a vector is {@code double[]}, an image {@code double[][][]}
 * (channels x height x width), a sequence {@code double[][]} (time x features).
 * Layers compose with {@link #then}, which checks the types at compile time.
 *
 * <p>Book: {@code src/site/markdown/lesson1.md}, "Layers".
 *
 * @param <I> the input of one example
 * @param <O> the output of one example
 */
public interface Layer<I, O> {

    /** Computes the output for one example and remembers what {@link #backward} will need. */
    O forward(I x);

    /** Takes dL/d(output) of the last forward, accumulates parameter gradients, returns dL/d(input). */
    I backward(O gradOutput);

    /** The trainable parameters, each with its gradient; empty for a layer without any. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** This layer followed by {@code next}. */
    default <P> Layer<I, P> then(Layer<O, P> next) {
        return new Chain<>(this, next);
    }
}
