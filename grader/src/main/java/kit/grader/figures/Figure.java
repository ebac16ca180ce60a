package kit.grader.figures;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * Something a lesson can write as a PNG: one chart ({@link LinePlot}, {@link BarPlot},
 * {@link HeatMap}) or several side by side ({@link Panels}).
 */
public interface Figure {
    /** The figure's title, for the reports' list of figures; may be empty. */
    String title();

    /** The width of the written PNG, in pixels. */
    int width();

    /** The height of the written PNG, in pixels. */
    int height();

    /** Draws the figure into {@code area} of {@code g}. */
    void draw(Graphics2D g, Rectangle2D area);
}
