package kit.core;

import java.util.ArrayList;
import java.util.List;

/** Two layers in sequence: {@code y = second(first(x))}; backward runs them in reverse. */
final class Chain<I, M, O> implements Layer<I, O> {
    private final Layer<I, M> first;
    private final Layer<M, O> second;

    Chain(Layer<I, M> first, Layer<M, O> second) {
        if (first == null || second == null) {
            throw new IllegalArgumentException("Layer.then: cannot chain a null layer");
        }
        this.first = first;
        this.second = second;
    }

    @Override
    public O forward(I x) {
        return second.forward(first.forward(x));
    }

    @Override
    public I backward(O gradOutput) {
        return first.backward(second.backward(gradOutput));
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(first.parameters());
        all.addAll(second.parameters());
        return List.copyOf(all);
    }
}
