package kit.lesson5;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.random.RandomGenerator;

import kit.core.Layer;
import kit.core.Optimizer;
import kit.core.Parameter;
import kit.core.Pass;
import kit.core.Permutations;
import kit.core.RowWise;
import kit.lesson1.Linear;
import kit.lesson1.Sgd;
import kit.lesson2.SoftmaxCrossEntropy;

/**
 * A demo, not graded: a character-level language model, an {@link RNN} with a head at every step,
 * trained on a short text by backpropagation through time and then sampled one character at a time.
 *
 * <p>Forward over a chunk {@code c_0 .. c_T}: {@code x_t} is {@code c_t} one-hot,
 * {@code h_t = tanh(W_xh x_t + W_hh h_{t-1} + b)} from {@code h_{-1} = 0}, and the logits
 * {@code z_t = W h_t + c} predict {@code c_{t+1}} under softmax cross-entropy. The chunk's loss is the
 * mean over its {@code T} steps; one backward pass through time gives its gradient, which is clipped
 * (global norm) before each SGD step, as in the original course.
 *
 * <p>Shapes: {@code V} distinct characters, {@code H} units: {@code H (V + H + 1) + (H + 1) V}
 * parameters. Cost per character: about {@code 3 H (V + H) + 3 H V} multiply-adds.
 *
 * <p>Run it on your code from the playground: {@code ./mvnw -q compile -Dplay=Lesson5 -Dplay.args="text"}.
 *
 * <p>Book: {@code src/site/markdown/lesson5.md}, "Things to try".
 */
public final class TextDemo {
    /** The opening of Lewis Carroll's Alice's Adventures in Wonderland (1865), in the public domain. */
    public static final String ALICE = """
            Alice was beginning to get very tired of sitting by her sister on the bank, and of having nothing \
            to do: once or twice she had peeped into the book her sister was reading, but it had no pictures \
            or conversations in it, "and what is the use of a book," thought Alice "without pictures or \
            conversations?" So she was considering in her own mind (as well as she could, for the hot day made \
            her feel very sleepy and stupid), whether the pleasure of making a daisy-chain would be worth the \
            trouble of getting up and picking the daisies, when suddenly a White Rabbit with pink eyes ran close \
            by her. There was nothing so very remarkable in that; nor did Alice think it so very much out of the \
            way to hear the Rabbit say to itself, "Oh dear! Oh dear! I shall be late!" (when she thought it over \
            afterwards, it occurred to her that she ought to have wondered at this, but at the time it all seemed \
            quite natural); but when the Rabbit actually took a watch out of its waistcoat-pocket, and looked at \
            it, and then hurried on, Alice started to her feet, for it flashed across her mind that she had never \
            before seen a rabbit with either a waistcoat-pocket, or a watch to take out of it, and burning with \
            curiosity, she ran across the field after it, and fortunately was just in time to see it pop down a \
            large rabbit-hole under the hedge.""";

    private final String text;
    private final String alphabet;     // the distinct characters, in order
    private final RNNCell cell;
    private final Linear head;
    private final Layer<double[][], double[][]> model;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();

    /** A model of {@code text} with {@code hidden} units; weights drawn from {@code rng}. */
    public TextDemo(String text, int hidden, RandomGenerator rng) {
        if (text == null || text.length() < 2) {
            throw new IllegalArgumentException("TextDemo: the text must have at least 2 characters");
        }
        this.text = text;
        this.alphabet = text.chars().distinct().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        this.cell = new RNNCell(alphabet.length(), hidden, rng);
        this.head = new Linear(hidden, alphabet.length(), rng);
        this.model = new RNN(cell).then(new RowWise(head));
    }

    /** The number of distinct characters, {@code V}. */
    public int vocabulary() {
        return alphabet.length();
    }

    /**
     * One pass over the text in chunks of {@code length + 1} characters (overlapping by one), in a
     * random order; returns the mean loss per character, in nats.
     */
    public double trainEpoch(int length, Optimizer optimizer, RandomGenerator rng) {
        int chunks = length < 1 ? 0 : (text.length() - 1) / length;
        if (chunks < 1) {
            throw new IllegalArgumentException("TextDemo.trainEpoch: chunks of " + length + " do not fit a text of "
                    + text.length() + " characters");
        }
        int[] order = new int[chunks];
        for (int i = 0; i < chunks; i++) {
            order[i] = i;
        }
        Permutations.shuffle(order, rng);
        List<Parameter> parameters = model.parameters();
        double total = 0;
        for (int chunk : order) {
            int start = chunk * length;
            double[][] xs = new double[length][];
            for (int t = 0; t < length; t++) {
                xs[t] = oneHot(text.charAt(start + t));
            }
            Pass<double[][], double[][]> pass = model.forward(xs);
            double[][] z = pass.output();
            double[][] g = new double[length][];
            for (int t = 0; t < length; t++) {
                double[] target = oneHot(text.charAt(start + t + 1));
                total += loss.value(z[t], target);
                g[t] = loss.gradient(z[t], target);
                for (int v = 0; v < g[t].length; v++) {
                    g[t][v] /= length;
                }
            }
            for (Parameter p : parameters) {
                p.zeroGrad();
            }
            pass.backward(g);
            optimizer.step(parameters);
        }
        return total / (chunks * length);
    }

    /** {@code count} characters drawn one at a time after {@code prompt}, each fed back in. */
    public String sample(String prompt, int count, RandomGenerator rng) {
        if (prompt == null || prompt.isEmpty() || prompt.chars().anyMatch(c -> alphabet.indexOf(c) < 0)) {
            throw new IllegalArgumentException("TextDemo.sample: the prompt must be non-empty and use only the "
                    + "text's characters");
        }
        double[] h = new double[cell.hiddenSize()];
        StringBuilder out = new StringBuilder(prompt);
        for (int i = 0; i < prompt.length() - 1; i++) {
            h = cell.step(oneHot(prompt.charAt(i)), h);
        }
        char c = prompt.charAt(prompt.length() - 1);
        for (int i = 0; i < count; i++) {
            h = cell.step(oneHot(c), h);
            double[] p = loss.predict(head.forward(h).output());
            double u = rng.nextDouble();
            int v = 0;
            while (v < p.length - 1 && u >= p[v]) {
                u -= p[v];
                v++;
            }
            c = alphabet.charAt(v);
            out.append(c);
        }
        return out.toString();
    }

    private double[] oneHot(char c) {
        return SoftmaxCrossEntropy.oneHot(alphabet.indexOf(c), alphabet.length());
    }

    /**
     * Trains on {@link #ALICE} (64 units, chunks of 32, learning rate 0.05, clipping at 5, 300 epochs) and
     * prints samples. The original course's learning rate, 0.5, diverges on a text this short; at 0.05 the
     * model learns the passage nearly by heart (about 0.1 nats a character), which is all 1,326 characters
     * can teach.
     */
    public static void main(String[] args) {
        Random rng = new Random(0);
        TextDemo demo = new TextDemo(ALICE, 64, rng);
        Optimizer optimizer = new GradientClipping(5, new Sgd(0.05));
        System.out.printf(Locale.ROOT, "%d characters, %d distinct; uniform guessing costs %.2f nats a character%n",
                ALICE.length(), demo.vocabulary(), Math.log(demo.vocabulary()));
        for (int epoch = 1; epoch <= 300; epoch++) {
            double nats = demo.trainEpoch(32, optimizer, rng);
            if (epoch % 50 == 0 || epoch == 1) {
                System.out.printf(Locale.ROOT, "epoch %3d: %.3f nats a character; sample: %s%n", epoch, nats,
                        demo.sample("Alice ", 60, rng).replace('\n', ' '));
            }
        }
    }
}
