package org.ventrack.survival.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationStepRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.ventrack.survival.domain.report.SurvivalReport;
import org.ventrack.survival.domain.stats.KaplanMeierFit;
import org.ventrack.survival.domain.stats.SurvivalAtTimes;

/**
 * Kaplan-Meier curves as a paper's figure, in SVG: a step curve per group with its shaded confidence band, censored
 * subjects as +, a dashed line at one year, the log-rank p when grouped, and the number at risk under the x axis at
 * each tick. Everything is drawn from the report's fits, the same objects the JSON answer is mapped from.
 */
public final class KaplanMeierFigure {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** One curve and the name it has in the legend and the number-at-risk table. */
    public record Curve(String label, SurvivalReport.GroupCurve group) {
    }

    /**
     * @param title     e.g. "Overall survival"
     * @param unit      "days" or "months": the unit the fits' times are in
     * @param oneYear   one year in that unit (365 or 12)
     * @param notes     lines written in the plot's top right corner, e.g. the log-rank p
     * @param subtitle  what the bands are, e.g. "95 % confidence bands (log)"
     */
    public record Figure(String title, String subtitle, String unit, double oneYear, List<Curve> curves,
            List<String> notes) {
    }

    private static final int WIDTH = 820;
    private static final int CHART_HEIGHT = 520;
    private static final int ROW_HEIGHT = 18;
    private static final Font TABLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TABLE_TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    private KaplanMeierFigure() {
    }

    public static String svg(Figure figure) {
        double step = Figures.tickStep(maxTime(figure.curves()), figure.unit());
        double end = Math.max(step, Math.ceil(maxTime(figure.curves()) / step) * step);
        JFreeChart chart = chart(figure, step, end);

        int tableHeight = 30 + ROW_HEIGHT * figure.curves().size() + 16;
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, CHART_HEIGHT + tableHeight);
        g2.setPaint(Color.WHITE);
        g2.fill(new Rectangle2D.Double(0, 0, WIDTH, CHART_HEIGHT + tableHeight));
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, CHART_HEIGHT), info);
        Rectangle2D dataArea = info.getPlotInfo().getDataArea();
        numberAtRisk(g2, figure, (XYPlot) chart.getPlot(), dataArea, ticks(step, end));
        return Figures.document(g2);
    }

    private static JFreeChart chart(Figure figure, double step, double end) {
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        XYSeriesCollection censored = new XYSeriesCollection();
        for (Curve c : figure.curves()) {
            bands.addSeries(curve(c));
            censored.addSeries(censorMarks(c));
        }
        NumberAxis time = new NumberAxis("Time since venetoclax start (" + figure.unit() + ")");
        time.setRange(0, end);
        time.setTickUnit(new NumberTickUnit(step, Figures.integers()));
        NumberAxis survival = new NumberAxis("Survival probability");
        survival.setRange(0, 1.02);
        survival.setTickUnit(new NumberTickUnit(0.2, NumberFormat.getPercentInstance(Locale.ROOT)));

        DeviationStepRenderer curves = new DeviationStepRenderer();
        curves.setAlpha(0.12f);
        curves.setDefaultShapesVisible(false);
        XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
        marks.setUseOutlinePaint(false);
        marks.setDefaultShapesFilled(true);
        for (int i = 0; i < figure.curves().size(); i++) {
            Color colour = Figures.colour(i);
            curves.setSeriesPaint(i, colour);
            curves.setSeriesFillPaint(i, colour);
            curves.setSeriesStroke(i, new BasicStroke(2f));
            marks.setSeriesPaint(i, colour);
            marks.setSeriesShape(i, plus(5));
            marks.setSeriesVisibleInLegend(i, false);
        }

        XYPlot plot = new XYPlot(bands, time, survival, curves);
        plot.setDataset(1, censored);
        plot.setRenderer(1, marks);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(225, 225, 225));
        plot.setRangeGridlinePaint(new Color(225, 225, 225));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setOutlineVisible(false);

        ValueMarker oneYear = new ValueMarker(figure.oneYear(), Color.DARK_GRAY, new BasicStroke(1f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 5f, 4f }, 0f));
        oneYear.setLabel("1 year");
        oneYear.setLabelBackgroundColor(Figures.TRANSPARENT);
        oneYear.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        oneYear.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        oneYear.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
        plot.addDomainMarker(oneYear);

        if (!figure.notes().isEmpty()) {
            TextTitle notes = new TextTitle(String.join("\n", figure.notes()), new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            notes.setTextAlignment(HorizontalAlignment.RIGHT);
            notes.setBackgroundPaint(Color.WHITE);
            plot.addAnnotation(new XYTitleAnnotation(0.98, 0.98, notes, RectangleAnchor.TOP_RIGHT));
        }

        JFreeChart chart = new JFreeChart(figure.title(), new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(figure.subtitle(), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setFrame(BlockBorder.NONE);
        // room on the left for the number-at-risk labels under the axis
        chart.setPadding(new RectangleInsets(8, 110, 0, 24));
        return chart;
    }

    /** The curve from (0, 1) through every step, with its bounds; R's NA bounds (where S = 0) drawn at S. */
    private static YIntervalSeries curve(Curve c) {
        KaplanMeierFit fit = c.group().fit();
        YIntervalSeries series = new YIntervalSeries(c.label() + " (n = " + c.group().n() + ", "
                + c.group().events() + " events)", false, true);
        series.add(0, 1, 1, 1);
        for (int i = 0; i < fit.size(); i++) {
            double s = fit.surv()[i];
            double lower = Double.isNaN(fit.lower()[i]) ? s : fit.lower()[i];
            double upper = Double.isNaN(fit.upper()[i]) ? s : fit.upper()[i];
            series.add(fit.time()[i], s, lower, upper);
        }
        return series;
    }

    private static XYSeries censorMarks(Curve c) {
        KaplanMeierFit fit = c.group().fit();
        XYSeries series = new XYSeries(c.label() + " censored", false, true);
        for (int i = 0; i < fit.size(); i++) {
            if (fit.nCensor()[i] > 0) {
                series.add(fit.time()[i], fit.surv()[i]);
            }
        }
        return series;
    }

    private static void numberAtRisk(SVGGraphics2D g2, Figure figure, XYPlot plot, Rectangle2D dataArea,
            double[] ticks) {
        double top = CHART_HEIGHT + 6;
        g2.setFont(TABLE_TITLE_FONT);
        g2.setPaint(Color.BLACK);
        g2.drawString("Number at risk", 12, (float) (top + 12));
        FontMetrics metrics = g2.getFontMetrics(TABLE_FONT);
        for (int row = 0; row < figure.curves().size(); row++) {
            Curve c = figure.curves().get(row);
            float baseline = (float) (top + 12 + ROW_HEIGHT * (row + 1));
            g2.setFont(TABLE_FONT);
            g2.setPaint(Figures.colour(row));
            g2.drawString(Figures.shorten(c.label(), 16), 12, baseline);
            g2.setPaint(Color.BLACK);
            int[] atRisk = atRisk(c.group().fit(), ticks);
            for (int k = 0; k < ticks.length; k++) {
                double x = plot.getDomainAxis().valueToJava2D(ticks[k], dataArea, plot.getDomainAxisEdge());
                String n = Integer.toString(atRisk[k]);
                g2.drawString(n, (float) (x - metrics.stringWidth(n) / 2.0), baseline);
            }
        }
        g2.setPaint(new Color(200, 200, 200));
        g2.draw(new Line2D.Double(12, top - 2, WIDTH - 12, top - 2));
    }

    /** The number at risk at each tick as R's summary(fit, times): 0 after the last observed time. */
    static int[] atRisk(KaplanMeierFit fit, double[] ticks) {
        SurvivalAtTimes at = fit.at(ticks);
        int[] risk = new int[ticks.length];
        for (int k = 0; k < at.time().length; k++) {
            risk[k] = at.nRisk()[k];
        }
        return risk;
    }

    static double[] ticks(double step, double end) {
        List<Double> ticks = new ArrayList<>();
        for (int k = 0; k * step <= end + 1e-9; k++) {
            ticks.add(k * step);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double maxTime(List<Curve> curves) {
        double max = 0;
        for (Curve c : curves) {
            double[] t = c.group().fit().time();
            if (t.length > 0) {
                max = Math.max(max, t[t.length - 1]);
            }
        }
        return max;
    }

    /** A "+" for censored subjects: two thin bars, so it reads as a plus when filled. */
    private static Path2D plus(double half) {
        double w = 0.9;
        Path2D.Double p = new Path2D.Double();
        p.append(new Rectangle2D.Double(-half, -w, 2 * half, 2 * w), false);
        p.append(new Rectangle2D.Double(-w, -half, 2 * w, 2 * half), false);
        return p;
    }
}
