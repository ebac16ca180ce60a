package kit.lesson6;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import kit.core.Layer;
import kit.core.Parameter;
import kit.core.Pass;
import kit.core.Rows;
import kit.core.Shapes;
import kit.lesson1.Linear;

/**
 * A small transformer that reads a sequence and answers at its last position: embeddings, a stack
 * of {@link Block}s, a {@link LayerNorm} of the last row and a linear readout to the logits.
 *
 * <p>Forward: {@code r_0 = embed(x)}, {@code r_l = block_l(r_(l-1))} for {@code l = 1 .. L} (the
 * residual stream after each layer), {@code z = W norm(r_L[T-1]) + b}. Only the last row reaches the
 * logits, so the loss is read at the last position only.
 * <br>Backward: the readout's and the norm's backward give dL/d(last row); every other row of
 * dL/dr_L is 0; then the blocks' backward passes in reverse and the embeddings'. So the last block's
 * other rows are left unfinished after its attention's mix (the same logits and gradients, bit for
 * bit, for about a tenth less work in training).
 *
 * <p>Shapes: input {@code T x V} one-hot rows, output {@code classes} logits; the residual stream
 * is {@code T x d} at every layer. Cost: that of the blocks, {@code O(L (T d^2 + T d f + T^2 d))}.
 *
 * <p>For looking inside (Lesson 7): {@link #residualStream} returns {@code r_0 .. r_L},
 * {@link #logitsFrom} runs the model on from any layer's residual stream (so a row can be
 * overwritten first: activation patching), {@link #attentionWeights} returns one block's weights.
 *
 * <p>Book: {@code src/site/markdown/lesson6.md}, "The model".
 */
public final class Transformer implements Layer<double[][], double[]> {
    private final int vocabulary;
    private final int d;
    private final Embeddings embeddings;
    private final List<Block> blocks;
    private final LayerNorm norm;
    private final Linear readout;
    private final List<Parameter> parameters;

    /**
     * {@code depth} blocks of width {@code d} with feed-forward width {@code f}, over sequences of at
     * most {@code maxLength} tokens from a vocabulary of {@code vocabulary}, with {@code classes} logits.
     */
    public Transformer(int vocabulary, int maxLength, int d, int f, int depth, boolean causal, int classes,
                       RandomGenerator rng) {
        if (depth < 0 || classes < 1) {
            throw new IllegalArgumentException("Transformer: depth = " + depth + " must be at least 0 and classes = "
                    + classes + " at least 1");
        }
        this.vocabulary = vocabulary;
        this.d = d;
        this.embeddings = new Embeddings(vocabulary, maxLength, d, rng);
        List<Block> stack = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            stack.add(new Block(d, f, causal, rng));
        }
        this.blocks = List.copyOf(stack);
        this.norm = new LayerNorm(d);
        this.readout = new Linear(d, classes, rng);
        List<Parameter> all = new ArrayList<>();
        prefix("embeddings.", embeddings, all);
        for (int l = 0; l < depth; l++) {
            prefix("block" + (l + 1) + ".", blocks.get(l), all);
        }
        prefix("norm.", norm, all);
        prefix("readout.", readout, all);
        this.parameters = List.copyOf(all);
    }

    private static void prefix(String prefix, Layer<?, ?> layer, List<Parameter> all) {
        for (Parameter p : layer.parameters()) {
            all.add(p.renamed(prefix + p.name()));
        }
    }

    public int depth() {
        return blocks.size();
    }

    public int width() {
        return d;
    }

    /** Block {@code l}, counted from 1 like the layers of the residual stream. */
    public Block block(int l) {
        requireBlock(l);
        return blocks.get(l - 1);
    }

    public Embeddings embeddings() {
        return embeddings;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Pass<double[][], double[]> forward(double[][] x) {
        Shapes.requireSequence("Transformer.forward input", "one-hot rows, V",
                x, -1, vocabulary, "time x features");
        List<Pass<double[][], double[][]>> passes = new ArrayList<>();
        passes.add(embeddings.forward(x));
        for (int l = 0; l < blocks.size(); l++) {
            double[][] r = passes.get(passes.size() - 1).output();
            // the logits read only the last row of the last block: its other rows are left unfinished
            passes.add(blocks.get(l).forward(r, l == blocks.size() - 1 ? r.length - 1 : 0));
        }
        double[][] last = passes.get(passes.size() - 1).output();
        int rows = last.length;
        Pass<double[], double[]> n = norm.forward(last[rows - 1]);
        Pass<double[], double[]> z = readout.forward(n.output());
        return Pass.of(z.output(), g -> {
            double[][] dr = new double[rows][d];
            dr[rows - 1] = n.backward(z.backward(g));
            for (int l = passes.size() - 1; l >= 0; l--) {
                dr = passes.get(l).backward(dr);
            }
            return dr;
        });
    }

    /** The residual stream {@code r_0 .. r_L} for input {@code x}: {@code (L + 1) x T x d}, a new array. */
    public double[][][] residualStream(double[][] x) {
        Shapes.requireSequence("Transformer.residualStream input", "one-hot rows, V",
                x, -1, vocabulary, "time x features");
        double[][][] r = new double[blocks.size() + 1][][];
        r[0] = embeddings.forward(x).output();
        for (int l = 1; l <= blocks.size(); l++) {
            r[l] = blocks.get(l - 1).forward(r[l - 1]).output();
        }
        return r;
    }

    /**
     * The logits computed from residual stream {@code r} at layer {@code layer} (0 = the embeddings,
     * {@code L} = after the last block) by the blocks after it: with {@code r = residualStream(x)[layer]}
     * these are the logits of {@code x}; with one row of {@code r} replaced, those of a patched run.
     */
    public double[] logitsFrom(int layer, double[][] r) {
        if (layer < 0 || layer > blocks.size()) {
            throw new IllegalArgumentException("Transformer.logitsFrom: layer " + layer + " is not in 0.." + blocks.size());
        }
        double[][] h = Rows.copy(r);
        Shapes.requireSequence("Transformer.logitsFrom residual stream", "d", h, -1, d, "time x features");
        for (int l = layer; l < blocks.size(); l++) {
            h = blocks.get(l).forward(h).output();
        }
        return readout.affine(norm.normalize(h[h.length - 1]));
    }

    /**
     * Like {@link #logitsFrom}, but the readout applied to every row after the last block:
     * {@code T x classes}. Only the last row is the model's answer; with the causal mask row
     * {@code t} depends only on rows {@code <= t} of {@code r}.
     */
    public double[][] logitsOfEveryRowFrom(int layer, double[][] r) {
        if (layer < 0 || layer > blocks.size()) {
            throw new IllegalArgumentException("Transformer.logitsOfEveryRowFrom: layer " + layer + " is not in 0.."
                    + blocks.size());
        }
        double[][] h = Rows.copy(r);
        Shapes.requireSequence("Transformer.logitsOfEveryRowFrom residual stream", "d",
                h, -1, d, "time x features");
        for (int l = layer; l < blocks.size(); l++) {
            h = blocks.get(l).forward(h).output();
        }
        double[][] z = new double[h.length][];
        for (int t = 0; t < h.length; t++) {
            z[t] = readout.affine(norm.normalize(h[t]));
        }
        return z;
    }

    /** The attention weights of block {@code l} (from 1) on input {@code x}, {@code T x T}. */
    public double[][] attentionWeights(double[][] x, int l) {
        requireBlock(l);
        return blocks.get(l - 1).attentionWeights(residualStream(x)[l - 1]);
    }

    private void requireBlock(int l) {
        if (l < 1 || l > blocks.size()) {
            throw new IllegalArgumentException("Transformer: block " + l + " is not in 1.." + blocks.size());
        }
    }
}
