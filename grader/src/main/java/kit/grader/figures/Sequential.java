package kit.grader.figures;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.renderer.PaintScale;

/**
 * White at {@code low} to dark blue at {@code high} through light and mid blues (ColorBrewer's
 * "Blues"): for a quantity with a natural zero and no sign, such as an attention weight or a
 * probability, where 0 should look quiet and only large values loud.
 */
final class Sequential implements PaintScale {
    private static final Color[] STOPS = {new Color(0xF7, 0xFB, 0xFF), new Color(0xC6, 0xDB, 0xEF),
        new Color(0x6B, 0xAE, 0xD6), new Color(0x21, 0x71, 0xB5), new Color(0x08, 0x30, 0x6B)};

    private final double low;
    private final double high;

    Sequential(double low, double high) {
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

    /** Where {@code value} sits on the scale, clamped to [0, 1]. */
    double position(double value) {
        return Math.max(0, Math.min(1, (value - low) / (high - low)));
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return Style.GREY;
        }
        double t = position(value) * (STOPS.length - 1);
        int k = Math.min(STOPS.length - 2, (int) t);
        return Diverging.mix(STOPS[k], STOPS[k + 1], t - k);
    }
}
