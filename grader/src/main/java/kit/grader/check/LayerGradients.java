package kit.grader.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import kit.core.Layer;
import kit.core.Parameter;
import kit.core.Pass;

/**
 * One pass's backward at one input, next to central differences: {@link #input()} for
 * {@code dL/dx} and {@link #parameter(String)} for each parameter's accumulated gradient.
 * Built by {@link GradientCheck#ofLayer}. The layer may be a whole model that uses one layer
 * object several times: its parameter's gradient must then be the sum over every use.
 */
public final class LayerGradients<I, O> {
    private final String layerName;
    private final Layer<I, O> layer;
    private final I input;
    private final O projection;
    private final long seed;
    private final I analyticInput;
    private final List<double[][]> analyticParameters = new ArrayList<>();  // per parameter: rows x cols

    LayerGradients(String layerName, Layer<I, O> layer, I input, long seed) {
        this.layerName = layerName;
        this.layer = layer;
        this.input = NestedArrays.copy(input);
        this.seed = seed;
        for (Parameter p : layer.parameters()) {
            p.zeroGrad();
        }
        Pass<I, O> pass = layer.forward(NestedArrays.copy(input));
        this.projection = GradientCheck.projectionLike(pass.output(), seed);
        this.analyticInput = pass.backward(NestedArrays.copy(projection));
        for (Parameter p : layer.parameters()) {
            double[][] rows = new double[p.rows()][];
            for (int r = 0; r < p.rows(); r++) {
                rows[r] = p.grad(r).clone();
            }
            analyticParameters.add(rows);
        }
    }

    /** {@code dL/dx}: the array {@code backward} returned, against central differences in the input. */
    public GradientComparison input() {
        String what = "dL/dx of " + layerName;
        List<Integer> shape = NestedArrays.shape(input);
        if (analyticInput == null || !NestedArrays.shape(analyticInput).equals(shape)) {
            return new GradientComparison(what, List.of(), seed, "backward returned dL/dx of shape "
                    + (analyticInput == null ? "null" : NestedArrays.shape(analyticInput))
                    + " but the input has shape " + shape);
        }
        I x = NestedArrays.copy(input);
        List<Entry> entries = new ArrayList<>();
        GradientCheck.differentiate(NestedArrays.rows(x), () -> loss(x),
                (r, c) -> "dL/dx" + NestedArrays.index(shape, r, c),
                NestedArrays.rows(analyticInput), entries);
        return new GradientComparison(what, entries, seed, null);
    }

    /** The accumulated gradient of the parameter called {@code name} (e.g. "W", or "layer3.W" in a chain). */
    public GradientComparison parameter(String name) {
        List<Parameter> parameters = layer.parameters();
        int found = -1;
        for (int k = 0; k < parameters.size(); k++) {
            if (parameters.get(k).name().equals(name)) {
                if (found >= 0) {
                    throw new IllegalArgumentException(layerName + " has two parameters called " + name
                            + "; names must be unique within a model: " + parameters);
                }
                found = k;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException(layerName + " has no parameter called " + name + "; it has "
                    + parameters);
        }
        return parameterAt(found, parameters.get(found));
    }

    private GradientComparison parameterAt(int k, Parameter p) {
        List<double[]> values = new ArrayList<>();
        for (int r = 0; r < p.rows(); r++) {
            values.add(p.value(r));
        }
        List<Entry> entries = new ArrayList<>();
        I x = NestedArrays.copy(input);
        List<Integer> shape = Arrays.stream(p.shape()).boxed().toList();
        GradientCheck.differentiate(values, () -> loss(x), (r, c) -> "dL/d" + p.name() + NestedArrays.index(shape, r, c),
                List.of(analyticParameters.get(k)), entries);
        return new GradientComparison("dL/d" + p.name() + " of " + layerName, entries, seed, null);
    }

    private double loss(I x) {
        return GradientCheck.dot(layer.forward(x).output(), projection);
    }
}
