package kit.lesson6;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import kit.core.Layer;
import kit.core.Parameter;
import kit.core.Pass;
import kit.core.Shapes;

/**
 * One pre-LayerNorm transformer block: attention, then a position-wise feed-forward layer, each
 * reading a normalised copy of the residual stream and adding its result back to it.
 *
 * <p>Forward: {@code u = x + attention(norm1(x))}, then {@code y = u + ffn(norm2(u))}, where
 * {@code norm1, norm2} are {@link LayerNorm}s and {@code ffn} is Lesson 1's
 * {@code Linear(d, f) -> ReLU -> Linear(f, d)} ({@link FeedForward}), both applied to every row.
 * <br>Backward, given {@code g = dL/dy} and the four branches' passes: {@code dL/dx}, through both
 * residual additions and both branches; the book derives it from what an addition does to a
 * gradient.
 *
 * <p>Shapes: input and output {@code T x d}; the feed-forward layer's hidden width is {@code f}.
 * Parameters: {@code 2 (2d)} for the norms, {@code 4 (d^2 + d)} for attention,
 * {@code 2 d f + f + d} for the feed-forward layer. Cost: that of its parts.
 *
 * <p>Book: {@code src/site/markdown/lesson6.md}, "The block and its residual adds".
 */
public final class Block implements Layer<double[][], double[][]> {
    private final int d;
    private final LayerNorm norm1;
    private final Attention attention;
    private final LayerNorm norm2;
    private final FeedForward ffn;
    private final List<Parameter> parameters;

    public Block(int d, int f, boolean causal, RandomGenerator rng) {
        if (d < 2 || f < 1) {
            throw new IllegalArgumentException("Block: d = " + d + " must be at least 2 and f = " + f + " at least 1");
        }
        this.d = d;
        this.norm1 = new LayerNorm(d);
        this.attention = new Attention(d, causal, rng);
        this.norm2 = new LayerNorm(d);
        this.ffn = new FeedForward(d, f, rng);
        List<Parameter> all = new ArrayList<>();
        prefix("norm1.", norm1, all);
        prefix("attention.", attention, all);
        prefix("norm2.", norm2, all);
        prefix("ffn.", ffn, all);
        this.parameters = List.copyOf(all);
    }

    private static void prefix(String prefix, Layer<?, ?> layer, List<Parameter> all) {
        for (Parameter p : layer.parameters()) {
            all.add(p.renamed(prefix + p.name()));
        }
    }

    public Attention attention() {
        return attention;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Pass<double[][], double[][]> forward(double[][] x) {
        return forward(x, 0);
    }

    /**
     * {@link #forward}, with the rows before {@code from} of the output left unfinished (those rows of
     * the attention's output and the feed-forward branch are left 0): for a block whose output is read
     * only from row {@code from} on, such as a transformer's last block, whose logits read its last
     * row. Its backward is then right only for a gradient that is 0 in those rows, and the same bit
     * for bit as {@link #forward}'s.
     */
    Pass<double[][], double[][]> forward(double[][] x, int from) {
        int rows = Shapes.requireSequence("Block.forward input", "d", x, -1, d, "time x features");
        Pass<double[][], double[][]> n1 = Sequences.normalize(norm1, x);
        Pass<double[][], double[][]> at = attention.forward(n1.output(), from);
        double[][] u = Sequences.add(x, at.output());
        Pass<double[][], double[][]> n2 = Sequences.normalize(norm2, u, from);
        Pass<double[][], double[][]> ff = ffn.forward(n2.output(), from);
        double[][] y = Sequences.add(u, ff.output());
        return Pass.of(y, g -> {
            Shapes.requireSequence("Block.backward dL/dy", g, rows, d, "the shape of the forward's output");
            return backward(g, n1, at, n2, ff);
        });
    }

    /** The attention weights this block's attention puts on input {@code x}, {@code T x T}. */
    public double[][] attentionWeights(double[][] x) {
        Shapes.requireSequence("Block.attentionWeights input", "d", x, -1, d, "time x features");
        return attention.weightsOf(Sequences.normalize(norm1, x).output());
    }

    /**
     * The backward of the block through its two residual adds, given {@code g = dL/dy} and the
     * passes of its four branches (each pass's {@code backward} maps dL/d(its output) to dL/d(its
     * input)): returns dL/dx, a new {@code T x d} array.
     */
    public static double[][] backward(double[][] g, Pass<double[][], double[][]> norm1,
                                      Pass<double[][], double[][]> attention, Pass<double[][], double[][]> norm2,
                                      Pass<double[][], double[][]> ffn) {
        throw new kit.core.NotImplementedYet(6, "Block.backward", "dL/dx (a new T x d array) of the block y = u + ffn(norm2(u)), u = x + attention(norm1(x)), given g = dL/dy (T x d) and the four branches' passes; book: src/site/markdown/lesson6.md, \"The block and its residual adds\"");
    }
}
