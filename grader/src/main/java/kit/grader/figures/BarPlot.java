package kit.grader.figures;

import java.text.DecimalFormat;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Grouped bars: one group per category, one bar per series in the kit's colours, each bar labelled
 * with its value.
 *
 * <pre>{@code
 * new BarPlot("Accuracy", "", "accuracy").valueRange(0, 1)
 *         .bar("CNN", "unseen positions", 0.99).bar("MLP", "unseen positions", 0.27)
 *         .horizontal(0.25, "chance");
 * }</pre>
 */
public final class BarPlot extends Chart {
    private final String categoryLabel;
    private final String valueLabel;
    private final DefaultCategoryDataset data = new DefaultCategoryDataset();
    private double[] valueRange;   // 2, or null for automatic
    private String valueFormat = "0.00";
    private ValueMarker marker;

    public BarPlot(String title, String categoryLabel, String valueLabel) {
        super(title);
        this.categoryLabel = categoryLabel;
        this.valueLabel = valueLabel;
    }

    @Override
    public BarPlot size(int width, int height) {
        super.size(width, height);
        return this;
    }

    /** The bar of {@code series} in the group {@code category}; NaN or an infinity leaves it out. */
    public BarPlot bar(String series, String category, double value) {
        data.addValue(Double.isFinite(value) ? Double.valueOf(value) : null, series, category);
        return this;
    }

    public BarPlot valueRange(double low, double high) {
        valueRange = new double[] {low, high};
        return this;
    }

    /** How the value above each bar is printed, a {@link DecimalFormat} pattern such as {@code "0.00"}. */
    public BarPlot valueFormat(String pattern) {
        valueFormat = pattern;
        return this;
    }

    /** A labelled horizontal reference line, such as chance. */
    public BarPlot horizontal(double value, String label) {
        marker = Markers.line(value, label, RectangleAnchor.TOP_LEFT, TextAnchor.BOTTOM_LEFT);
        return this;
    }

    @Override
    JFreeChart chart() {
        CategoryAxis categories = new CategoryAxis(categoryLabel);
        categories.setCategoryMargin(0.25);
        NumberAxis values = new NumberAxis(valueLabel);
        if (valueRange != null) {
            values.setRange(valueRange[0], valueRange[1]);
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int s = 0; s < data.getRowCount(); s++) {
            renderer.setSeriesPaint(s, Style.series(s));
        }
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat(valueFormat)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(Style.NOTE);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        if (marker != null) {
            plot.addRangeMarker(marker);
        }
        return Style.apply(new JFreeChart(title.isEmpty() ? null : title, Style.TITLE, plot, true));
    }
}
