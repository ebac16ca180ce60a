package kit.lesson5;

/**
 * What one step back through an {@link RNNCell} returns: {@code dL/dx_t} for the step's input and
 * {@code dL/dh_{t-1}} for the state it read, which the step before adds to its own output's gradient.
 *
 * <p>Book: {@code src/site/markdown/lesson5.md}, "Backpropagation through time".
 */
public final class StepGradients {
    private final double[] dx;      // in
    private final double[] dhPrev;  // hidden

    public StepGradients(double[] dx, double[] dhPrev) {
        if (dx == null || dhPrev == null) {
            throw new IllegalArgumentException("StepGradients: dL/dx_t and dL/dh_{t-1} must not be null");
        }
        this.dx = dx;
        this.dhPrev = dhPrev;
    }

    /** {@code dL/dx_t}, length {@code in}. */
    public double[] dx() {
        return dx;
    }

    /** {@code dL/dh_{t-1}}, length {@code hidden}. */
    public double[] dhPrev() {
        return dhPrev;
    }
}
