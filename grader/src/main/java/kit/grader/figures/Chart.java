package kit.grader.figures;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;

import org.jfree.chart.JFreeChart;

/**
 * A single chart built on JFreeChart, with a title and the size it is written at (800 x 500
 * unless {@link #size} says otherwise). Subclasses collect the data and build the chart when it
 * is drawn.
 */
public abstract class Chart implements Figure {
    final String title;   // may be empty
    private int width = 800;
    private int height = 500;

    Chart(String title) {
        this.title = title == null ? "" : title;
    }

    /** Writes the chart at {@code width x height} pixels. */
    public Chart size(int width, int height) {
        Figure.requireSize("Chart.size", width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** The finished chart, styled. */
    abstract JFreeChart chart();

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        chart().draw(g, area);
    }

    /** A copy of {@code values} in which every infinity is NaN, which charts leave out (an infinite value breaks an axis). */
    static double[] finite(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isFinite(values[i]) ? values[i] : Double.NaN;
        }
        return out;
    }

    /** Every {@code every}-th value and the last: a curve needs about one point a pixel. */
    static double[] thin(double[] values, int every) {
        if (every <= 1) {
            return values;
        }
        double[] kept = new double[(values.length - 1) / every + 2];
        int n = 0;
        for (int i = 0; i < values.length - 1; i += every) {
            kept[n++] = values[i];
        }
        kept[n++] = values[values.length - 1];
        return Arrays.copyOf(kept, n);
    }

    static void requireSameLength(String what, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(what + ": " + x.length + " x values but " + y.length + " y values");
        }
    }
}
