package kit.lesson3;

import java.util.ArrayList;
import java.util.List;

import kit.core.Network;

/**
 * Images with class labels: the inputs, the one-hot targets a softmax cross-entropy trains on,
 * and the accuracy of a network's largest logit.
 *
 * <p>Book: {@code src/site/markdown/lesson3.md}, "The shapes task".
 */
public final class LabelledImages {
    private final List<double[][][]> images;  // n images, each channels x height x width
    private final int[] labels;               // n, each in 0 .. classes-1
    private final int classes;

    LabelledImages(List<double[][][]> images, int[] labels, int classes) {
        if (images.size() != labels.length) {
            throw new IllegalArgumentException("LabelledImages: " + images.size() + " images but "
                    + labels.length + " labels");
        }
        this.images = List.copyOf(images);
        this.labels = labels.clone();
        this.classes = classes;
    }

    public int size() {
        return labels.length;
    }

    /** The images, in a fixed order; the list is read-only and the arrays are shared, so do not write to them. */
    public List<double[][][]> images() {
        return images;
    }

    /** The class of image {@code n}. */
    public int label(int n) {
        return labels[n];
    }

    /** One-hot targets, {@code n x classes}; a new array each call. */
    public double[][] targets() {
        double[][] t = new double[labels.length][classes];
        for (int n = 0; n < labels.length; n++) {
            t[n][labels[n]] = 1;
        }
        return t;
    }

    /** The same images with one permutation applied to the pixels of every image, and the same labels. */
    public LabelledImages permuted(PixelPermutation permutation) {
        List<double[][][]> moved = new ArrayList<>(images.size());
        for (double[][][] image : images) {
            moved.add(permutation.apply(image));
        }
        return new LabelledImages(moved, labels, classes);
    }

    /** The fraction of images whose largest logit is at their label (the first of equal logits wins). */
    public double accuracy(Network<double[][][]> network) {
        int correct = 0;
        for (int n = 0; n < labels.length; n++) {
            if (argmax(network.logits(images.get(n))) == labels[n]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    /** The index of the largest entry; the first of equal entries. */
    public static int argmax(double[] z) {
        int best = 0;
        for (int i = 1; i < z.length; i++) {
            if (z[i] > z[best]) {
                best = i;
            }
        }
        return best;
    }
}
