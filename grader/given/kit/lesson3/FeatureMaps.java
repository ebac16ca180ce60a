package kit.lesson3;

import kit.core.Shapes;

/** Checks and copies shared by the layers that read feature maps ({@code channels x height x width}). */
final class FeatureMaps {
    private FeatureMaps() {
    }

    /**
     * Requires a rectangular image with {@code channels} channels (any number if negative) and both
     * sides at least {@code minSide}; returns its shape {@code {channels, height, width}}.
     */
    static int[] requireImage(String what, double[][][] x, int channels, int minSide) {
        int[] shape = Shapes.shapeOf(x);
        boolean fits = shape[0] >= 1 && shape[1] >= minSide && shape[2] >= minSide
                && (channels < 0 || shape[0] == channels);
        if (!fits) {
            String expected = (channels < 0 ? "C" : String.valueOf(channels)) + " x H x W with "
                    + (channels < 0 ? "C >= 1, " : "") + "H, W >= " + minSide;
            throw new IllegalArgumentException(what + " has shape " + Shapes.describe(shape)
                    + " but expected " + expected + " (channels x height x width)");
        }
        return shape;
    }

    /** A deep copy. */
    static double[][][] copy(double[][][] x) {
        double[][][] c = new double[x.length][][];
        for (int a = 0; a < x.length; a++) {
            c[a] = new double[x[a].length][];
            for (int b = 0; b < x[a].length; b++) {
                c[a][b] = x[a][b].clone();
            }
        }
        return c;
    }
}
