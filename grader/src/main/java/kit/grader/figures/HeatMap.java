package kit.grader.figures;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Align;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Values on a grid as colours, with a colour bar, and optionally marked points on top. Two scales:
 * {@link #sequential} (white to dark blue) for a quantity without a sign, such as a probability or
 * an attention weight, and {@link #diverging} (blue through white at 0 to vermilion) for a signed
 * one, such as a kernel's weights ({@link #pixels}, row 0 at the top).
 */
public final class HeatMap extends Chart {
    static final Color LOW = new Color(0x21, 0x66, 0xAC);
    static final Color HIGH = new Color(0xD5, 0x5E, 0x00);
    private static final Pattern NEGATIVE_ZERO = Pattern.compile("-0(\\.0*)?");

    private final String xLabel;
    private final String yLabel;
    private double[][] values;        // rows x columns; row r at y0 + r * dy, column c at x0 + c * dx
    private double x0;
    private double x1;
    private double y0;
    private double y1;
    private boolean pixels;
    private String scaleLabel = "";
    private double low = 0;
    private double high = 1;
    private boolean sequential = true;
    private boolean colourBar = true;
    private String numberFormat;      // null: no numbers in the cells
    private final List<double[]> marks = new ArrayList<>();      // {x, y, 1 if high else 0}
    private final List<XYTextAnnotation> labels = new ArrayList<>();

    public HeatMap(String title, String xLabel, String yLabel) {
        super(title);
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    @Override
    public HeatMap size(int width, int height) {
        super.size(width, height);
        return this;
    }

    /** {@code values[r][c]} at {@code x = x0 + c (x1 - x0) / (columns - 1)}, {@code y = y0 + r (y1 - y0) / (rows - 1)}. */
    public HeatMap values(double[][] values, double x0, double x1, double y0, double y1) {
        if (values.length < 2 || values[0].length < 2) {
            throw new IllegalArgumentException("HeatMap.values: a grid needs at least 2 x 2 values");
        }
        this.values = values;
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
        this.pixels = false;
        return this;
    }

    /** A small image: {@code values[r][c]} is the cell at row {@code r} (from the top) and column {@code c}. */
    public HeatMap pixels(double[][] values) {
        this.values = values;
        this.x0 = 0;
        this.x1 = values[0].length - 1;
        this.y0 = 0;
        this.y1 = values.length - 1;
        this.pixels = true;
        return this;
    }

    /** A sequential scale for an unsigned quantity: {@code low} white, {@code high} dark blue; values outside are clamped. */
    public HeatMap sequential(String label, double low, double high) {
        return scale(label, low, high, true);
    }

    /**
     * A diverging scale for a signed quantity, centred at 0: {@code -limit} blue, 0 white,
     * {@code limit} vermilion; values outside are clamped.
     */
    public HeatMap diverging(String label, double limit) {
        return scale(label, -limit, limit, false);
    }

    private HeatMap scale(String label, double low, double high, boolean sequential) {
        if (!(high > low)) {
            throw new IllegalArgumentException("HeatMap: the scale's low end " + low + " must be below its high end " + high);
        }
        this.scaleLabel = label;
        this.low = low;
        this.high = high;
        this.sequential = sequential;
        return this;
    }

    /** Numbers the rows of {@link #pixels} from {@code first} rather than 0 (say 1 for "block 1, block 2"). */
    public HeatMap rowsFrom(int first) {
        y1 = first + y1 - y0;
        y0 = first;
        return this;
    }

    /** Prints each cell's value with {@code format}, such as {@code "%.2f"}. */
    public HeatMap numbers(String format) {
        this.numberFormat = format;
        return this;
    }

    public HeatMap noColourBar() {
        colourBar = false;
        return this;
    }

    /** A marked point, filled with the scale's high colour or its low colour, and an optional label. */
    public HeatMap point(double x, double y, boolean highEnd, String label) {
        marks.add(new double[] {x, y, highEnd ? 1 : 0});
        if (label != null && !label.isEmpty()) {
            XYTextAnnotation note = new XYTextAnnotation(label, x, y);
            note.setFont(Style.NOTE);
            note.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            note.setBackgroundPaint(Style.LABEL_GROUND);
            labels.add(note);
        }
        return this;
    }

    @Override
    JFreeChart chart() {
        if (values == null) {
            throw new IllegalStateException("HeatMap " + title + ": no values");
        }
        int rows = values.length;
        int columns = values[0].length;
        double dx = (x1 - x0) / (columns - 1);
        double dy = (y1 - y0) / (rows - 1);
        PaintScale scale = sequential ? ColourRamp.sequential(low, high) : ColourRamp.diverging(low, high);
        // The grid as an image stretched over the plot: one drawImage, where a block per cell is thousands of fills.
        BufferedImage image = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int top = pixels ? r : rows - 1 - r;   // an image's first row is its top
                image.setRGB(c, top, ((Color) scale.getPaint(values[r][c])).getRGB());
            }
        }
        NumberAxis x = axis(xLabel, x0 - dx / 2, x1 + dx / 2);
        NumberAxis y = axis(yLabel, y0 - dy / 2, y1 + dy / 2);
        if (pixels) {
            y.setInverted(true);
            x.setTickUnit(new NumberTickUnit(1));
            y.setTickUnit(new NumberTickUnit(1));
        }
        XYPlot plot = new XYPlot(null, x, y, null);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundImage(image);
        plot.setBackgroundImageAlignment(Align.FIT);
        plot.setBackgroundImageAlpha(1f);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        if (!marks.isEmpty()) {
            addMarks(plot, scale);
        }
        labels.forEach(plot::addAnnotation);
        if (numberFormat != null) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    String text = String.format(Locale.ROOT, numberFormat, values[r][c]);
                    XYTextAnnotation cell = new XYTextAnnotation(
                            NEGATIVE_ZERO.matcher(text).matches() ? text.substring(1) : text, x0 + c * dx, y0 + r * dy);
                    cell.setFont(Style.LABEL);
                    if (sequential && ColourRamp.sequential(low, high).position(values[r][c]) > 0.6) {
                        cell.setPaint(Color.WHITE);   // readable on the dark end
                    }
                    cell.setTextAnchor(TextAnchor.CENTER);
                    plot.addAnnotation(cell);
                }
            }
        }
        JFreeChart chart = Style.apply(new JFreeChart(title.isEmpty() ? null : title, Style.TITLE, plot, false));
        RenderingHints hints = new RenderingHints(null);
        hints.add(chart.getRenderingHints());
        hints.put(RenderingHints.KEY_INTERPOLATION, pixels ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR
                : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        chart.setRenderingHints(hints);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (colourBar) {
            NumberAxis bar = new NumberAxis(scaleLabel);
            bar.setRange(low, high);
            bar.setTickUnit(new NumberTickUnit(niceStep((high - low) / 4)));
            bar.setLabelFont(Style.LABEL);
            bar.setTickLabelFont(Style.TICK);
            PaintScaleLegend legend = new PaintScaleLegend(scale, bar);
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setStripWidth(14);
            legend.setAxisOffset(4);
            legend.setMargin(new RectangleInsets(10, 12, 10, 0));
            legend.setSubdivisionCount(100);
            chart.addSubtitle(legend);
        }
        return chart;
    }

    private void addMarks(XYPlot plot, PaintScale scale) {
        XYSeriesCollection points = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int side = 0; side <= 1; side++) {
            XYSeries series = new XYSeries(side == 1 ? "high" : "low", false, true);
            for (double[] m : marks) {
                if (m[2] == side) {
                    series.add(m[0], m[1]);
                }
            }
            int index = points.getSeriesCount();
            points.addSeries(series);
            renderer.setSeriesShape(index, new Ellipse2D.Double(-7, -7, 14, 14));
            renderer.setSeriesFillPaint(index, side == 1 ? HIGH : LOW);
            renderer.setSeriesOutlinePaint(index, Color.BLACK);
            renderer.setSeriesOutlineStroke(index, Style.THIN);
        }
        renderer.setUseFillPaint(true);
        renderer.setUseOutlinePaint(true);
        renderer.setDrawOutlines(true);
        plot.setDataset(1, points);
        plot.setRenderer(1, renderer);
    }

    /** 1, 2 or 5 times a power of 10, at least {@code rough}. */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= rough * 0.999) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static NumberAxis axis(String label, double low, double high) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(low, high);
        return axis;
    }
}
