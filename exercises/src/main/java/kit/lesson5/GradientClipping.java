package kit.lesson5;

import java.util.List;

import kit.core.Optimizer;
import kit.core.Parameter;

/**
 * Global gradient-norm clipping: if the gradient of all the parameters together is longer than
 * {@code c}, shrink it to length {@code c}, keeping its direction; otherwise leave it alone.
 *
 * <p>With {@code n = sqrt(sum over every entry of every parameter of grad^2)}, the one norm of
 * the whole gradient: if {@code n > c}, every entry is multiplied by {@code c / n}, so the new norm
 * is {@code c} and the ratio between any two entries, in one parameter or in two, is kept. If
 * {@code n <= c} nothing changes. As an {@link Optimizer} it clips and then lets the optimiser it
 * wraps take the step, so a step never moves the parameters further than {@code c} times the
 * learning rate.
 *
 * <p>Cost: two passes over the gradients. It bounds a step that an exploding gradient would make
 * huge; a vanishing gradient it cannot help, since scaling a tiny gradient down changes nothing
 * and clipping never scales up.
 *
 * <p>Book: {@code src/site/markdown/lesson5.md}, "Clipping".
 */
public final class GradientClipping implements Optimizer {
    private final double maxNorm;
    private final Optimizer optimizer;

    /** Clips to {@code maxNorm}, then steps with {@code optimizer}. */
    public GradientClipping(double maxNorm, Optimizer optimizer) {
        requireThreshold(maxNorm);
        if (optimizer == null) {
            throw new IllegalArgumentException("GradientClipping: the optimizer must not be null");
        }
        this.maxNorm = maxNorm;
        this.optimizer = optimizer;
    }

    @Override
    public void step(List<Parameter> parameters) {
        clip(parameters, maxNorm);
        optimizer.step(parameters);
    }

    /** The length of the whole gradient: the square root of the sum of every squared gradient entry. */
    public static double globalNorm(List<Parameter> parameters) {
        requireParameters(parameters);
        throw new kit.core.NotImplementedYet(5, "GradientClipping.globalNorm", "the length of the whole gradient, one number over every entry of every parameter; book: src/site/markdown/lesson5.md, \"Clipping\"");
    }

    /**
     * Scales every gradient entry by {@code maxNorm / n} if the global norm {@code n} exceeds
     * {@code maxNorm}, and leaves them untouched otherwise. Returns {@code n}, the norm before.
     */
    public static double clip(List<Parameter> parameters, double maxNorm) {
        requireParameters(parameters);
        requireThreshold(maxNorm);
        throw new kit.core.NotImplementedYet(5, "GradientClipping.clip", "scale every gradient entry so that the global norm is at most maxNorm, keeping the direction; return the norm before; book: src/site/markdown/lesson5.md, \"Clipping\"");
    }

    private static void requireThreshold(double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("GradientClipping: the threshold is " + maxNorm
                    + " but must be positive and finite");
        }
    }

    private static void requireParameters(List<Parameter> parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("GradientClipping: the parameter list must not be null");
        }
    }
}
