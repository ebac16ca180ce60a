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

    /** Fails unless both sides are 100 to 4000 pixels; {@code who} names the caller. */
    static void requireSize(String who, int width, int height) {
        if (width < 100 || height < 100 || width > 4000 || height > 4000) {
            throw new IllegalArgumentException(who + ": " + width + " x " + height
                    + " but each side must be 100 to 4000 pixels");
        }
    }
}
