package kit.core;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A model that computes logits and the loss that reads them, trained by gradient descent.
 *
 * <p>One training step is three plain operations: {@link #zeroGradients()}, then
 * {@link #backpropagate} once per example with a weight {@code w_n}, then {@link #step}. Together
 * they descend {@code J = sum_n w_n L(model(x_n), y_n)}: {@code backpropagate} scales the loss's
 * {@code dL/dz} by {@code w_n} and runs the model's pass backward, which adds the parameter
 * gradients. {@link #fit} is mini-batch training built from them, with {@code w_n = 1/|B|}, the mean
 * over a batch; REINFORCE (Lesson 8) uses the same step with the return as the weight.
 *
 * <p>Cost per example: one forward and one backward pass.
 *
 * <p>Book: {@code src/site/markdown/lesson1.md}, "Training".
 *
 * @param <I> one input example: {@code double[]} for vectors, {@code double[][]} for sequences,
 *            {@code double[][][]} for images
 */
public final class Network<I> {
    private final Layer<I, double[]> model;
    private final Loss loss;
    private final List<Parameter> parameters;

    public Network(Layer<I, double[]> model, Loss loss) {
        if (model == null || loss == null) {
            throw new IllegalArgumentException("Network: model and loss must not be null");
        }
        this.model = model;
        this.loss = loss;
        this.parameters = List.copyOf(model.parameters());
    }

    public Loss loss() {
        return loss;
    }

    /** Every trainable parameter of the model, each once, with names unique in the model. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The number of trainable scalars. */
    public int parameterCount() {
        int n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }

    public double[] logits(I x) {
        return model.forward(x).output();
    }

    /** The loss's reading of the logits: a probability, a distribution, a rate, a mean and sigma. */
    public double[] predict(I x) {
        return loss.predict(logits(x));
    }

    /** Mean loss over a data set. */
    public double meanLoss(List<I> inputs, double[][] targets) {
        requireSameSize(inputs, targets);
        double sum = 0;
        for (int n = 0; n < inputs.size(); n++) {
            sum += loss.value(logits(inputs.get(n)), targets[n]);
        }
        return sum / inputs.size();
    }

    /** Sets every parameter's gradient to 0: the start of a training step. */
    public void zeroGradients() {
        for (Parameter p : parameters) {
            p.zeroGrad();
        }
    }

    /**
     * Adds {@code weight * dL/dtheta} for one example to the parameters' gradients.
     *
     * @return the example's loss {@code L(model(x), target)}, unweighted
     */
    public double backpropagate(I x, double[] target, double weight) {
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("Network.backpropagate: weight is " + weight + " but must be finite");
        }
        Pass<I, double[]> pass = model.forward(x);
        double[] z = pass.output();
        double[] g = loss.gradient(z, target);
        for (int i = 0; i < g.length; i++) {
            g[i] *= weight;
        }
        pass.backward(g);
        return loss.value(z, target);
    }

    /** Moves the parameters along their accumulated gradients: the end of a training step. */
    public void step(Optimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("Network.step: optimizer must not be null");
        }
        optimizer.step(parameters);
    }

    /**
     * Trains for {@code epochs} passes over the data, visiting the examples in a fresh random order
     * each epoch (drawn from {@code rng}), one step per mini-batch of the mean loss.
     *
     * @return the mean training loss of each epoch, measured on the fly before each step
     */
    public double[] fit(List<I> inputs, double[][] targets, Training training, Optimizer optimizer,
                        RandomGenerator rng) {
        requireSameSize(inputs, targets);
        int n = inputs.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] history = new double[training.epochs()];
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            Permutations.shuffle(order, rng);
            double total = 0;
            for (int start = 0; start < n; start += training.batchSize()) {
                int end = Math.min(n, start + training.batchSize());
                total += trainBatch(inputs, targets, order, start, end, optimizer);
            }
            history[epoch] = total / n;
        }
        return history;
    }

    /**
     * One step of the mean loss over the examples {@code order[start] .. order[end - 1]}: zero the
     * gradients, back-propagate each with weight {@code 1 / (end - start)}, take one optimiser step.
     *
     * @return the sum of those examples' losses, measured before the step
     */
    public double trainBatch(List<I> inputs, double[][] targets, int[] order, int start, int end,
                             Optimizer optimizer) {
        if (start < 0 || end > order.length || start >= end) {
            throw new IllegalArgumentException("Network.trainBatch: examples " + start + " .. " + (end - 1)
                    + " of an order of " + order.length);
        }
        zeroGradients();
        double total = 0;
        for (int k = start; k < end; k++) {
            total += backpropagate(inputs.get(order[k]), targets[order[k]], 1.0 / (end - start));
        }
        step(optimizer);
        return total;
    }

    private void requireSameSize(List<I> inputs, double[][] targets) {
        if (inputs == null || targets == null) {
            throw new IllegalArgumentException("Network: inputs and targets must not be null");
        }
        if (inputs.size() != targets.length) {
            throw new IllegalArgumentException("Network: " + inputs.size() + " inputs but " + targets.length
                    + " targets");
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("Network: no examples");
        }
    }
}
