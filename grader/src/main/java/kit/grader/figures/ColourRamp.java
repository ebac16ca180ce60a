package kit.grader.figures;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.renderer.PaintScale;

/**
 * A colour scale from {@code low} to {@code high}, linear between evenly spaced colour stops; NaN is
 * grey. Two are used:
 * <ul>
 *   <li>{@link #sequential}: white to dark blue (ColorBrewer's "Blues"), for a quantity with a natural
 *   zero and no sign, such as an attention weight or a probability: 0 looks quiet, only large values
 *   loud;</li>
 *   <li>{@link #diverging}: blue at {@code low}, white halfway, vermilion at {@code high}, for signed
 *   quantities, centred at 0.</li>
 * </ul>
 */
final class ColourRamp implements PaintScale {
    private static final Color[] BLUES = {new Color(0xF7, 0xFB, 0xFF), new Color(0xC6, 0xDB, 0xEF),
        new Color(0x6B, 0xAE, 0xD6), new Color(0x21, 0x71, 0xB5), new Color(0x08, 0x30, 0x6B)};

    private final double low;
    private final double high;
    private final Color[] stops;

    private ColourRamp(double low, double high, Color... stops) {
        this.low = low;
        this.high = high;
        this.stops = stops;
    }

    static ColourRamp sequential(double low, double high) {
        return new ColourRamp(low, high, BLUES);
    }

    static ColourRamp diverging(double low, double high) {
        return new ColourRamp(low, high, HeatMap.LOW, Color.WHITE, HeatMap.HIGH);
    }

    @Override
    public double getLowerBound() {
        return low;
    }

    @Override
    public double getUpperBound() {
        return high;
    }

    /** Where {@code value} sits on the scale, clamped to [0, 1]. */
    double position(double value) {
        return Math.max(0, Math.min(1, (value - low) / (high - low)));
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return Style.GREY;
        }
        double t = position(value) * (stops.length - 1);
        int k = Math.min(stops.length - 2, (int) t);
        return mix(stops[k], stops[k + 1], t - k);
    }

    static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
