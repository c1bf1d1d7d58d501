package forkbench.report.chart;

import forkbench.report.export.HtmlWriter;
import forkbench.report.markup.Format;
import forkbench.strategy.Strategies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG: linear or log axes, solid, dashed or dotted series, a legend. No scripts, no external
 * resources, every label escaped, so the page it sits in opens offline and cannot be made to run anything.
 */
final class SvgChart {

    enum Style { SOLID, DASHED, DOTTED }

    /**
     * @param low    each point's interval low end (error bars), or {@code null}
     * @param legend whether the series has a legend entry (a fitted curve shares its strategy's)
     */
    private record Series(String name, double[] x, double[] y, double[] low, double[] high, Style style,
                          boolean markers, String color, boolean legend) {
    }

    /**
     * Okabe and Ito's colour-blind-safe palette, one colour per forkbench strategy in the same order everywhere;
     * the yellow is left out (unreadable on white). Other labels take greys.
     */
    private static final String[] STRATEGY_COLOURS = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#0072B2",
            "#D55E00", "#CC79A7", "#8C6D1F"};
    private static final String[] OTHER_COLOURS = {"#555555", "#888888", "#AAAAAA", "#333333"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 380;
    private static final int LEFT = 70;
    private static final int RIGHT = 170;
    private static final int TOP = 36;
    private static final int BOTTOM = 50;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();

    SvgChart(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
        this.logY = logY;
    }

    /** The colour of a strategy, the same in every chart of every report; a label forkbench does not know gets a grey. */
    static String colour(String label) {
        int index = Strategies.IDS.indexOf(label);
        return index >= 0 ? STRATEGY_COLOURS[index % STRATEGY_COLOURS.length]
                : OTHER_COLOURS[Math.floorMod(label.hashCode(), OTHER_COLOURS.length)];
    }

    static final String IDEAL_COLOUR = "#999999";

    void add(String name, double[] x, double[] y, double[] low, double[] high, Style style, boolean markers,
             String colour, boolean legend) {
        series.add(new Series(name, x.clone(), y.clone(), low == null ? null : low.clone(),
                high == null ? null : high.clone(), style, markers, colour, legend));
    }

    String render() {
        double[] xRange = range(true);
        double[] yRange = range(false);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">", WIDTH, HEIGHT, WIDTH, HEIGHT,
                HtmlWriter.escape(title)));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.append(text(LEFT, 20, HtmlWriter.escape(title), "start", "font-weight:bold"));
        axes(svg, xRange, yRange);
        int legendY = TOP + 8;
        for (Series s : series) {
            String dash = switch (s.style()) {
                case SOLID -> "";
                case DASHED -> " stroke-dasharray=\"6 4\"";
                case DOTTED -> " stroke-dasharray=\"2 3\"";
            };
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.x().length; i++) {
                if (usable(s.x()[i], logX) && usable(s.y()[i], logY)) {
                    points.append(coordinate(px(s.x()[i], xRange))).append(',')
                            .append(coordinate(py(s.y()[i], yRange))).append(' ');
                }
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(s.color()).append("\" stroke-width=\"2\"")
                    .append(dash).append(" points=\"").append(points.toString().strip()).append("\"/>");
            if (s.low() != null) {
                for (int i = 0; i < s.x().length; i++) {
                    if (usable(s.x()[i], logX) && usable(s.low()[i], logY) && usable(s.high()[i], logY)) {
                        String x = coordinate(px(s.x()[i], xRange));
                        String top = coordinate(py(s.high()[i], yRange));
                        String bottom = coordinate(py(s.low()[i], yRange));
                        svg.append("<path d=\"M").append(x).append(' ').append(top).append(" V").append(bottom)
                                .append(" M").append(coordinate(px(s.x()[i], xRange) - 4)).append(' ').append(top)
                                .append(" h8 M").append(coordinate(px(s.x()[i], xRange) - 4)).append(' ')
                                .append(bottom).append(" h8\" stroke=\"").append(s.color())
                                .append("\" stroke-width=\"1.2\" fill=\"none\"/>");
                    }
                }
            }
            if (s.markers()) {
                for (int i = 0; i < s.x().length; i++) {
                    if (usable(s.x()[i], logX) && usable(s.y()[i], logY)) {
                        svg.append("<circle cx=\"").append(coordinate(px(s.x()[i], xRange))).append("\" cy=\"")
                                .append(coordinate(py(s.y()[i], yRange))).append("\" r=\"3.5\" fill=\"")
                                .append(s.color()).append("\"/>");
                    }
                }
            }
            if (!s.legend()) {
                continue;
            }
            int lx = WIDTH - RIGHT + 12;
            svg.append("<line x1=\"").append(lx).append("\" y1=\"").append(legendY).append("\" x2=\"").append(lx + 22)
                    .append("\" y2=\"").append(legendY).append("\" stroke=\"").append(s.color())
                    .append("\" stroke-width=\"2\"").append(dash).append("/>");
            svg.append(text(lx + 28, legendY + 4, HtmlWriter.escape(s.name()), "start", "font-size:11px"));
            legendY += 16;
        }
        return svg.append("</svg>").toString();
    }

    private void axes(StringBuilder svg, double[] xRange, double[] yRange) {
        int x0 = LEFT;
        int x1 = WIDTH - RIGHT;
        int y0 = HEIGHT - BOTTOM;
        int y1 = TOP;
        svg.append(String.format(Locale.ROOT, "<path d=\"M%d %d V%d H%d\" fill=\"none\" stroke=\"#333\"/>",
                x0, y1, y0, x1));
        for (double tick : ticks(xRange, logX)) {
            double x = px(tick, xRange);
            svg.append("<line x1=\"").append(coordinate(x)).append("\" y1=\"").append(y1).append("\" x2=\"")
                    .append(coordinate(x)).append("\" y2=\"").append(y0).append("\" stroke=\"#ddd\"/>");
            svg.append(text(x, y0 + 16, label(tick), "middle", "font-size:11px"));
        }
        for (double tick : ticks(yRange, logY)) {
            double y = py(tick, yRange);
            svg.append("<line x1=\"").append(x0).append("\" y1=\"").append(coordinate(y)).append("\" x2=\"")
                    .append(x1).append("\" y2=\"").append(coordinate(y)).append("\" stroke=\"#ddd\"/>");
            svg.append(text(x0 - 6, y + 4, label(tick), "end", "font-size:11px"));
        }
        svg.append(text((x0 + x1) / 2.0, HEIGHT - 12, HtmlWriter.escape(xLabel), "middle", ""));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 16 %.1f)\" font-family=\"sans-serif\" font-size=\"12\">%s</text>",
                (y0 + y1) / 2.0, (y0 + y1) / 2.0, HtmlWriter.escape(yLabel)));
    }

    private double[] range(boolean horizontal) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        boolean log = horizontal ? logX : logY;
        for (Series s : series) {
            List<double[]> values = new ArrayList<>(List.of(horizontal ? s.x() : s.y()));
            if (!horizontal && s.low() != null) {
                values.add(s.low());
                values.add(s.high());
            }
            for (double[] array : values) {
                for (double v : array) {
                    if (usable(v, log)) {
                        low = Math.min(low, v);
                        high = Math.max(high, v);
                    }
                }
            }
        }
        if (low > high) {
            return new double[] {1, 10};
        }
        if (log) {
            return new double[] {Math.pow(10, Math.floor(Math.log10(low))), Math.pow(10, Math.ceil(Math.log10(high)))};
        }
        low = Math.min(0, low);
        return new double[] {low, high == low ? low + 1 : high * 1.05};
    }

    private static List<Double> ticks(double[] range, boolean log) {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double t = range[0]; t <= range[1] * 1.0001; t *= 10) {
                ticks.add(t);
            }
            return ticks;
        }
        double span = range[1] - range[0];
        double step = Math.pow(10, Math.floor(Math.log10(span / 5)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (span / (step * factor) <= 6) {
                step *= factor;
                break;
            }
        }
        for (double t = Math.ceil(range[0] / step) * step; t <= range[1] + 1e-9; t += step) {
            ticks.add(t);
        }
        return ticks;
    }

    private double px(double x, double[] range) {
        return LEFT + (WIDTH - LEFT - RIGHT) * fraction(x, range, logX);
    }

    private double py(double y, double[] range) {
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * fraction(y, range, logY);
    }

    private static double fraction(double v, double[] range, boolean log) {
        return log ? (Math.log10(v) - Math.log10(range[0])) / (Math.log10(range[1]) - Math.log10(range[0]))
                : (v - range[0]) / (range[1] - range[0]);
    }

    /** One decimal, without String.format: a page of charts has tens of thousands of coordinates. */
    private static String coordinate(double v) {
        return Double.toString(Math.round(v * 10) / 10.0);
    }

    private static boolean usable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private static String label(double v) {
        if (v != 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) {
            return String.format(Locale.ROOT, "%.0e", v).replace("e+0", "e").replace("e+", "e").replace("e-0", "e-");
        }
        return Format.plain(v);
    }

    private static String text(double x, double y, String escaped, String anchor, String style) {
        return "<text x=\"" + coordinate(x) + "\" y=\"" + coordinate(y) + "\" text-anchor=\"" + anchor
                + "\" font-family=\"sans-serif\" font-size=\"12\" style=\"" + style + "\">" + escaped + "</text>";
    }
}
