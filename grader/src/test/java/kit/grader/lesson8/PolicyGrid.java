package kit.grader.lesson8;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import kit.grader.figures.Figure;
import kit.lesson8.GridWorld;

/**
 * The gridworld drawn as a grid, row 0 at the top as in {@link GridWorld}: in each open cell an arrow
 * for the policy's most probable action, the walls dark, the cells of the greedy path shaded, the start
 * and the goal named. The kit's charts have no arrows, so this one figure draws itself, in their fonts and colours.
 */
final class PolicyGrid implements Figure {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    private static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Color ARROW = new Color(0x00, 0x72, 0xB2);
    private static final Color PATH = new Color(0xE6, 0x9F, 0x00, 0x70);
    private static final Color LINES = new Color(0x80, 0x80, 0x80);
    private static final Color WALL = new Color(0x40, 0x40, 0x40);
    private final GridWorld world;
    private final String title;
    private final String caption;
    private final int[] actions;   // STATES: the most probable action in each state
    private final int[] path;      // states visited, start first

    PolicyGrid(GridWorld world, String title, String caption, int[] actions, int[] path) {
        this.world = world;
        this.title = title;
        this.caption = caption;
        this.actions = actions.clone();
        this.path = path.clone();
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int width() {
        return 560;
    }

    @Override
    public int height() {
        return 640;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        g.setPaint(Color.WHITE);
        g.fill(area);
        int n = GridWorld.SIZE;
        double cell = Math.min(area.getWidth() - 80, area.getHeight() - 170) / n;
        double left = area.getX() + (area.getWidth() - n * cell) / 2;
        double top = area.getY() + 84;
        centred(g, TITLE, title, area.getCenterX(), area.getY() + 32);
        centred(g, NOTE, caption, area.getCenterX(), top + n * cell + 45);
        g.setPaint(PATH);
        for (int state : path) {
            g.fill(new Rectangle2D.Double(left + column(state) * cell, top + row(state) * cell, cell, cell));
        }
        g.setPaint(WALL);
        for (int state = 0; state < GridWorld.STATES; state++) {
            if (world.isWall(state)) {
                g.fill(new Rectangle2D.Double(left + column(state) * cell, top + row(state) * cell, cell, cell));
            }
        }
        g.setPaint(LINES);
        g.setStroke(new BasicStroke(1.2f));
        for (int i = 0; i <= n; i++) {
            g.draw(new Line2D.Double(left, top + i * cell, left + n * cell, top + i * cell));
            g.draw(new Line2D.Double(left + i * cell, top, left + i * cell, top + n * cell));
        }
        g.setFont(NOTE);
        g.setPaint(Color.BLACK);
        for (int i = 0; i < n; i++) {
            centred(g, NOTE, String.valueOf(i), left + (i + 0.5) * cell, top - 8);
            centred(g, NOTE, String.valueOf(i), left - 16, top + (i + 0.5) * cell + 5);
        }
        centred(g, NOTE, "column", left + n * cell / 2, top - 28);
        centred(g, NOTE, "row", left - 22, top - 8);
        centred(g, NOTE, "start", left + (column(world.start()) + 0.5) * cell, top + (row(world.start()) + 0.85) * cell);
        centred(g, NOTE, "goal", left + (column(world.goal()) + 0.5) * cell, top + (row(world.goal()) + 0.55) * cell);
        g.setPaint(ARROW);
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int state = 0; state < actions.length; state++) {
            if (state != world.goal() && !world.isWall(state)) {
                arrow(g, left + (column(state) + 0.5) * cell, top + (row(state) + 0.5) * cell, actions[state], cell);
            }
        }
    }

    /** An arrow through the cell's centre pointing the way {@code action} moves (0 up, 1 down, 2 left, 3 right). */
    private static void arrow(Graphics2D g, double cx, double cy, int action, double cell) {
        double dx = action == 2 ? -1 : action == 3 ? 1 : 0;
        double dy = action == 0 ? -1 : action == 1 ? 1 : 0;
        double half = 0.28 * cell;
        double head = 0.14 * cell;
        double tipX = cx + half * dx;
        double tipY = cy + half * dy;
        Path2D.Double shape = new Path2D.Double();
        shape.moveTo(cx - half * dx, cy - half * dy);
        shape.lineTo(tipX, tipY);
        shape.moveTo(tipX - head * dx + head * dy, tipY - head * dy - head * dx);
        shape.lineTo(tipX, tipY);
        shape.lineTo(tipX - head * dx - head * dy, tipY - head * dy + head * dx);
        g.draw(shape);
    }

    private static void centred(Graphics2D g, Font font, String text, double x, double baseline) {
        g.setFont(font);
        g.setPaint(Color.BLACK);
        FontMetrics metrics = g.getFontMetrics(font);
        g.drawString(text, (float) (x - metrics.stringWidth(text) / 2.0), (float) baseline);
    }

    private static int row(int state) {
        return state / GridWorld.SIZE;
    }

    private static int column(int state) {
        return state % GridWorld.SIZE;
    }
}
