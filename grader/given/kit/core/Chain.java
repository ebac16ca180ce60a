package kit.core;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two layers in sequence: {@code y = second(first(x))}; its pass's backward runs theirs in reverse.
 *
 * <p>Parameters are named by position: a chain of {@code Linear, Tanh, Linear} has
 * {@code layer1.W, layer1.b, layer3.W, layer3.b}. A layer object that appears twice contributes its
 * parameters once, so an optimiser never moves them twice.
 */
final class Chain<I, M, O> implements Layer<I, O> {
    private final Layer<I, M> first;
    private final Layer<M, O> second;
    private final List<Parameter> parameters;

    Chain(Layer<I, M> first, Layer<M, O> second) {
        if (first == null || second == null) {
            throw new IllegalArgumentException("Layer.then: cannot chain a null layer");
        }
        this.first = first;
        this.second = second;
        this.parameters = namedByPosition();
    }

    @Override
    public Pass<I, O> forward(I x) {
        Pass<I, M> a = first.forward(x);
        Pass<M, O> b = second.forward(a.output());
        return Pass.of(b.output(), g -> a.backward(b.backward(g)));
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    private List<Parameter> namedByPosition() {
        List<Layer<?, ?>> leaves = new ArrayList<>();
        addLeaves(this, leaves);
        Map<Layer<?, ?>, Boolean> seen = new IdentityHashMap<>();
        List<Parameter> all = new ArrayList<>();
        for (int k = 0; k < leaves.size(); k++) {
            Layer<?, ?> leaf = leaves.get(k);
            if (seen.put(leaf, Boolean.TRUE) != null) {
                continue;
            }
            for (Parameter p : leaf.parameters()) {
                all.add(p.renamed("layer" + (k + 1) + "." + p.name()));
            }
        }
        return List.copyOf(all);
    }

    private static void addLeaves(Layer<?, ?> layer, List<Layer<?, ?>> leaves) {
        if (layer instanceof Chain<?, ?, ?> chain) {
            addLeaves(chain.first, leaves);
            addLeaves(chain.second, leaves);
        } else {
            leaves.add(layer);
        }
    }
}
