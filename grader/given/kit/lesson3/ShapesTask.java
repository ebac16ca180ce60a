package kit.lesson3;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The shapes task with positions held out: four {@link Template}s, each at every position on a
 * {@code 12 x 12} canvas, split by position so that the test set holds only positions the training
 * set never shows.
 *
 * <p>A template's top-left corner can sit at rows and columns {@code 0 .. 9}: 100 positions, 400
 * images. Training gets 25 positions (100 images), the test set the other 75 (300 images).
 * <ul>
 *   <li>{@link #original()}, the book's task: the four bars ({@link Template#book()}); training gets
 *       the positions whose row and column add up to a multiple of 4, {@code (row + col) % 4 == 0},
 *       on diagonals that cover the canvas. The same data on every run.</li>
 *   <li>{@link #drawn}, the grader's: four templates drawn from {@link Template#strokes()},
 *       no two the same shape, and 25 training positions drawn at random until every row and every
 *       column of positions has one. No answer can be written for it in advance.</li>
 * </ul>
 *
 * <p>Book: {@code src/site/markdown/lesson3.md}, "The shapes task".
 */
public final class ShapesTask {
    /** The side of the canvas. */
    public static final int CANVAS = 12;
    /** The number of positions along each axis where a template fits. */
    public static final int POSITIONS_PER_SIDE = CANVAS - Template.SIZE + 1;
    /** The number of classes, one per template. */
    public static final int CLASSES = 4;
    /** The number of positions the training set shows. */
    public static final int TRAINING_POSITIONS = 25;

    private final List<Template> templates;   // CLASSES, class c is templates.get(c)
    private final boolean[][] seen;           // POSITIONS_PER_SIDE x POSITIONS_PER_SIDE, true for training

    private ShapesTask(List<Template> templates, boolean[][] seen) {
        this.templates = List.copyOf(templates);
        this.seen = seen;
    }

    /** The book's task: the four bars, trained at the 25 positions with {@code (row + col) % 4 == 0}. */
    public static ShapesTask original() {
        boolean[][] seen = new boolean[POSITIONS_PER_SIDE][POSITIONS_PER_SIDE];
        for (int row = 0; row < POSITIONS_PER_SIDE; row++) {
            for (int col = 0; col < POSITIONS_PER_SIDE; col++) {
                seen[row][col] = (row + col) % 4 == 0;
            }
        }
        return new ShapesTask(Template.book(), seen);
    }

    /**
     * A task drawn from {@code rng}: four different shapes of {@link Template#strokes()} in a
     * random order, and 25 of the 100 positions for training, drawn uniformly again until every row
     * and every column of positions holds at least one of them.
     */
    public static ShapesTask drawn(RandomGenerator rng) {
        List<Template> shapes = new ArrayList<>(Template.strokes());
        List<Template> chosen = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            chosen.add(shapes.remove(rng.nextInt(shapes.size())));
        }
        int positions = POSITIONS_PER_SIDE * POSITIONS_PER_SIDE;
        while (true) {
            int[] order = new int[positions];
            for (int p = 0; p < positions; p++) {
                order[p] = p;
            }
            boolean[][] seen = new boolean[POSITIONS_PER_SIDE][POSITIONS_PER_SIDE];
            for (int k = 0; k < TRAINING_POSITIONS; k++) {
                int j = k + rng.nextInt(positions - k);
                int swap = order[k];
                order[k] = order[j];
                order[j] = swap;
                seen[order[k] / POSITIONS_PER_SIDE][order[k] % POSITIONS_PER_SIDE] = true;
            }
            if (coversEveryRowAndColumn(seen)) {
                return new ShapesTask(chosen, seen);
            }
        }
    }

    /** The templates, class {@code c} first at index {@code c}. */
    public List<Template> templates() {
        return templates;
    }

    /** Whether the training set shows the templates with their top-left corner at (row, col). */
    public boolean seenInTraining(int row, int col) {
        if (row < 0 || col < 0 || row >= POSITIONS_PER_SIDE || col >= POSITIONS_PER_SIDE) {
            throw new IllegalArgumentException("ShapesTask.seenInTraining: (" + row + ", " + col
                    + ") is not a position; rows and columns run 0.." + (POSITIONS_PER_SIDE - 1));
        }
        return seen[row][col];
    }

    /** Every template at every training position: 100 images. */
    public LabelledImages train() {
        return images(true);
    }

    /** Every template at every position the training set never shows: 300 images. */
    public LabelledImages test() {
        return images(false);
    }

    /** The templates by name, such as {@code "vertical bar, horizontal bar, diagonal, anti-diagonal"}. */
    @Override
    public String toString() {
        return String.join(", ", templates.stream().map(Template::name).toList());
    }

    private LabelledImages images(boolean training) {
        List<double[][][]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int row = 0; row < POSITIONS_PER_SIDE; row++) {
            for (int col = 0; col < POSITIONS_PER_SIDE; col++) {
                if (seen[row][col] != training) {
                    continue;
                }
                for (int c = 0; c < CLASSES; c++) {
                    images.add(templates.get(c).drawAt(CANVAS, row, col));
                    labels.add(c);
                }
            }
        }
        return new LabelledImages(images, labels.stream().mapToInt(Integer::intValue).toArray(), CLASSES);
    }

    private static boolean coversEveryRowAndColumn(boolean[][] seen) {
        for (int i = 0; i < POSITIONS_PER_SIDE; i++) {
            boolean row = false;
            boolean col = false;
            for (int j = 0; j < POSITIONS_PER_SIDE; j++) {
                row |= seen[i][j];
                col |= seen[j][i];
            }
            if (!row || !col) {
                return false;
            }
        }
        return true;
    }
}
