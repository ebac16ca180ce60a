package kit.lesson5;

import java.util.List;
import java.util.random.RandomGenerator;

import kit.core.Layer;
import kit.core.Network;
import kit.core.Optimizer;
import kit.core.Training;
import kit.lesson1.Linear;
import kit.lesson2.SoftmaxCrossEntropy;

/**
 * A recurrent classifier that answers once, at the end of a sequence: an {@link RNN} over the
 * sequence, its last state, a linear head, softmax cross-entropy.
 *
 * <p>Forward: {@code h_t = tanh(W_xh x_t + W_hh h_{t-1} + b)} from {@code h_{-1} = 0}, then
 * {@code z = W h_{T-1} + c}, read as {@code p(class) = softmax(z)}. Backward: the loss reaches the
 * head and the last state only; every earlier state receives its gradient through the recurrence.
 *
 * <p>Shapes: a sequence {@code T x in}, {@code classes} logits. Parameters:
 * {@code hidden (in + hidden + 1) + (hidden + 1) classes}; the cell's weights are drawn first, then the
 * head's (Glorot), from the generator passed in.
 *
 * <p>Book: {@code src/site/markdown/lesson5.md}, "Experiment 2: delayed recall".
 */
public final class SequenceClassifier {
    private final RNNCell cell;
    private final Network<double[][]> network;

    public SequenceClassifier(int in, int hidden, int classes, RandomGenerator rng) {
        this.cell = new RNNCell(in, hidden, rng);
        Layer<double[][], double[]> model = new RNN(cell).then(new LastStep(hidden))
                .then(new Linear(hidden, classes, rng));
        this.network = new Network<>(model, new SoftmaxCrossEntropy());
    }

    public RNNCell cell() {
        return cell;
    }

    public Network<double[][]> network() {
        return network;
    }

    /** Trains on the sequences; returns the mean training loss of each epoch. */
    public double[] fit(List<double[][]> inputs, double[][] targets, Training training, Optimizer optimizer,
                        RandomGenerator rng) {
        return network.fit(inputs, targets, training, optimizer, rng);
    }
}
