package kit.lesson3;

/**
 * The four classes of the shapes task: 3 x 3 templates of three pixels each, one per orientation of
 * a short line. Every template has the same number of lit pixels, so no class can be told from the
 * others by brightness alone; only the arrangement of the pixels tells them apart.
 *
 * <p>Book: {@code src/site/markdown/lesson3.md}, "The shapes task".
 */
public enum Template {
    VERTICAL_BAR("""
            .#.
            .#.
            .#.
            """),
    HORIZONTAL_BAR("""
            ...
            ###
            ...
            """),
    DIAGONAL("""
            #..
            .#.
            ..#
            """),
    ANTI_DIAGONAL("""
            ..#
            .#.
            #..
            """);

    /** The side of every template. */
    public static final int SIZE = 3;

    private final double[][] pixels;  // 3 x 3, 1 where the template is lit

    Template(String picture) {
        String[] rows = picture.split("\n");
        pixels = new double[SIZE][SIZE];
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                pixels[i][j] = rows[i].charAt(j) == '#' ? 1 : 0;
            }
        }
    }

    /** The template's pixels, {@code 3 x 3}; a new array each call. */
    public double[][] pixels() {
        double[][] copy = new double[SIZE][];
        for (int i = 0; i < SIZE; i++) {
            copy[i] = pixels[i].clone();
        }
        return copy;
    }

    /** A one-channel {@code 1 x size x size} canvas of zeros with this template's top-left corner at (row, col). */
    public double[][][] drawAt(int size, int row, int col) {
        if (row < 0 || col < 0 || row + SIZE > size || col + SIZE > size) {
            throw new IllegalArgumentException("Template.drawAt: a " + SIZE + " x " + SIZE + " template at (" + row
                    + ", " + col + ") does not fit a " + size + " x " + size + " canvas");
        }
        double[][][] image = new double[1][size][size];
        for (int i = 0; i < SIZE; i++) {
            System.arraycopy(pixels[i], 0, image[0][row + i], col, SIZE);
        }
        return image;
    }
}
