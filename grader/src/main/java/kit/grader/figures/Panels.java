package kit.grader.figures;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Several charts side by side under one title, written as one PNG ({@code 520 x 480} pixels a
 * panel unless {@link #size} says otherwise).
 *
 * <pre>{@code
 * Panels.row("Decision boundaries on XOR", unitMap, mlpMap)
 * }</pre>
 */
public final class Panels implements Figure {
    private static final int TITLE_HEIGHT = 36;
    private final String title;
    private final List<Chart> charts;
    private int width;
    private int height;

    private Panels(String title, List<Chart> charts) {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("Panels: no charts");
        }
        this.title = title == null ? "" : title;
        this.charts = charts;
        this.width = 520 * charts.size();
        this.height = 480;
    }

    /** {@code charts} from left to right, each as wide as the others. */
    public static Panels row(String title, Chart... charts) {
        return new Panels(title, List.of(charts));
    }

    public Panels size(int width, int height) {
        Figure.requireSize("Panels.size", width, height);
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

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        double top = area.getY();
        if (!title.isEmpty()) {
            Font font = Style.TITLE;
            g.setFont(font);
            g.setPaint(Style.BLACK);
            FontMetrics metrics = g.getFontMetrics(font);
            float x = (float) (area.getCenterX() - metrics.stringWidth(title) / 2.0);
            g.drawString(title, x, (float) (top + 8 + metrics.getAscent()));
            top += TITLE_HEIGHT;
        }
        double cell = area.getWidth() / charts.size();
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new Rectangle2D.Double(area.getX() + i * cell, top, cell,
                    area.getMaxY() - top));
        }
    }
}
