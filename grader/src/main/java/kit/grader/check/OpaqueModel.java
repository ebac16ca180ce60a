package kit.grader.check;

import java.util.function.Function;

/**
 * A model the grader hands to library code (such as {@code FlipProbe.measure}) that does not say
 * which test made it. A lambda's class is named after the test class that wrote it
 * ({@code FlipProbeTest$$Lambda$...}), and library code can read that name through
 * {@code String.valueOf(model)} and answer the known test instead of measuring; this wrapper's class
 * and text are the same for every test.
 */
public final class OpaqueModel implements Function<double[][], double[]> {
    private final Function<double[][], double[]> model;

    private OpaqueModel(Function<double[][], double[]> model) {
        this.model = model;
    }

    /** {@code model}, behind a class and a text that every test shares. */
    public static Function<double[][], double[]> of(Function<double[][], double[]> model) {
        return new OpaqueModel(model);
    }

    @Override
    public double[] apply(double[][] x) {
        return model.apply(x);
    }

    @Override
    public String toString() {
        return "a model";
    }
}
