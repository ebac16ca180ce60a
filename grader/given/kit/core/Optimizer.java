package kit.core;

import java.util.List;

/** Updates parameters from their accumulated gradients; {@link Network#fit} calls it once per mini-batch. */
public interface Optimizer {

    /** Moves every parameter using its gradient. Does not clear the gradients. */
    void step(List<Parameter> parameters);
}
