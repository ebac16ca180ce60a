package kit.lesson5;

import kit.core.Layer;
import kit.core.Pass;
import kit.core.Shapes;

/**
 * Reads a sequence's last row: the state after the last step, for a task with one answer at the end.
 *
 * <p>Forward: {@code y = x[T-1]}. Backward: {@code dL/dx[T-1] = g} and {@code dL/dx[t] = 0} for
 * every earlier step: the loss reaches the earlier states only through the recurrence.
 *
 * <p>Shapes: input {@code T x width}, output {@code width}. No parameters.
 *
 * <p>Book: {@code src/site/markdown/lesson5.md}, "Experiment 2: delayed recall".
 */
public final class LastStep implements Layer<double[][], double[]> {
    private final int width;

    /** Reads the last of rows {@code width} long. */
    public LastStep(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("LastStep: width = " + width + " must be at least 1");
        }
        this.width = width;
    }

    @Override
    public Pass<double[][], double[]> forward(double[][] x) {
        int steps = Shapes.requireSequence("LastStep.forward input", x, -1, width, "steps x width");
        return Pass.of(x[steps - 1].clone(), g -> {
            Shapes.requireLength("LastStep.backward dL/dy (width = " + width + ")", g, width);
            double[][] dx = new double[steps][width];
            dx[steps - 1] = g.clone();
            return dx;
        });
    }
}
