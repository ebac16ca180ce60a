package kit.lesson1;

/** Checks shared by the element-wise activations. */
final class Activations {
    private Activations() {
    }

    /** Fails unless forward has run and {@code gradOutput} is as long as its output. */
    static void requireForwardMatches(String layer, double[] cached, double[] gradOutput) {
        if (cached == null) {
            throw new IllegalStateException(layer + ".backward called before forward");
        }
        if (gradOutput == null || gradOutput.length != cached.length) {
            throw new IllegalArgumentException(layer + ".backward dL/dy has length "
                    + (gradOutput == null ? "null" : gradOutput.length)
                    + " but the last forward output had length " + cached.length);
        }
    }
}
