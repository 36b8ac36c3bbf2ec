package org.ventrack.survival.figures;

import java.awt.Color;
import java.util.Locale;

/** What the figures share: colours, regular time ticks, p-values written as in a paper. */
public final class Figures {

    /** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies, and in grey print. */
    private static final Color[] PALETTE = { new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(120, 120, 120) };
    static final Color TRANSPARENT = new Color(255, 255, 255, 0);
    private static final double[] DAY_STEPS = { 7, 14, 30, 60, 90, 180, 365, 730 };
    private static final double[] MONTH_STEPS = { 1, 2, 3, 6, 12, 24 };
    private static final int MAX_TICKS = 8;

    private Figures() {
    }

    public static Color colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** The smallest usual step (a week, a month, a quarter... in days; 1, 3, 6, 12 months) giving at most 8 intervals. */
    static double tickStep(double maxTime, String unit) {
        double[] steps = "months".equals(unit) ? MONTH_STEPS : DAY_STEPS;
        for (double step : steps) {
            if (maxTime / step <= MAX_TICKS) {
                return step;
            }
        }
        return Math.ceil(maxTime / MAX_TICKS / steps[steps.length - 1]) * steps[steps.length - 1];
    }

    /** Tick labels without thousands separators: 1260, not 1,260. */
    static java.text.NumberFormat integers() {
        java.text.NumberFormat format = java.text.NumberFormat.getIntegerInstance(Locale.ROOT);
        format.setGroupingUsed(false);
        return format;
    }

    /** "p = 0.88", "p = 0.012", "p < 0.001". */
    public static String pValue(double p) {
        if (p < 0.001) {
            return "p < 0.001";
        }
        return String.format(Locale.ROOT, p < 0.01 ? "p = %.3f" : "p = %.2f", p);
    }

    /** The SVG with an XML declaration and no DOCTYPE: SVG 1.1 and later need none, and parsers then fetch nothing. */
    static String document(org.jfree.svg.SVGGraphics2D g2) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g2.getSVGElement();
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
