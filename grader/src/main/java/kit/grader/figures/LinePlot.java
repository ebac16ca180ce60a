package kit.grader.figures;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Curves, data points and bands over one x axis. Layers are drawn in the order they are added,
 * each later one on top; coloured layers take the kit's colours in order.
 *
 * <pre>{@code
 * new LinePlot("Training loss", "epoch", "mean loss").logY()
 *         .line("2-8-1 MLP", epochs, losses)
 *         .horizontal(1e-3, "the grader's bar");
 * }</pre>
 */
public final class LinePlot extends Chart {
    private static final int CURVE_POINTS = 1500;
    private final String xLabel;
    private final String yLabel;
    private final List<Consumer<XYPlot>> layers = new ArrayList<>();
    private int colours;
    private boolean logY;
    private boolean logX;
    private double[] xRange;   // 2, or null for automatic
    private double[] yRange;   // 2, or null for automatic
    private boolean legend = true;

    public LinePlot(String title, String xLabel, String yLabel) {
        super(title);
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    @Override
    public LinePlot size(int width, int height) {
        super.size(width, height);
        return this;
    }

    /** A solid curve in the next colour. */
    public LinePlot line(String name, double[] x, double[] y) {
        return curve(name, x, y, Style.series(colours++), false);
    }

    /** The truth the model is compared with: a dashed black curve. */
    public LinePlot truth(String name, double[] x, double[] y) {
        return curve(name, x, y, Style.BLACK, true);
    }

    /** The true band the model is compared with: two dashed black curves, one entry in the legend. */
    public LinePlot truthBand(String name, double[] x, double[] low, double[] high) {
        requireSameLength("LinePlot.truthBand " + name, x, low);
        requireSameLength("LinePlot.truthBand " + name, x, high);
        XYSeriesCollection data = series(name, x, low);
        data.addSeries(series(name + " (upper)", x, high).getSeries(0));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < 2; s++) {
            renderer.setSeriesPaint(s, Style.BLACK);
            renderer.setSeriesStroke(s, Style.DASHED);
        }
        renderer.setSeriesVisibleInLegend(1, false);
        return add(data, renderer);
    }

    /** Data as small grey dots, drawn under everything added after them. */
    public LinePlot points(String name, double[] x, double[] y) {
        requireSameLength("LinePlot.points " + name, x, y);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesPaint(0, Style.faded(Style.GREY, 0.45));
        return add(series(name, x, y), renderer);
    }

    /** A few points that matter, as large circles in the next colour. */
    public LinePlot markers(String name, double[] x, double[] y) {
        requireSameLength("LinePlot.markers " + name, x, y);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-7, -7, 14, 14));
        renderer.setSeriesPaint(0, Style.series(colours++));
        renderer.setSeriesOutlinePaint(0, Style.BLACK);
        renderer.setSeriesOutlineStroke(0, Style.THIN);
        renderer.setUseOutlinePaint(true);
        renderer.setDrawOutlines(true);
        return add(series(name, x, y), renderer);
    }

    /** A curve in the next colour with a shaded band from {@code low} to {@code high} around it. */
    public LinePlot band(String name, double[] x, double[] y, double[] low, double[] high) {
        requireSameLength("LinePlot.band " + name, x, y);
        requireSameLength("LinePlot.band " + name, x, low);
        requireSameLength("LinePlot.band " + name, x, high);
        YIntervalSeries series = new YIntervalSeries(name, false, true);
        double[] fy = finite(y);
        double[] fl = finite(low);
        double[] fh = finite(high);
        for (int i = 0; i < x.length; i++) {
            series.add(x[i], fy[i], fl[i], fh[i]);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        Color colour = Style.series(colours++);
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesFillPaint(0, colour);
        renderer.setSeriesStroke(0, Style.LINE);
        renderer.setAlpha(0.22f);
        layers.add(plot -> {
            int index = plot.getDatasetCount();
            plot.setDataset(index, data);
            plot.setRenderer(index, renderer);
        });
        return this;
    }

    /** A labelled horizontal reference line. */
    public LinePlot horizontal(double y, String label) {
        return marker(y, label, false);
    }

    /** A labelled vertical reference line. */
    public LinePlot vertical(double x, String label) {
        return marker(x, label, true);
    }

    /** A labelled shaded stretch of the x axis, from {@code x0} to {@code x1}. */
    public LinePlot shade(double x0, double x1, String label) {
        IntervalMarker marker = Markers.stretch(x0, x1, label);
        layers.add(plot -> plot.addDomainMarker(marker, Layer.BACKGROUND));
        return this;
    }

    /** A text label at a data point. */
    public LinePlot label(double x, double y, String text) {
        XYTextAnnotation note = new XYTextAnnotation(text, x, y);
        note.setFont(Style.NOTE);
        note.setTextAnchor(TextAnchor.BOTTOM_LEFT);
        layers.add(plot -> plot.addAnnotation(note));
        return this;
    }

    /** A logarithmic y axis; values at or below 0 are left out. */
    public LinePlot logY() {
        logY = true;
        return this;
    }

    /** A logarithmic x axis, for a run whose change happens early; values at or below 0 are left out. */
    public LinePlot logX() {
        logX = true;
        return this;
    }

    public LinePlot xRange(double low, double high) {
        xRange = new double[] {low, high};
        return this;
    }

    public LinePlot yRange(double low, double high) {
        yRange = new double[] {low, high};
        return this;
    }

    public LinePlot noLegend() {
        legend = false;
        return this;
    }

    @Override
    JFreeChart chart() {
        ValueAxis x;
        if (logX) {
            LogAxis log = new LogAxis(xLabel);
            log.setSmallestValue(1e-12);
            log.setStandardTickUnits(decades());
            x = log;
        } else {
            NumberAxis linear = new NumberAxis(xLabel);
            linear.setAutoRangeIncludesZero(false);
            x = linear;
        }
        ValueAxis y;
        if (logY) {
            LogAxis log = new LogAxis(yLabel);
            log.setSmallestValue(1e-12);
            log.setStandardTickUnits(decades());
            y = log;
        } else {
            NumberAxis linear = new NumberAxis(yLabel);
            linear.setAutoRangeIncludesZero(false);
            y = linear;
        }
        if (xRange != null) {
            x.setRange(xRange[0], xRange[1]);
        }
        if (yRange != null) {
            y.setRange(yRange[0], yRange[1]);
        }
        XYPlot plot = new XYPlot(null, x, y, null);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        for (Consumer<XYPlot> layer : layers) {
            layer.accept(plot);
        }
        return Style.apply(new JFreeChart(title.isEmpty() ? null : title, Style.TITLE, plot, legend));
    }

    /** Ticks at whole powers of 10, labelled 10^k. */
    private static TickUnits decades() {
        TickUnits decades = new TickUnits();
        for (int step : new int[] {1, 2, 3, 5, 10}) {
            decades.add(new NumberTickUnit(step, new DecimalFormat("0")));
        }
        return decades;
    }

    private LinePlot curve(String name, double[] x, double[] y, Color colour, boolean dashed) {
        requireSameLength("LinePlot.line " + name, x, y);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesStroke(0, dashed ? Style.DASHED : Style.LINE);
        renderer.setDrawSeriesLineAsPath(true);
        int every = (x.length + CURVE_POINTS - 1) / CURVE_POINTS;
        return add(series(name, thin(x, every), thin(y, every)), renderer);
    }

    private LinePlot add(XYSeriesCollection data, XYLineAndShapeRenderer renderer) {
        layers.add(plot -> {
            int index = plot.getDatasetCount();
            plot.setDataset(index, data);
            plot.setRenderer(index, renderer);
        });
        return this;
    }

    private LinePlot marker(double value, String label, boolean vertical) {
        ValueMarker marker = Markers.line(value, label, RectangleAnchor.TOP_RIGHT,
                vertical ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_RIGHT);
        layers.add(vertical ? plot -> plot.addDomainMarker(marker) : plot -> plot.addRangeMarker(marker));
        return this;
    }

    private static XYSeriesCollection series(String name, double[] x, double[] y) {
        XYSeries series = new XYSeries(name, false, true);
        double[] fx = finite(x);
        double[] fy = finite(y);
        for (int i = 0; i < x.length; i++) {
            series.add(fx[i], fy[i]);
        }
        return new XYSeriesCollection(series);
    }
}
