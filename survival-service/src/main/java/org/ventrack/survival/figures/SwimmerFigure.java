package org.ventrack.survival.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.ventrack.survival.domain.report.SwimmerLane;

/**
 * A swimmer plot in SVG: one bar per patient from the venetoclax start to the end of follow-up, coloured by regimen,
 * longest at the top, with the response, HSCT, relapse or progression and death marked, and an arrow when the patient
 * was alive at the last news.
 */
public final class SwimmerFigure {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final int WIDTH = 820;
    private static final double HALF_BAR = 0.3;

    /** The marks' series, in legend order. */
    private enum MarkSeries {
        COMPLETE_REMISSION("CR / CRh / CRi", new Color(255, 214, 0), ShapeUtils.createUpTriangle(6)),
        PARTIAL_RESPONSE("MLFS / PR", Color.WHITE, ShapeUtils.createUpTriangle(6)),
        NO_RESPONSE("No response", new Color(160, 160, 160), ShapeUtils.createUpTriangle(6)),
        HSCT("HSCT", Color.WHITE, ShapeUtils.createDiamond(6)),
        RELAPSE("Relapse / progression", new Color(215, 25, 28), ShapeUtils.createDownTriangle(6)),
        DEATH("Death", Color.BLACK, ShapeUtils.createDiagonalCross(5, 1.2f)),
        ALIVE("Alive at last news", Color.BLACK, arrow(8));

        final String label;
        final Color fill;
        final Shape shape;

        MarkSeries(String label, Color fill, Shape shape) {
            this.label = label;
            this.fill = fill;
            this.shape = shape;
        }
    }

    private SwimmerFigure() {
    }

    /**
     * @param lanes       longest first
     * @param unit        "days" or "months"
     * @param daysPerUnit 1 or 30.4375
     */
    public static String svg(String title, List<SwimmerLane> lanes, String unit, double daysPerUnit) {
        int height = 150 + 26 * lanes.size();
        JFreeChart chart = chart(title, lanes, unit, daysPerUnit);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
        g2.setPaint(Color.WHITE);
        g2.fill(new Rectangle2D.Double(0, 0, WIDTH, height));
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, height));
        return Figures.document(g2);
    }

    private static JFreeChart chart(String title, List<SwimmerLane> lanes, String unit, double daysPerUnit) {
        int n = lanes.size();
        String[] upns = new String[n];
        Map<String, XYIntervalSeries> bars = new LinkedHashMap<>();
        for (String regimen : new TreeSet<>(lanes.stream().map(l -> regimen(l)).toList())) {
            bars.put(regimen, new XYIntervalSeries(regimen));
        }
        Map<MarkSeries, XYSeries> marks = new LinkedHashMap<>();
        for (MarkSeries kind : MarkSeries.values()) {
            marks.put(kind, new XYSeries(kind.label, false, true));
        }
        double maxTime = 0;
        for (int i = 0; i < n; i++) {
            SwimmerLane lane = lanes.get(i);
            double y = n - 1 - i;
            upns[n - 1 - i] = lane.upn() == null ? "?" : lane.upn();
            double length = lane.days() / daysPerUnit;
            maxTime = Math.max(maxTime, length);
            bars.get(regimen(lane)).add(length / 2, 0, length, y, y - HALF_BAR, y + HALF_BAR);
            SwimmerLane.Mark response = lane.responseMark();
            if (response != null) {
                marks.get(responseSeries(lane.bestResponse())).add(response.day() / daysPerUnit, y);
            }
            for (SwimmerLane.Mark m : lane.marks()) {
                MarkSeries kind = switch (m.kind()) {
                    case HSCT -> MarkSeries.HSCT;
                    case RELAPSE, PROGRESSION -> MarkSeries.RELAPSE;
                    case DEATH -> MarkSeries.DEATH;
                    default -> null;
                };
                if (kind != null) {
                    marks.get(kind).add(m.day() / daysPerUnit, y);
                }
            }
            if (lane.alive()) {
                marks.get(MarkSeries.ALIVE).add(length, y);
            }
        }

        double step = Figures.tickStep(maxTime, unit);
        NumberAxis time = new NumberAxis("Time since venetoclax start (" + unit + ")");
        // a tenth of a step past the longest bar leaves room for its arrow
        time.setRange(0, Math.max(step, Math.ceil((maxTime + step / 10) / step) * step));
        time.setTickUnit(new NumberTickUnit(step, Figures.integers()));
        SymbolAxis patients = new SymbolAxis("Patient (UPN)", upns);
        patients.setGridBandsVisible(false);
        patients.setRange(-0.7, n - 0.3);

        XYIntervalSeriesCollection barData = new XYIntervalSeriesCollection();
        bars.values().forEach(barData::addSeries);
        XYBarRenderer barRenderer = new XYBarRenderer();
        barRenderer.setUseYInterval(true);
        barRenderer.setShadowVisible(false);
        barRenderer.setBarPainter(new StandardXYBarPainter());
        for (int s = 0; s < bars.size(); s++) {
            barRenderer.setSeriesPaint(s, tint(Figures.colour(s)));
        }

        XYSeriesCollection markData = new XYSeriesCollection();
        XYLineAndShapeRenderer markRenderer = new XYLineAndShapeRenderer(false, true);
        markRenderer.setUseFillPaint(true);
        markRenderer.setUseOutlinePaint(true);
        markRenderer.setDrawOutlines(true);
        markRenderer.setDefaultOutlinePaint(Color.BLACK);
        markRenderer.setDefaultOutlineStroke(new BasicStroke(1f));
        for (MarkSeries kind : MarkSeries.values()) {
            if (marks.get(kind).getItemCount() > 0) {
                int s = markData.getSeriesCount();
                markData.addSeries(marks.get(kind));
                markRenderer.setSeriesShape(s, kind.shape);
                markRenderer.setSeriesFillPaint(s, kind.fill);
                markRenderer.setSeriesPaint(s, kind.fill);
            }
        }

        XYPlot plot = new XYPlot(barData, time, patients, barRenderer);
        plot.setDataset(1, markData);
        plot.setRenderer(1, markRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinePaint(new Color(225, 225, 225));
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        ValueMarker oneYear = new ValueMarker(365 / daysPerUnit, Color.DARK_GRAY, new BasicStroke(1f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 5f, 4f }, 0f));
        oneYear.setLabel("1 year");
        oneYear.setLabelBackgroundColor(Figures.TRANSPARENT);
        oneYear.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        oneYear.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addDomainMarker(oneYear);

        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle("Bars from the venetoclax start to death or last news, coloured by regimen",
                new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(BlockBorder.NONE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 24));
        return chart;
    }

    private static String regimen(SwimmerLane lane) {
        return lane.regimen() == null ? "unknown regimen" : lane.regimen();
    }

    private static MarkSeries responseSeries(String bestResponse) {
        if (bestResponse == null) {
            return MarkSeries.NO_RESPONSE;
        }
        return switch (bestResponse) {
            case "CR", "CRH", "CRI" -> MarkSeries.COMPLETE_REMISSION;
            case "PR", "MLFS" -> MarkSeries.PARTIAL_RESPONSE;
            default -> MarkSeries.NO_RESPONSE;
        };
    }

    /** Bars a shade lighter than the palette, so the marks on them stand out. */
    private static Color tint(Color c) {
        return new Color((c.getRed() + 255) / 2, (c.getGreen() + 255) / 2, (c.getBlue() + 255) / 2);
    }

    /** A right-pointing arrow head: follow-up goes on. */
    private static Shape arrow(double size) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(size, 0);
        p.lineTo(0, -size * 0.7);
        p.lineTo(0, size * 0.7);
        p.closePath();
        return p;
    }
}
