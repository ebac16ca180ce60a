package kit.core;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A model that computes logits and the loss that reads them, trained by mini-batch gradient descent.
 *
 * <p>Training minimises the mean loss over a mini-batch {@code B}:
 * {@code J = (1/|B|) sum_{n in B} L(model(x_n), y_n)}. For each example the loss gives
 * {@code dL/dz}, scaled by {@code 1/|B|}, and {@code model.backward} accumulates the parameter
 * gradients; the optimiser then takes one step. Examples are visited in a fresh random order each
 * epoch, drawn from the generator passed in.
 *
 * <p>Cost per epoch: one forward and one backward pass per example.
 *
 * @param <I> one input example: {@code double[]} for vectors, {@code double[][][]} for images
 */
public final class Network<I> {
    private final Layer<I, double[]> model;
    private final Loss loss;

    public Network(Layer<I, double[]> model, Loss loss) {
        if (model == null || loss == null) {
            throw new IllegalArgumentException("Network: model and loss must not be null");
        }
        this.model = model;
        this.loss = loss;
    }

    public Loss loss() {
        return loss;
    }

    public List<Parameter> parameters() {
        return model.parameters();
    }

    /** The number of trainable scalars. */
    public int parameterCount() {
        int n = 0;
        for (Parameter p : parameters()) {
            n += p.size();
        }
        return n;
    }

    public double[] logits(I x) {
        return model.forward(x);
    }

    /** The loss's reading of the logits: a probability, a distribution, a rate, a mean and sigma. */
    public double[] predict(I x) {
        return loss.predict(model.forward(x));
    }

    /** Mean loss over a data set. */
    public double meanLoss(List<I> inputs, double[][] targets) {
        requireSameSize(inputs, targets);
        double sum = 0;
        for (int n = 0; n < inputs.size(); n++) {
            sum += loss.value(model.forward(inputs.get(n)), targets[n]);
        }
        return sum / inputs.size();
    }

    /**
     * Trains for {@code epochs} passes over the data.
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
        List<Parameter> parameters = parameters();
        double[] history = new double[training.epochs()];
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            shuffle(order, rng);
            double total = 0;
            for (int start = 0; start < n; start += training.batchSize()) {
                int end = Math.min(n, start + training.batchSize());
                for (Parameter p : parameters) {
                    p.zeroGrad();
                }
                for (int k = start; k < end; k++) {
                    total += accumulate(inputs.get(order[k]), targets[order[k]], 1.0 / (end - start));
                }
                optimizer.step(parameters);
            }
            history[epoch] = total / n;
        }
        return history;
    }

    /** One forward and backward pass; returns the example's loss. */
    private double accumulate(I x, double[] y, double weight) {
        double[] z = model.forward(x);
        double[] g = loss.gradient(z, y);
        for (int i = 0; i < g.length; i++) {
            g[i] *= weight;
        }
        model.backward(g);
        return loss.value(z, y);
    }

    private static void shuffle(int[] order, RandomGenerator rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
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
