package kit.lesson3;

import java.util.ArrayList;
import java.util.List;

/**
 * One class of the shapes task: a {@code 3 x 3} patch with three lit pixels. Every template has
 * the same number of lit pixels, so no class can be told from the others by brightness alone;
 * only the arrangement of the pixels tells them apart.
 *
 * <p>The book's four ({@link #book()}) are the orientations of a short line: a vertical bar, a
 * horizontal bar and the two diagonals. The grader draws its four from {@link #strokes()}, every
 * stroke of three pixels in the patch (each lit pixel touching another, by a side or a corner) that
 * differs from the others by more than a shift.
 *
 * <p>Book: {@code src/site/markdown/lesson3.md}, "The shapes task".
 */
public final class Template {
    /** The side of every template. */
    public static final int SIZE = 3;
    /** The number of lit pixels of every template. */
    public static final int LIT = 3;

    public static final Template VERTICAL_BAR = of("vertical bar", """
            .#.
            .#.
            .#.
            """);
    public static final Template HORIZONTAL_BAR = of("horizontal bar", """
            ...
            ###
            ...
            """);
    public static final Template DIAGONAL = of("diagonal", """
            #..
            .#.
            ..#
            """);
    public static final Template ANTI_DIAGONAL = of("anti-diagonal", """
            ..#
            .#.
            #..
            """);

    private final String name;
    private final boolean[][] lit;  // 3 x 3, true where the template is lit

    private Template(String name, boolean[][] lit) {
        this.name = name;
        this.lit = lit;
    }

    /** A template from a picture of three rows of three characters, {@code #} lit and {@code .} dark. */
    public static Template of(String name, String picture) {
        String[] rows = picture.strip().split("\n");
        boolean[][] lit = new boolean[SIZE][SIZE];
        int count = 0;
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                lit[i][j] = i < rows.length && j < rows[i].length() && rows[i].charAt(j) == '#';
                count += lit[i][j] ? 1 : 0;
            }
        }
        if (rows.length != SIZE || count != LIT) {
            throw new IllegalArgumentException("Template " + name + ": a picture of " + SIZE + " rows with " + LIT
                    + " lit pixels ('#') expected, got " + rows.length + " rows with " + count + " lit:\n" + picture);
        }
        return new Template(name, lit);
    }

    /** The book's four classes: vertical bar, horizontal bar, diagonal, anti-diagonal, in that order. */
    public static List<Template> book() {
        return List.of(VERTICAL_BAR, HORIZONTAL_BAR, DIAGONAL, ANTI_DIAGONAL);
    }

    /**
     * Every stroke of three lit pixels in the patch, once up to a shift: three pixels of which at least
     * two pairs touch (by a side or a corner), so that one can be drawn without lifting the pen. Each is
     * pushed into the top-left corner of the patch (its topmost pixel in row 0, its leftmost in column 0).
     * There are 20: two bars, two diagonals, four corners of a 2 x 2 square, six bent lines across
     * 2 x 3 and six across 3 x 2. Named by their rows, such as {@code "##./..#/..."}.
     */
    public static List<Template> strokes() {
        List<Template> shapes = new ArrayList<>();
        for (int mask = 0; mask < 1 << (SIZE * SIZE); mask++) {
            if (Integer.bitCount(mask) != LIT) {
                continue;
            }
            boolean[][] lit = new boolean[SIZE][SIZE];
            int[] litPixels = new int[LIT];
            int n = 0;
            for (int p = 0; p < SIZE * SIZE; p++) {
                lit[p / SIZE][p % SIZE] = (mask >> p & 1) == 1;
                if (lit[p / SIZE][p % SIZE]) {
                    litPixels[n++] = p;
                }
            }
            int touching = 0;
            for (int a = 0; a < LIT; a++) {
                for (int b = a + 1; b < LIT; b++) {
                    touching += touch(litPixels[a], litPixels[b]) ? 1 : 0;
                }
            }
            boolean inTheCorner = litPixels[0] / SIZE == 0 && (litPixels[0] % SIZE == 0 || litPixels[1] % SIZE == 0
                    || litPixels[2] % SIZE == 0);
            if (touching >= 2 && inTheCorner) {
                shapes.add(new Template(rows(lit), lit));
            }
        }
        return shapes;
    }

    /** Whether the two templates light the same arrangement of pixels, perhaps shifted within the patch. */
    public boolean sameShapeAs(Template other) {
        return rows(corner(lit)).equals(rows(corner(other.lit)));
    }

    public String name() {
        return name;
    }

    /** The template's pixels, {@code 3 x 3}, 1 where lit; a new array each call. */
    public double[][] pixels() {
        double[][] pixels = new double[SIZE][SIZE];
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                pixels[i][j] = lit[i][j] ? 1 : 0;
            }
        }
        return pixels;
    }

    /** A one-channel {@code 1 x size x size} canvas of zeros with this template's top-left corner at (row, col). */
    public double[][][] drawAt(int size, int row, int col) {
        if (row < 0 || col < 0 || row + SIZE > size || col + SIZE > size) {
            throw new IllegalArgumentException("Template.drawAt: a " + SIZE + " x " + SIZE + " template at (" + row
                    + ", " + col + ") does not fit a " + size + " x " + size + " canvas");
        }
        double[][][] image = new double[1][size][size];
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                image[0][row + i][col + j] = lit[i][j] ? 1 : 0;
            }
        }
        return image;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Whether pixels {@code a} and {@code b} (counted row by row) share a side or a corner. */
    private static boolean touch(int a, int b) {
        return Math.abs(a / SIZE - b / SIZE) <= 1 && Math.abs(a % SIZE - b % SIZE) <= 1;
    }

    /** The same pixels shifted up and left until a lit pixel touches row 0 and one touches column 0. */
    private static boolean[][] corner(boolean[][] lit) {
        int top = SIZE;
        int left = SIZE;
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                if (lit[i][j]) {
                    top = Math.min(top, i);
                    left = Math.min(left, j);
                }
            }
        }
        boolean[][] moved = new boolean[SIZE][SIZE];
        for (int i = top; i < SIZE; i++) {
            for (int j = left; j < SIZE; j++) {
                moved[i - top][j - left] = lit[i][j];
            }
        }
        return moved;
    }

    /** The rows as text, {@code #} lit and {@code .} dark, separated by {@code /}. */
    private static String rows(boolean[][] lit) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < SIZE; i++) {
            s.append(i == 0 ? "" : "/");
            for (int j = 0; j < SIZE; j++) {
                s.append(lit[i][j] ? '#' : '.');
            }
        }
        return s.toString();
    }
}
