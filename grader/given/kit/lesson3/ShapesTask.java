package kit.lesson3;

import java.util.ArrayList;
import java.util.List;

/**
 * The shapes task with positions held out: every {@link Template} at every position on a
 * {@code 12 x 12} canvas, split by position so that the test set holds only positions the
 * training set never shows.
 *
 * <p>A template's top-left corner can sit at rows and columns {@code 0 .. 9}: 100 positions, 400
 * images. Training gets the positions whose row and column add up to a multiple of 4,
 * {@code (row + col) % 4 == 0} (25 positions, a quarter, on diagonals that cover the canvas: 100
 * images); the test set gets the other 75 positions (300 images). The split is fixed, so every
 * run and every seed sees the same data.
 *
 * <p>Book: {@code src/site/markdown/lesson3.md}, "The shapes task".
 */
public final class ShapesTask {
    /** The side of the canvas. */
    public static final int CANVAS = 12;
    /** The number of positions along each axis where a template fits. */
    public static final int POSITIONS_PER_SIDE = CANVAS - Template.SIZE + 1;
    /** The number of classes, one per template. */
    public static final int CLASSES = Template.values().length;

    private ShapesTask() {
    }

    /** Whether the training set shows the templates with their top-left corner at (row, col). */
    public static boolean seenInTraining(int row, int col) {
        return (row + col) % 4 == 0;
    }

    /** Every template at every training position: 100 images. */
    public static LabelledImages train() {
        return images(true);
    }

    /** Every template at every position the training set never shows: 300 images. */
    public static LabelledImages test() {
        return images(false);
    }

    private static LabelledImages images(boolean training) {
        List<double[][][]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int row = 0; row < POSITIONS_PER_SIDE; row++) {
            for (int col = 0; col < POSITIONS_PER_SIDE; col++) {
                if (seenInTraining(row, col) != training) {
                    continue;
                }
                for (Template t : Template.values()) {
                    images.add(t.drawAt(CANVAS, row, col));
                    labels.add(t.ordinal());
                }
            }
        }
        return new LabelledImages(images, labels.stream().mapToInt(Integer::intValue).toArray(), CLASSES);
    }
}
