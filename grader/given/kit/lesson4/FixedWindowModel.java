package kit.lesson4;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import kit.core.Layer;
import kit.core.Network;
import kit.core.Optimizer;
import kit.core.Training;
import kit.lesson1.Linear;
import kit.lesson1.Tanh;
import kit.lesson2.SoftmaxCrossEntropy;

/**
 * The fixed-window (Bengio-style) language model: embed the last {@code N} tokens, lay them side by
 * side, and predict the next token with a one-hidden-layer network.
 *
 * <p>Forward, for the window {@code x} ({@code N} one-hot rows): {@code e = concat(x E)},
 * {@code h = tanh(W1 e + b1)} ({@code n_h} hidden units), {@code z = W2 h + b2}, read by softmax
 * cross-entropy: {@code p(next = v) = softmax(z)[v]}. Backward is the chain of the layers' own backward passes:
 * {@link Embedding}, {@link WindowConcat}, Lesson 1's {@link Linear} and {@link Tanh}, with
 * {@code dL/dz = p - y} from Lesson 2's {@link SoftmaxCrossEntropy}.
 *
 * <p>Shapes: a window is {@code N x V}; the logits have length {@code V}. Parameters:
 * {@code V d} (the table) {@code + (N d + 1) n_h} (the hidden layer) {@code + (n_h + 1) V} (the output).
 * Cost per window: about {@code N d n_h + n_h V} multiply-adds forward, and twice that backward.
 * Each slot has its own block of {@code W1}, so the model knows where in the window a token sits;
 * it knows nothing older than {@code N} tokens.
 *
 * <p>Book: {@code src/site/markdown/lesson4.md}, "The model".
 */
public final class FixedWindowModel {
    private final int vocabulary;
    private final int window;
    private final int dim;
    private final Linear hidden;
    private final Layer<double[][], double[]> layer;
    private final Network<double[][]> network;

    /**
     * A model over {@code vocabulary} tokens that reads the last {@code window} of them, each embedded in
     * {@code embedding} numbers, through {@code hidden} tanh units; weights drawn from {@code rng}.
     */
    public FixedWindowModel(int vocabulary, int window, int embedding, int hidden, RandomGenerator rng) {
        if (vocabulary < 2 || window < 1 || embedding < 1 || hidden < 1) {
            throw new IllegalArgumentException("FixedWindowModel: vocabulary = " + vocabulary + " (at least 2), "
                    + "window = " + window + ", embedding = " + embedding + " and hidden = " + hidden
                    + " (each at least 1)");
        }
        this.vocabulary = vocabulary;
        this.window = window;
        this.dim = embedding;
        this.hidden = new Linear(window * embedding, hidden, rng);
        this.layer = new Embedding(vocabulary, embedding, rng).then(new WindowConcat(window, embedding))
                .then(this.hidden).then(new Tanh<>()).then(new Linear(hidden, vocabulary, rng));
        this.network = new Network<>(layer, new SoftmaxCrossEntropy());
    }

    /** The model as one layer: a window ({@code N x V}, one-hot rows) in, {@code V} logits out. */
    public Layer<double[][], double[]> layer() {
        return layer;
    }

    /** The model with its loss, softmax cross-entropy. */
    public Network<double[][]> network() {
        return network;
    }

    /** {@code N}, the number of tokens the model reads. */
    public int window() {
        return window;
    }

    /** The number of trainable scalars: {@code V d + (N d + 1) n_h + (n_h + 1) V}. */
    public int parameterCount() {
        return network.parameterCount();
    }

    /**
     * Trains on every window of {@code stream}: predict {@code stream[t]} from
     * {@code stream[t-N .. t-1]}, for {@code t = N .. length-1}.
     *
     * @return the mean training loss of each epoch, in nats
     */
    public double[] train(int[] stream, Training training, Optimizer optimizer, RandomGenerator rng) {
        List<double[][]> inputs = windows(stream);
        return network.fit(inputs, targets(stream), training, optimizer, rng);
    }

    /** The mean loss over every window of {@code stream}, in nats: on a held-out stream, the held-out loss. */
    public double loss(int[] stream) {
        return network.meanLoss(windows(stream), targets(stream));
    }

    /** The predicted distribution of the token after {@code context}, read from its last {@code N} tokens. */
    public double[] predict(int[] context) {
        requireTokens("FixedWindowModel.predict context", context, window);
        return network.predict(oneHotWindow(context, context.length, window, vocabulary));
    }

    /**
     * For each slot {@code i} (0 the oldest), the size of the hidden layer's weights that read it:
     * {@code sqrt(sum_o sum_j W1[o][i d + j]^2)}. A slot the model has learned to ignore has small weights.
     */
    public double[] slotNorms() {
        double[] norms = new double[window];
        for (double[] row : hidden.weights()) {
            for (int i = 0; i < window; i++) {
                for (int j = 0; j < dim; j++) {
                    norms[i] += row[i * dim + j] * row[i * dim + j];
                }
            }
        }
        for (int i = 0; i < window; i++) {
            norms[i] = Math.sqrt(norms[i]);
        }
        return norms;
    }

    /** The window that ends before {@code stream[end]}: {@code size} one-hot rows of length {@code vocabulary}. */
    public static double[][] oneHotWindow(int[] stream, int end, int size, int vocabulary) {
        if (end < size || end > stream.length) {
            throw new IllegalArgumentException("FixedWindowModel.oneHotWindow: a window of " + size + " ending before "
                    + end + " does not fit a stream of length " + stream.length);
        }
        double[][] x = new double[size][];
        for (int i = 0; i < size; i++) {
            x[i] = SoftmaxCrossEntropy.oneHot(stream[end - size + i], vocabulary);
        }
        return x;
    }

    private List<double[][]> windows(int[] stream) {
        requireTokens("FixedWindowModel: the stream", stream, window + 1);
        List<double[][]> inputs = new ArrayList<>(stream.length - window);
        for (int t = window; t < stream.length; t++) {
            inputs.add(oneHotWindow(stream, t, window, vocabulary));
        }
        return inputs;
    }

    private double[][] targets(int[] stream) {
        double[][] y = new double[stream.length - window][];
        for (int t = window; t < stream.length; t++) {
            y[t - window] = SoftmaxCrossEntropy.oneHot(stream[t], vocabulary);
        }
        return y;
    }

    private void requireTokens(String what, int[] stream, int minLength) {
        if (stream == null || stream.length < minLength) {
            throw new IllegalArgumentException(what + " has " + (stream == null ? "no" : stream.length)
                    + " tokens but needs at least " + minLength + " (window N = " + window + ")");
        }
        for (int t = 0; t < stream.length; t++) {
            if (stream[t] < 0 || stream[t] >= vocabulary) {
                throw new IllegalArgumentException(what + ": token " + stream[t] + " at position " + t
                        + " is not in 0.." + (vocabulary - 1));
            }
        }
    }
}
