package kit.grader.figures;

import java.awt.Color;

import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/** Reference lines and shaded stretches, labelled, in the common look. */
final class Markers {
    private Markers() {
    }

    /** A dashed grey line at {@code value}, its label at {@code anchor} of the line. */
    static ValueMarker line(double value, String label, RectangleAnchor anchor, TextAnchor textAnchor) {
        ValueMarker marker = new ValueMarker(value);
        marker.setPaint(Style.GREY);
        marker.setStroke(Style.DASHED);
        label(marker, label);
        marker.setLabelAnchor(anchor);
        marker.setLabelTextAnchor(textAnchor);
        return marker;
    }

    /** A light grey stretch from {@code from} to {@code to}, labelled at its top. */
    static IntervalMarker stretch(double from, double to, String label) {
        IntervalMarker marker = new IntervalMarker(from, to);
        marker.setPaint(new Color(0xF2, 0xF2, 0xF2));
        label(marker, label);
        marker.setLabelAnchor(RectangleAnchor.TOP);
        marker.setLabelTextAnchor(TextAnchor.TOP_CENTER);
        return marker;
    }

    private static void label(org.jfree.chart.plot.Marker marker, String label) {
        marker.setLabel(label);
        marker.setLabelFont(Style.NOTE);
        marker.setLabelPaint(Style.BLACK);
        marker.setLabelBackgroundColor(Style.LABEL_GROUND);
    }
}
