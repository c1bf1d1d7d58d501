package forkbench.report.model;

import forkbench.statistics.Ratio;
import forkbench.configuration.ConfigurationKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The doubts the analysis raises about its own numbers: a speedup past the physical limit min(workers, cores),
 * and columns a report leaves empty, with why.
 */
final class RowWarnings {

    private RowWarnings() {
    }

    /** A speedup past min(workers, cores) is an anomaly: wholly past it by its interval, or past it within noise. */
    static void beyondLimit(List<Report.Warning> anomalies, String where, String what, Ratio ratio,
                                    double limit, String causes) {
        if (ratio == null || ratio.value() <= limit) {
            return;
        }
        String value = String.format(Locale.ROOT, "%s %.2fx", what, ratio.value());
        String bound = "min(workers, cores) = " + forkbench.report.markup.Format.plain(limit);
        String text = ratio.low() != null && ratio.low() > limit
                ? String.format(Locale.ROOT, "%s [%.2f, %.2f] lies above the physical limit %s: likely %s", value,
                        ratio.low(), ratio.high(), bound, causes)
                : value + " is above the physical limit " + bound + " (within noise): not a real gain";
        anomalies.add(new Report.Warning(Report.Kind.BEYOND_LIMIT, where, text, ratio.value() / limit));
    }

    /**
     * Which columns some rows leave empty, and why, one line per reason: a run of a subset of strategies or worker
     * counts is a normal run, and its report says what it could not compute instead of failing.
     */
    static List<Report.Warning> emptyColumns(List<ConfigurationKey> keys,
                                                     Map<ConfigurationKey, TreeMap<Integer, Replicates>> configurations,
                                                     ReportOptions options) {
        List<String> noBaseline = new ArrayList<>();
        List<String> noOneWorker = new ArrayList<>();
        for (ConfigurationKey key : keys) {
            if (key.label().equals(options.baseline())) {
                continue;
            }
            String where = key.toString();
            if (!configurations.containsKey(key.withLabel(options.baseline()))) {
                noBaseline.add(where);
            }
            TreeMap<Integer, Replicates> byWorkers = configurations.get(key);
            if (!byWorkers.containsKey(1) && byWorkers.keySet().stream().anyMatch(w -> w > 1)) {
                noOneWorker.add(where);
            }
        }
        List<Report.Warning> notes = new ArrayList<>();
        if (!noBaseline.isEmpty()) {
            notes.add(new Report.Warning(Report.Kind.EMPTY_COLUMNS, "", "no speedup vs " + options.baseline()
                    + " (the results hold no " + options.baseline() + " run with the same parameters) for "
                    + String.join("; ", noBaseline), noBaseline.size()));
        }
        if (!noOneWorker.isEmpty()) {
            notes.add(new Report.Warning(Report.Kind.EMPTY_COLUMNS, "", "no speedup vs 1 worker (no 1-worker run) for "
                    + String.join("; ", noOneWorker), noOneWorker.size()));
        }
        return notes;
    }
}
