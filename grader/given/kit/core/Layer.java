package kit.core;

import java.util.List;

/**
 * One differentiable step of a network, mapping one example of type {@code I} to one of type {@code O}.
 *
 * <p>Forward: {@code y = f(x; theta)}. Backward: given {@code g = dL/dy}, add
 * {@code (dy/dtheta)^T g} to each parameter's gradient and return {@code dL/dx = (dy/dx)^T g}.
 *
 * <p>A forward pass returns its own way back: {@link #forward} returns a {@link Pass} holding the
 * output and the backward of that one computation. The contract every layer keeps:
 * <ul>
 *   <li>A layer holds parameters and no per-call state. The same layer object can run any number of
 *       times in one computation, and each pass backpropagates on its own.</li>
 *   <li>Backward accumulates ({@code +=}) parameter gradients, so repeated use of a layer, and a
 *       mini-batch, sum their gradients before one optimiser step.</li>
 *   <li>Nothing modifies its argument; every returned array is new.</li>
 * </ul>
 *
 * <p>What a student writes are plain methods with explicit inputs, for example
 * {@code Linear.affine(x)} and {@code Linear.backward(x, g)}; {@code forward} wires them into a pass.
 *
 * <p>Types are plain arrays: a vector is {@code double[]}, a sequence {@code double[][]}
 * (time x features, tokens as one-hot rows), an image {@code double[][][]}
 * (channels x height x width). Layers compose with {@link #then}, which checks the types at
 * compile time.
 *
 * <p>Book: {@code src/site/markdown/lesson1.md}, "Layers".
 *
 * @param <I> the input of one example
 * @param <O> the output of one example
 */
public interface Layer<I, O> {

    /** Computes the output for one example and returns it with its way back. */
    Pass<I, O> forward(I x);

    /** The trainable parameters, each with its gradient; empty for a layer without any. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * This layer followed by {@code next}. In the chain's {@link #parameters()} each name is prefixed
     * with the position of its layer, {@code layer1.W}, {@code layer3.W}, so names are unique.
     */
    default <P> Layer<I, P> then(Layer<O, P> next) {
        return new Chain<>(this, next);
    }
}
