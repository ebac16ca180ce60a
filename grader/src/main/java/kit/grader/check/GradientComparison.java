package kit.grader.check;

import java.util.List;

/**
 * The result of comparing one analytic gradient array with its central differences: what was
 * differentiated ("dL/dx of Linear"), every coordinate, the seed that drew the inputs, and a
 * shape error if the analytic array did not have the shape of what it differentiates.
 */
public final class GradientComparison {
    private final String what;
    private final List<Entry> entries;
    private final long seed;
    private final String shapeError;

    GradientComparison(String what, List<Entry> entries, long seed, String shapeError) {
        this.what = what;
        this.entries = List.copyOf(entries);
        this.seed = seed;
        this.shapeError = shapeError;
    }

    public String what() {
        return what;
    }

    public List<Entry> entries() {
        return entries;
    }

    public long seed() {
        return seed;
    }

    /** Null when the analytic gradient had the right shape. */
    public String shapeError() {
        return shapeError;
    }
}
