package forkbench.report.view;

import forkbench.configuration.ParameterValues;
import forkbench.report.markup.Format;
import forkbench.record.RunMetadata;
import forkbench.report.model.DataMovement;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import forkbench.workload.data.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What the sections say about jobs and machines alike: the one-line summary, the job titles, their order. */
final class Jobs {

    private Jobs() {
    }

    /** One line: the runs, their host and cores, the forks behind the numbers. */
    static String summary(Report report) {
        int fewest = report.rows().stream().mapToInt(Report.Row::forks).min().orElse(0);
        int most = report.rows().stream().mapToInt(Report.Row::forks).max().orElse(0);
        List<String> machines = new ArrayList<>();
        for (Report.Run run : report.runs()) {
            RunMetadata m = run.metadata();
            double cores = m == null ? 0 : m.usableCores();
            String machine = m == null ? run.host() + " (no metadata)" : run.host() + ", "
                    + Format.plain(cores)
                    + (cores == 1 ? " core, " : " cores, ") + m.jdk();
            if (!machines.contains(machine)) {
                machines.add(machine);
            }
        }
        return "Measured on " + String.join("; ", machines) + ", " + (fewest == most ? fewest + "" : fewest + "-"
                + most) + (most == 1 ? " fork" : " forks") + " per configuration.";
    }

    /** Whether some row has the size parameter: a forkbench comparison, not a generic sweep. */
    static boolean hasSizes(Report report, ReportOptions options) {
        return report.rows().stream().anyMatch(r -> r.params().containsKey(options.sizeParam()));
    }

    static Set<String> hosts(Report report) {
        return report.rows().stream().map(Report.Row::host).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The parameters that vary between verdicts (the size, and a kernel if several were measured). */
    static Set<String> varyingParams(Report report, ReportOptions options) {
        Map<String, Set<String>> values = new TreeMap<>();
        report.verdicts().forEach(v -> v.params().forEach((name, value) ->
                values.computeIfAbsent(name, k -> new TreeSet<>()).add(value)));
        Set<String> varying = new TreeSet<>();
        values.forEach((name, set) -> {
            if (set.size() > 1 || name.equals(options.sizeParam())) {
                varying.add(name);
            }
        });
        return varying;
    }

    static String jobTitle(Map<String, String> params, ReportOptions options, Set<String> varying) {
        List<String> parts = new ArrayList<>();
        String size = params.get(options.sizeParam());
        java.math.BigDecimal bytes = ParameterValues.number(size);
        if (size != null) {
            // A data job's size is in bytes, and reads best in binary units.
            parts.add(options.sizeParam() + " = " + (params.containsKey(DataMovement.TRANSPORT) && bytes != null
                    ? Bytes.describe(bytes.longValue()) : Format.powerOfTen(size)));
        }
        params.forEach((name, value) -> {
            if (!name.equals(options.sizeParam()) && varying.contains(name)) {
                parts.add(name + " = " + value);
            }
        });
        return String.join(", ", parts);
    }

    /** Jobs by size first (numerically), then by their other parameters. */
    static int compareGroups(Map<String, String> a, Map<String, String> b, String sizeParam) {
        String sa = a.get(sizeParam);
        String sb = b.get(sizeParam);
        if (sa == null || sb == null) {
            return sa == null ? (sb == null ? ParameterValues.compare(a, b) : 1) : -1;
        }
        int bySize = ParameterValues.compare(sa, sb);
        return bySize != 0 ? bySize : ParameterValues.compare(a, b);
    }
}
