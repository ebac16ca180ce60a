package kit.grader.figures;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.renderer.PaintScale;

/** Blue at {@code low}, white halfway, vermilion at {@code high}, linear in between: for signed quantities, centred at 0. */
final class Diverging implements PaintScale {
    private final double low;
    private final double high;

    Diverging(double low, double high) {
        this.low = low;
        this.high = high;
    }

    @Override
    public double getLowerBound() {
        return low;
    }

    @Override
    public double getUpperBound() {
        return high;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return Style.GREY;
        }
        double t = Math.max(0, Math.min(1, (value - low) / (high - low)));
        return t < 0.5 ? mix(HeatMap.LOW, Color.WHITE, 2 * t) : mix(Color.WHITE, HeatMap.HIGH, 2 * t - 1);
    }

    static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
