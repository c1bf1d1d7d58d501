package forkbench.report.chart;

import forkbench.configuration.ConfigurationKey;
import forkbench.configuration.ParameterValues;
import forkbench.report.model.FitModel;
import forkbench.report.model.Report;
import forkbench.report.model.ScalingFit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The report's charts as standalone SVG documents, by file name. Speedup against workers only for jobs where
 * parallelism pays at all (some strategy with 2+ workers beats the baseline significantly; elsewhere every line
 * would sit near zero), with each point's interval as an error bar, the ideal min(workers, cores) dotted, and a
 * fitted curve only where the fit describes the data. Time against the job size on log axes for everything else.
 * One legend entry and one colour per strategy, the same in every chart.
 */
public final class Charts {

    private Charts() {
    }

    /**
     * @param cores usable cores per host, for the ideal line ({@code null} or absent: workers)
     */
    public static Map<String, String> of(Report report, String sizeParam, Map<String, Double> cores) {
        Map<String, String> charts = new LinkedHashMap<>();
        speedup(report, sizeParam, cores).forEach((name, svg) -> charts.put(unique(charts, "speedup-" + name), svg));
        time(report, sizeParam).forEach((name, svg) -> charts.put(unique(charts, "time-" + name), svg));
        return charts;
    }

    private static Map<String, String> speedup(Report report, String sizeParam, Map<String, Double> cores) {
        Map<ConfigurationKey, List<Report.Row>> groups = new LinkedHashMap<>();
        for (Report.Row row : report.rows()) {
            if (row.params().containsKey(sizeParam)) {
                groups.computeIfAbsent(ConfigurationKey.job(row.host(), row.params()), k -> new ArrayList<>())
                        .add(row);
            }
        }
        Map<ConfigurationKey, ScalingFit.Fitted> fits = new LinkedHashMap<>();
        for (Report.Scaling s : report.scaling()) {
            ScalingFit fit = s.usl().describesData() ? s.usl() : s.amdahl();
            if (fit.describesData() && fit instanceof ScalingFit.Fitted drawn) {
                fits.put(s.configuration(), drawn);
            }
        }
        Map<String, String> charts = new LinkedHashMap<>();
        for (Map.Entry<ConfigurationKey, List<Report.Row>> group : groups.entrySet()) {
            List<Report.Row> rows = group.getValue();
            boolean pays = report.verdicts().stream().anyMatch(v -> v.parallelismPays()
                    && ConfigurationKey.job(v.host(), v.params()).equals(group.getKey()));
            int maxWorkers = rows.stream().mapToInt(Report.Row::workers).max().orElse(1);
            Double baselineTime = rows.stream().filter(r -> r.label().equals(report.baseline()))
                    .map(Report.Row::timeNanos).findFirst().orElse(null);
            if (!pays || maxWorkers < 2 || baselineTime == null) {
                continue;
            }
            String host = group.getKey().host();
            Map<String, String> params = group.getKey().params();
            Double hostCores = cores.get(host);
            SvgChart chart = new SvgChart(host + "  " + ParameterValues.describe(params), "workers",
                    "speedup vs " + report.baseline(), false, false);
            Map<String, List<Report.Row>> byLabel = new LinkedHashMap<>();
            rows.stream().filter(r -> !r.label().equals(report.baseline()) && r.speedup() != null)
                    .forEach(r -> byLabel.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r));
            for (Map.Entry<String, List<Report.Row>> strategy : byLabel.entrySet()) {
                List<Report.Row> points = strategy.getValue();
                double[] x = points.stream().mapToDouble(Report.Row::workers).toArray();
                double[] y = points.stream().mapToDouble(r -> r.speedup().value()).toArray();
                boolean intervals = points.stream().allMatch(r -> r.speedup().low() != null);
                double[] low = intervals ? points.stream().mapToDouble(r -> r.speedup().low()).toArray() : null;
                double[] high = intervals ? points.stream().mapToDouble(r -> r.speedup().high()).toArray() : null;
                String colour = SvgChart.colour(strategy.getKey());
                chart.add(strategy.getKey(), x, y, low, high, SvgChart.Style.SOLID, true, colour, true);
                ScalingFit.Fitted fit = fits.get(group.getKey().withLabel(strategy.getKey()));
                if (fit != null) {
                    double[] n = new double[41];
                    double[] s = new double[41];
                    for (int i = 0; i < n.length; i++) {
                        n[i] = 1 + (maxWorkers - 1) * i / 40.0;
                        // Amdahl was fitted on min(workers, cores), so it is evaluated there too.
                        double at = fit.model() == FitModel.AMDAHL && hostCores != null
                                ? Math.min(n[i], hostCores) : n[i];
                        s[i] = fit.throughput(at) * baselineTime / 1e9;
                    }
                    chart.add(strategy.getKey() + " (" + fit.model() + ")", n, s, null, null, SvgChart.Style.DASHED,
                            false, colour, false);
                }
            }
            TreeSet<Integer> workers = new TreeSet<>();
            rows.forEach(r -> workers.add(r.workers()));
            workers.add(1);
            double[] ix = workers.stream().mapToDouble(Integer::doubleValue).toArray();
            double[] iy = workers.stream().mapToDouble(w -> hostCores == null ? w : Math.min(w, hostCores)).toArray();
            chart.add("ideal: min(workers, cores)", ix, iy, null, null, SvgChart.Style.DOTTED, false,
                    SvgChart.IDEAL_COLOUR, true);
            charts.put(fileName(host + "-" + ParameterValues.describe(params)), chart.render());
        }
        return charts;
    }

    /** One chart per host, other parameters and worker count: time per operation against the job size. */
    private static Map<String, String> time(Report report, String sizeParam) {
        Map<ConfigurationKey, Map<String, TreeMap<Double, Report.Row>>> groups = new LinkedHashMap<>();
        TreeSet<Integer> workerCounts = new TreeSet<>();
        report.rows().stream().filter(r -> !r.label().equals(report.baseline()) && r.params().containsKey(sizeParam))
                .forEach(r -> workerCounts.add(r.workers()));
        for (Report.Row row : report.rows()) {
            String size = row.params().get(sizeParam);
            java.math.BigDecimal value = ParameterValues.number(size);
            if (value == null || value.signum() <= 0) {
                continue;
            }
            // The baseline has one worker count; it is drawn in every chart as the reference.
            List<Integer> targets = row.label().equals(report.baseline()) ? List.copyOf(workerCounts)
                    : List.of(row.workers());
            for (int workers : targets) {
                groups.computeIfAbsent(new ConfigurationKey(row.host(), "", row.params(), workers).without(sizeParam),
                                k -> new LinkedHashMap<>())
                        .computeIfAbsent(row.label(), k -> new TreeMap<>()).put(value.doubleValue(), row);
            }
        }
        Map<String, String> charts = new LinkedHashMap<>();
        for (Map.Entry<ConfigurationKey, Map<String, TreeMap<Double, Report.Row>>> group : groups.entrySet()) {
            if (group.getValue().values().stream().allMatch(points -> points.size() < 2)) {
                continue;
            }
            ConfigurationKey key = group.getKey();
            Map<String, String> others = key.params();
            SvgChart chart = new SvgChart(key.host() + "  workers=" + key.workers()
                    + (others.isEmpty() ? "" : "  " + ParameterValues.describe(others)), sizeParam,
                    "time per op (ms)", true, true);
            group.getValue().forEach((label, points) -> {
                double[] x = points.keySet().stream().mapToDouble(Double::doubleValue).toArray();
                double[] y = points.values().stream().mapToDouble(r -> r.timeNanos() / 1e6).toArray();
                boolean intervals = points.values().stream().allMatch(r -> r.timeHalfWidthNanos() != null);
                double[] low = intervals ? points.values().stream()
                        .mapToDouble(r -> (r.timeNanos() - r.timeHalfWidthNanos()) / 1e6).toArray() : null;
                double[] high = intervals ? points.values().stream()
                        .mapToDouble(r -> (r.timeNanos() + r.timeHalfWidthNanos()) / 1e6).toArray() : null;
                chart.add(label, x, y, low, high, SvgChart.Style.SOLID, true, SvgChart.colour(label), true);
            });
            charts.put(fileName(key.host() + "-workers" + key.workers()
                    + (others.isEmpty() ? "" : "-" + ParameterValues.describe(others))), chart.render());
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
}
