package kit.grader.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import kit.core.Layer;
import kit.core.Parameter;

/**
 * One layer's backward pass at one input, next to central differences: {@link #input()} for
 * {@code dL/dx} and {@link #parameter(String)} for each parameter's accumulated gradient.
 * Built by {@link GradientCheck#ofLayer}.
 */
public final class LayerGradients<I, O> {
    private final String layerName;
    private final Layer<I, O> layer;
    private final I input;
    private final O projection;
    private final long seed;
    private final I analyticInput;
    private final List<double[][]> analyticParameters = new ArrayList<>();  // per parameter: rows x cols
    private final boolean inputUntouched;
    private final boolean gradOutputUntouched;

    LayerGradients(String layerName, Layer<I, O> layer, I input, long seed) {
        this.layerName = layerName;
        this.layer = layer;
        this.input = NestedArrays.copy(input);
        this.seed = seed;
        for (Parameter p : layer.parameters()) {
            p.zeroGrad();
        }
        I x = NestedArrays.copy(input);
        O y = layer.forward(x);
        this.inputUntouched = NestedArrays.sameEntries(x, input);
        this.projection = GradientCheck.projectionLike(y, seed);
        O g = NestedArrays.copy(projection);
        this.analyticInput = layer.backward(g);
        this.gradOutputUntouched = NestedArrays.sameEntries(g, projection);
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

    /** The accumulated gradient of the first parameter called {@code name} (e.g. "W"). */
    public GradientComparison parameter(String name) {
        List<Parameter> parameters = layer.parameters();
        for (int k = 0; k < parameters.size(); k++) {
            if (parameters.get(k).name().equals(name)) {
                return parameterAt(k, parameters.get(k));
            }
        }
        throw new IllegalArgumentException(layerName + " has no parameter called " + name + "; it has "
                + parameters);
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

    /** False if {@code forward} wrote into its input. */
    public boolean forwardLeftInputUntouched() {
        return inputUntouched;
    }

    /** False if {@code backward} wrote into dL/dy. */
    public boolean backwardLeftGradOutputUntouched() {
        return gradOutputUntouched;
    }

    private double loss(I x) {
        return GradientCheck.dot(layer.forward(x), projection);
    }
}
