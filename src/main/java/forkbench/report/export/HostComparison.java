package forkbench.report.export;

import forkbench.report.model.Report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The same configurations measured on several hosts, one line each with a cell per host. */
final class HostComparison {

    record Line(String label, Map<String, String> params, int workers, Map<String, Report.Row> byHost) {
    }

    private HostComparison() {
    }

    static List<String> hosts(Report report) {
        return report.rows().stream().map(Report.Row::host).distinct().toList();
    }

    static List<Line> lines(Report report) {
        Map<List<Object>, Map<String, Report.Row>> grouped = new LinkedHashMap<>();
        for (Report.Row row : report.rows()) {
            grouped.computeIfAbsent(List.of(row.label(), row.params(), row.workers()), k -> new LinkedHashMap<>())
                    .put(row.host(), row);
        }
        List<Line> lines = new ArrayList<>();
        grouped.forEach((key, byHost) -> {
            @SuppressWarnings("unchecked")
            Map<String, String> params = (Map<String, String>) key.get(1);
            lines.add(new Line((String) key.get(0), params, (Integer) key.get(2), byHost));
        });
        return lines;
    }

    /** A host's cell: the speedup against the baseline where there is one, else the time. */
    static String cell(Report.Row row) {
        if (row == null) {
            return "";
        }
        return row.speedup() != null ? Format.ratio(row.speedup()) : Format.time(row.timeNanos(), row.timeHalfWidthNanos());
    }
}
