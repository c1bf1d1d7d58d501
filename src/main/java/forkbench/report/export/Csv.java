package forkbench.report.export;

import forkbench.statistics.Ratio;
import forkbench.report.model.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * report.csv: the data, not a rendering — one line per configuration and worker count, every number unrounded, one
 * column per parameter. The tables as the report shows them are in csv/ (see {@link CsvWriter}).
 */
final class Csv {

    private Csv() {
    }

    public static String render(Report report) {
        TreeSet<String> paramNames = new TreeSet<>();
        report.rows().forEach(row -> paramNames.addAll(row.params().keySet()));
        List<String> header = new ArrayList<>(List.of("host", "strategy"));
        paramNames.forEach(name -> header.add(CsvWriter.field("param_" + name)));
        header.addAll(List.of("workers", "forks", "iterations", "time_ns", "time_ci_half_width_ns", "no_interval",
                "within_fork_cv", "between_fork_cv", "between_share", "core_limit",
                "speedup", "speedup_low", "speedup_high", "speedup_significant",
                "self_speedup", "self_speedup_low", "self_speedup_high", "self_speedup_significant",
                "efficiency_per_core", "karp_flatt_serial_fraction", "anomalies"));
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        for (Report.Row r : report.rows()) {
            List<String> cells = new ArrayList<>(List.of(CsvWriter.field(r.host()), CsvWriter.field(r.label())));
            paramNames.forEach(name -> cells.add(CsvWriter.field(r.params().getOrDefault(name, ""))));
            cells.addAll(List.of(String.valueOf(r.workers()), String.valueOf(r.forks()),
                    String.valueOf(r.iterations()), number(r.timeNanos()), number(r.timeHalfWidthNanos()),
                    CsvWriter.field(r.noInterval() == null ? "" : r.noInterval()), number(r.withinForkCv()),
                    number(r.betweenForkCv()), number(r.betweenShare()), number(r.coreLimit())));
            ratio(cells, r.speedup());
            ratio(cells, r.selfSpeedup());
            cells.add(number(r.efficiency()));
            cells.add(number(r.karpFlatt()));
            cells.add(CsvWriter.field(String.join("; ", r.anomalies().stream().map(Report.Warning::text).toList())));
            line(csv, cells);
        }
        return csv.toString();
    }

    private static void ratio(List<String> cells, Ratio ratio) {
        cells.add(ratio == null ? "" : number(ratio.value()));
        cells.add(ratio == null ? "" : number(ratio.low()));
        cells.add(ratio == null ? "" : number(ratio.high()));
        cells.add(ratio == null || ratio.significant() == null ? "" : ratio.significant().toString());
    }

    private static String number(Double value) {
        return value == null || !Double.isFinite(value) ? "" : Double.toString(value);
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(String.join(",", cells)).append("\r\n");
    }
}
