package forkbench.report.export;

import forkbench.memory.MemoryFootprint;
import forkbench.report.metadata.RunMetadata;
import forkbench.report.model.Analysis;
import forkbench.report.model.Report;
import forkbench.report.model.ScalingFit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) with the tables and two
 * kinds of chart: speedup against workers, with the ideal line and the fitted model, and time against problem size
 * on log-log axes. Everything that comes from the input is escaped.
 */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                // Control characters are not allowed in HTML or XML text (SVG): a visible stand-in instead.
                default -> out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /**
     * Every chart as a standalone SVG document, by file name: {@code speedup-HOST-PARAMS.svg} and
     * {@code time-HOST-workersN-PARAMS.svg}, names reduced to safe characters.
     */
    public static Map<String, String> charts(Report report, String sizeParam) {
        List<String> labels = report.rows().stream().map(Report.Row::label).distinct().toList();
        Map<String, String> charts = new LinkedHashMap<>();
        speedupCharts(report, labels).forEach((name, svg) -> charts.put(unique(charts, "speedup-" + name), svg));
        timeCharts(report, sizeParam, labels).forEach((name, svg) -> charts.put(unique(charts, "time-" + name), svg));
        return charts;
    }

    /** The page, with {@code charts} (from {@link #charts}) inline. */
    public static String render(Report report, String sizeParam, Map<String, String> charts) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>forkbench report</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1400px}
                table{border-collapse:collapse;margin:1rem 0;font-size:13px}
                th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}
                th{background:#f3f3f3}td.t{text-align:left}
                .warn{background:#fff4e0;border-left:4px solid #f0a000;padding:.5rem 1rem}
                .ns{color:#999}.charts{display:flex;flex-wrap:wrap;gap:1rem}
                </style></head><body>
                <h1>forkbench report</h1>
                """);
        if (!report.warnings().isEmpty()) {
            html.append("<div class=\"warn\"><strong>Warnings</strong><ul>");
            report.warnings().forEach(w -> html.append("<li>").append(escape(w)).append("</li>"));
            html.append("</ul></div>");
        }
        runs(html, report);
        html.append("<h2>Speedup against workers</h2><div class=\"charts\">");
        charts.forEach((name, svg) -> html.append(name.startsWith("speedup-") ? svg : ""));
        html.append("</div>");
        if (charts.keySet().stream().anyMatch(name -> name.startsWith("time-"))) {
            html.append("<h2>Time against ").append(escape(sizeParam)).append(" (log-log)</h2><div class=\"charts\">");
            charts.forEach((name, svg) -> html.append(name.startsWith("time-") ? svg : ""));
            html.append("</div>");
        }
        speedupTable(html, report);
        memoryTable(html, report);
        hostsTable(html, report);
        scalingTable(html, report);
        breakEvenTable(html, report);
        return html.append("</body></html>\n").toString();
    }

    private static void runs(StringBuilder html, Report report) {
        html.append("<h2>Runs</h2><table><tr><th>file</th><th>host</th><th>CPU</th><th>cores</th><th>quota</th>")
                .append("<th>OS</th><th>JDK</th><th>JVM flags</th><th>started</th><th>ended</th>")
                .append("<th>load before</th><th>load after</th><th>order</th></tr>");
        for (Report.Run run : report.runs()) {
            RunMetadata m = run.metadata();
            html.append("<tr><td class=\"t\">").append(escape(run.source())).append("</td><td class=\"t\">")
                    .append(escape(run.host())).append("</td>");
            if (m == null) {
                html.append("<td class=\"t\" colspan=\"11\">no metadata recorded beside this file</td>");
            } else {
                html.append(td(m.cpuModel())).append(td(String.valueOf(m.logicalCores())))
                        .append(td(Format.number(m.cpuQuota(), 2))).append(td(m.os())).append(td(m.jdk()))
                        .append(td(String.join(" ", m.jvmFlags()))).append(td(m.startedAt())).append(td(m.endedAt()))
                        .append(td(Format.number(m.loadBefore(), 2))).append(td(Format.number(m.loadAfter(), 2)))
                        .append(td(m.order()));
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void speedupTable(StringBuilder html, Report report) {
        String confidence = Markdown.percent(report.confidence());
        html.append("<h2>Speedup per core</h2><p>Every interval is built over fork means (the fork is the unit of ")
                .append("replication). Speedups are ratios of mean times with Fieller ").append(confidence)
                .append(" intervals; grey marks an interval that contains 1 (not significant); ⚠ marks a value past ")
                .append("the physical limit min(workers, cores). Within / between: the noise of iterations within a ")
                .append("fork and the spread of fork means, relative to the mean, and the share between.</p>")
                .append("<table><tr><th>host</th><th>strategy</th><th>params</th><th>workers</th><th>forks</th>")
                .append("<th>time/op (").append(confidence).append(" CI)</th><th>within</th><th>between</th>")
                .append("<th>share between</th><th>speedup vs ")
                .append(escape(report.baseline())).append("</th><th>vs 1 worker</th><th>efficiency/core</th>")
                .append("<th>Karp–Flatt</th><th>notes</th></tr>");
        for (Report.Row r : report.rows()) {
            List<String> notes = new ArrayList<>(r.anomalies());
            notes.addAll(r.warnings());
            html.append("<tr>").append(td(r.host())).append(td(r.label())).append(td(Analysis.describe(r.params())))
                    .append("<td>").append(r.workers()).append("</td><td>").append(r.forks()).append("</td><td>")
                    .append(escape(Format.time(r.timeNanos(), r.timeHalfWidthNanos(), r.noInterval())))
                    .append("</td><td>").append(percentCell(r.withinForkCv())).append("</td><td>")
                    .append(percentCell(r.betweenForkCv())).append("</td><td>")
                    .append(Format.number(r.betweenShare(), 2)).append("</td>")
                    .append(ratioCell(r.speedup(), r.coreLimit())).append(ratioCell(r.selfSpeedup(), r.coreLimit()))
                    .append("<td>").append(Format.number(r.efficiency(), 2)).append("</td><td>")
                    .append(r.karpFlatt() != null && r.karpFlatt() < 0 ? "⚠ " : "")
                    .append(Format.number(r.karpFlatt(), 3)).append("</td>")
                    .append(td(String.join("; ", notes))).append("</tr>");
        }
        html.append("</table>");
    }

    private static void memoryTable(StringBuilder html, Report report) {
        if (report.runs().stream().noneMatch(run -> run.memory() != null)) {
            return;
        }
        html.append("<h2>Memory per worker</h2><p>Resident memory (RSS) measured on the run's machine.</p>")
                .append("<table><tr><th>file</th><th>host</th><th>child JVM after a job</th>")
                .append("<th>platform thread</th><th>virtual thread</th><th>bare JVM</th></tr>");
        for (Report.Run run : report.runs()) {
            MemoryFootprint m = run.memory();
            if (m != null) {
                html.append("<tr>").append(td(run.source())).append(td(run.host()))
                        .append("<td>").append(escape(Format.kib(m.childRssKiB()))).append("</td><td>")
                        .append(escape(Format.kib(m.platformThreadKiB()))).append("</td><td>")
                        .append(escape(Format.kib(m.virtualThreadKiB()))).append("</td><td>")
                        .append(escape(Format.kib(m.parentBaseKiB()))).append("</td></tr>");
            }
        }
        html.append("</table>");
    }

    private static void hostsTable(StringBuilder html, Report report) {
        List<String> hosts = HostComparison.hosts(report);
        if (hosts.size() < 2) {
            return;
        }
        html.append("<h2>Hosts side by side</h2><p>Speedup against ").append(escape(report.baseline()))
                .append(" on each host (time where there is no baseline).</p><table><tr><th>strategy</th>")
                .append("<th>params</th><th>workers</th>");
        hosts.forEach(host -> html.append("<th>").append(escape(host)).append("</th>"));
        html.append("</tr>");
        for (HostComparison.Line line : HostComparison.lines(report)) {
            html.append("<tr>").append(td(line.label())).append(td(Analysis.describe(line.params())))
                    .append("<td>").append(line.workers()).append("</td>");
            hosts.forEach(host -> html.append("<td>").append(escape(HostComparison.cell(line.byHost().get(host))))
                    .append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void scalingTable(StringBuilder html, Report report) {
        html.append("<h2>Scaling fits and recommended workers</h2><table><tr><th>host</th><th>strategy</th>")
                .append("<th>params</th><th>model</th><th>λ (ops/s)</th><th>σ</th><th>κ</th><th>R²</th>")
                .append("<th>peak workers</th><th>best</th><th>recommended</th></tr>");
        for (Report.Scaling s : report.scaling()) {
            for (ScalingFit fit : List.of(s.amdahl(), s.usl())) {
                html.append("<tr>").append(td(s.host())).append(td(s.label())).append(td(Analysis.describe(s.params())))
                        .append(td(fit.model()));
                if (fit.fitted()) {
                    html.append("<td>").append(withError(fit.lambda(), fit.halfWidth(fit.lambdaError())))
                            .append("</td><td>").append(withError(fit.sigma(), fit.halfWidth(fit.sigmaError())))
                            .append("</td><td>").append(fit.model().equals("usl")
                                    ? withError(fit.kappa(), fit.halfWidth(fit.kappaError())) : "")
                            .append("</td><td>").append(Format.number(fit.rSquared(), 3))
                            .append(fit.describesData() ? "" : " (does not describe the data)").append("</td><td>")
                            .append(fit.model().equals("usl") ? (fit.peakWorkers() == null ? "none"
                                    : Format.number(fit.peakWorkers(), 1)) : "").append("</td>");
                } else {
                    html.append("<td class=\"t\" colspan=\"5\">not fitted: ").append(escape(fit.note())).append("</td>");
                }
                html.append("<td>").append(s.bestWorkers()).append("</td><td>").append(s.recommendedWorkers())
                        .append("</td></tr>");
            }
        }
        html.append("</table>");
    }

    private static void breakEvenTable(StringBuilder html, Report report) {
        if (report.breakEven().isEmpty()) {
            return;
        }
        html.append("<h2>Break-even</h2><table><tr><th>host</th><th>strategy</th><th>other params</th>")
                .append("<th>beats ").append(escape(report.baseline())).append(" from size</th><th>workers</th>")
                .append("<th>speedup there</th></tr>");
        for (Report.BreakEven b : report.breakEven()) {
            html.append("<tr>").append(td(b.host())).append(td(b.label())).append(td(Analysis.describe(b.otherParams())))
                    .append(td(b.size() == null ? "never, at the sizes measured" : b.size()))
                    .append("<td>").append(b.workers() == null ? "" : b.workers()).append("</td><td>")
                    .append(escape(Format.ratio(b.speedup()))).append("</td></tr>");
        }
        html.append("</table>");
    }

    /** One chart per host and parameter set: each strategy's speedup, its fitted model, and the ideal line. */
    private static Map<String, String> speedupCharts(Report report, List<String> labels) {
        Map<List<Object>, List<Report.Row>> groups = new LinkedHashMap<>();
        for (Report.Row row : report.rows()) {
            groups.computeIfAbsent(List.of(row.host(), row.params()), k -> new ArrayList<>()).add(row);
        }
        Map<List<Object>, ScalingFit> fits = fitsToDraw(report);
        Map<String, String> charts = new LinkedHashMap<>();
        for (Map.Entry<List<Object>, List<Report.Row>> group : groups.entrySet()) {
            List<Report.Row> rows = group.getValue();
            Double baselineTime = rows.stream().filter(r -> r.label().equals(report.baseline()))
                    .map(Report.Row::timeNanos).findFirst().orElse(null);
            Map<String, List<Report.Row>> byLabel = new LinkedHashMap<>();
            rows.stream().filter(r -> !r.label().equals(report.baseline()))
                    .forEach(r -> byLabel.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r));
            int maxWorkers = rows.stream().mapToInt(Report.Row::workers).max().orElse(1);
            if (byLabel.isEmpty() || maxWorkers < 2) {
                continue;
            }
            String host = (String) group.getKey().get(0);
            @SuppressWarnings("unchecked")
            Map<String, String> params = (Map<String, String>) group.getKey().get(1);
            SvgChart chart = new SvgChart(host + "  " + Analysis.describe(params), "workers",
                    baselineTime != null ? "speedup vs " + report.baseline() : "speedup vs 1 worker", false, false);
            for (Map.Entry<String, List<Report.Row>> strategy : byLabel.entrySet()) {
                List<Report.Row> points = strategy.getValue();
                Double reference = baselineTime != null ? baselineTime : points.stream()
                        .filter(r -> r.workers() == 1).map(Report.Row::timeNanos).findFirst().orElse(null);
                if (reference == null) {
                    continue;
                }
                double[] x = points.stream().mapToDouble(Report.Row::workers).toArray();
                double[] y = points.stream().mapToDouble(r -> reference / r.timeNanos()).toArray();
                String colour = SvgChart.colour(labels.indexOf(strategy.getKey()));
                chart.add(strategy.getKey(), x, y, SvgChart.Style.SOLID, true, colour);
                ScalingFit fit = fits.get(List.of(host, strategy.getKey(), params));
                if (fit != null) {
                    double[] n = new double[41];
                    double[] s = new double[41];
                    for (int i = 0; i < n.length; i++) {
                        n[i] = 1 + (maxWorkers - 1) * i / 40.0;
                        s[i] = fit.throughput(n[i]) * reference / 1e9;
                    }
                    chart.add(strategy.getKey() + " (" + fit.model() + ")", n, s, SvgChart.Style.DASHED, false,
                            colour);
                }
            }
            chart.add("ideal", new double[] {1, maxWorkers}, new double[] {1, maxWorkers}, SvgChart.Style.DOTTED,
                    false, SvgChart.colour(-1));
            charts.put(fileName(host + "-" + Analysis.describe(params)), chart.render());
        }
        return charts;
    }

    /** One chart per host, other parameters and worker count: time per operation against problem size. */
    private static Map<String, String> timeCharts(Report report, String sizeParam, List<String> labels) {
        Map<List<Object>, Map<String, TreeMap<Double, Double>>> groups = new LinkedHashMap<>();
        TreeSet<Integer> workerCounts = new TreeSet<>();
        report.rows().stream().filter(r -> !r.label().equals(report.baseline()))
                .forEach(r -> workerCounts.add(r.workers()));
        for (Report.Row row : report.rows()) {
            String size = row.params().get(sizeParam);
            Double value = size == null ? null : parse(size);
            if (value == null || value <= 0) {
                continue;
            }
            Map<String, String> others = new TreeMap<>(row.params());
            others.remove(sizeParam);
            // The baseline has one worker count; draw it in every chart as the reference.
            List<Integer> targets = row.label().equals(report.baseline()) ? List.copyOf(workerCounts)
                    : List.of(row.workers());
            for (int workers : targets) {
                groups.computeIfAbsent(List.of(row.host(), others, workers), k -> new LinkedHashMap<>())
                        .computeIfAbsent(row.label(), k -> new TreeMap<>()).put(value, row.timeNanos() / 1e6);
            }
        }
        Map<String, String> charts = new LinkedHashMap<>();
        for (Map.Entry<List<Object>, Map<String, TreeMap<Double, Double>>> group : groups.entrySet()) {
            if (group.getValue().values().stream().allMatch(points -> points.size() < 2)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, String> others = (Map<String, String>) group.getKey().get(1);
            SvgChart chart = new SvgChart(group.getKey().get(0) + "  workers=" + group.getKey().get(2)
                    + (others.isEmpty() ? "" : "  " + Analysis.describe(others)), sizeParam, "time per op (ms)",
                    true, true);
            group.getValue().forEach((label, points) -> chart.add(label,
                    points.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    points.values().stream().mapToDouble(Double::doubleValue).toArray(), SvgChart.Style.SOLID, true,
                    SvgChart.colour(labels.indexOf(label))));
            charts.put(fileName(group.getKey().get(0) + "-workers" + group.getKey().get(2)
                    + (others.isEmpty() ? "" : "-" + Analysis.describe(others))), chart.render());
        }
        return charts;
    }

    /** Input text made into a file name: letters, digits, dot, dash and underscore only, never empty. */
    private static String fileName(String text) {
        String safe = text.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        return safe.isEmpty() ? "chart" : safe.length() > 120 ? safe.substring(0, 120) : safe;
    }

    private static String unique(Map<String, String> taken, String name) {
        String candidate = name + ".svg";
        for (int i = 2; taken.containsKey(candidate); i++) {
            candidate = name + "-" + i + ".svg";
        }
        return candidate;
    }

    /** The curve to draw for each (host, label, params): the USL where it was fitted, else Amdahl, else none. */
    private static Map<List<Object>, ScalingFit> fitsToDraw(Report report) {
        Map<List<Object>, ScalingFit> fits = new java.util.HashMap<>();
        for (Report.Scaling s : report.scaling()) {
            // A curve only where the model is shown as describing the data.
            ScalingFit fit = s.usl().describesData() ? s.usl() : s.amdahl().describesData() ? s.amdahl() : null;
            if (fit != null) {
                fits.put(List.of(s.host(), s.label(), s.params()), fit);
            }
        }
        return fits;
    }

    private static Double parse(String text) {
        try {
            return Double.parseDouble(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String percentCell(Double fraction) {
        return fraction == null ? "" : Format.fixed(100 * fraction, 1) + "%";
    }

    private static String ratioCell(forkbench.report.model.Ratio ratio, double limit) {
        String text = escape(Format.ratio(ratio, limit));
        return Boolean.FALSE.equals(ratio == null ? null : ratio.significant())
                ? "<td class=\"ns\">" + text + "</td>" : "<td>" + text + "</td>";
    }

    private static String withError(Double value, Double error) {
        return Format.scientific(value) + (error == null ? "" : " ± " + Format.scientific(error));
    }

    private static String td(String text) {
        return "<td class=\"t\">" + escape(text) + "</td>";
    }
}
