package forkbench.report.model;

import forkbench.report.input.Measurement;
import forkbench.report.metadata.RunMetadata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Turns measurements into a {@link Report}: speedups with intervals, efficiency, fits, recommendations. */
public final class Analysis {

    /** forkbench's own strategies, in the order a reader expects; other labels follow alphabetically. */
    private static final List<String> KNOWN_ORDER = List.of("sequential", "platformThreads", "threadPool",
            "virtualThreads", "forkJoin", "parallelStream", "processCold", "processPool");

    private Analysis() {
    }

    /** A configuration: one strategy at fixed parameters on one host, across worker counts. */
    private record Key(String host, String label, Map<String, String> params) {
    }

    public static Report analyze(List<Measurement> measurements, List<Report.Run> runs, ReportOptions options) {
        Map<Key, TreeMap<Integer, double[]>> configurations = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            configurations.computeIfAbsent(new Key(m.host(), m.label(), new TreeMap<>(m.params())),
                    key -> new TreeMap<>()).merge(m.workers(), m.iterationNanos(), Analysis::concat);
        }
        Map<String, Double> coresByHost = new TreeMap<>();
        for (Report.Run run : runs) {
            if (run.metadata() != null) {
                coresByHost.put(run.host(), run.metadata().usableCores());
            }
        }
        List<Key> keys = new ArrayList<>(configurations.keySet());
        keys.sort(keyOrder(options));

        // Each configuration is independent of the others (the fits are the costly part): analyse them in parallel,
        // then collect in the sorted order.
        List<Analysed> analysed = keys.parallelStream()
                .map(key -> analyse(key, configurations, coresByHost.getOrDefault(key.host(), options.cores()), options))
                .toList();
        List<Report.Row> rows = new ArrayList<>();
        List<Report.Scaling> scaling = new ArrayList<>();
        for (Analysed one : analysed) {
            rows.addAll(one.rows());
            if (one.scaling() != null) {
                scaling.add(one.scaling());
            }
        }
        List<String> warnings = new ArrayList<>();
        runs.forEach(run -> warnings.addAll(run.warnings()));
        warnings.addAll(emptyColumns(keys, configurations, options));
        for (Report.Row row : rows) {
            for (String warning : row.warnings()) {
                warnings.add(row.host() + " " + row.label() + " " + describe(row.params()) + " workers=" + row.workers()
                        + ": " + warning);
            }
        }
        return new Report(options.confidence(), options.baseline(), runs, rows, scaling,
                breakEven(rows, options), warnings);
    }

    private record Analysed(List<Report.Row> rows, Report.Scaling scaling) {
    }

    private static Analysed analyse(Key key, Map<Key, TreeMap<Integer, double[]>> configurations, Double cores,
                                    ReportOptions options) {
        Sample baseline = baselineSample(configurations, key, options);
        TreeMap<Integer, Sample> byWorkers = new TreeMap<>();
        configurations.get(key).forEach((workers, times) -> byWorkers.put(workers, Sample.of(times)));
        Sample oneWorker = byWorkers.get(1);
        List<Report.Row> rows = new ArrayList<>();
        double[] n = new double[byWorkers.size()];
        double[] x = new double[byWorkers.size()];
        int i = 0;
        for (Map.Entry<Integer, Sample> entry : byWorkers.entrySet()) {
            Sample time = entry.getValue();
            rows.add(row(key, entry.getKey(), time, baseline, oneWorker, cores, options));
            n[i] = entry.getKey();
            x[i++] = 1e9 / time.mean();
        }
        if (key.label().equals(options.baseline())) {
            return new Analysed(rows, null);
        }
        int[] choice = recommend(byWorkers, options.confidence());
        return new Analysed(rows, new Report.Scaling(key.host(), key.label(), key.params(),
                ScalingFitter.amdahl(n, x), ScalingFitter.usl(n, x), choice[0], choice[1]));
    }

    private static Report.Row row(Key key, int workers, Sample time, Sample baseline, Sample oneWorker, Double cores,
                                  ReportOptions options) {
        Ratio speedup = baseline == null || key.label().equals(options.baseline())
                ? null : Ratio.of(baseline, time, options.confidence());
        Ratio self = oneWorker == null || workers == 1 ? null : Ratio.of(oneWorker, time, options.confidence());
        double divisor = cores == null ? workers : Math.min(workers, cores);
        // Each branch boxes on its own: a single ?: chain would unbox the null of the last one.
        Double efficiency = null;
        if (speedup != null) {
            efficiency = speedup.value() / divisor;
        } else if (self != null) {
            efficiency = self.value() / divisor;
        } else if (oneWorker != null && workers == 1) {
            efficiency = 1.0 / divisor;
        }
        Double karpFlatt = self == null || workers < 2
                ? null : (1 / self.value() - 1.0 / workers) / (1 - 1.0 / workers);
        List<String> warnings = new ArrayList<>();
        if (time.count() < ReportOptions.FEW_SAMPLES) {
            warnings.add("only " + time.count() + " measured iteration" + (time.count() == 1 ? "" : "s")
                    + ": no reliable interval");
        }
        if (time.count() > 1 && time.variation() > ReportOptions.NOISY_VARIATION) {
            warnings.add(String.format(java.util.Locale.ROOT, "noisy: iterations vary by %.0f%% (CV)",
                    100 * time.variation()));
        }
        return new Report.Row(key.host(), key.label(), key.params(), workers, time.count(), time.mean(),
                finite(time.halfWidth(options.confidence())), finite(time.variation()), speedup, self, efficiency, karpFlatt,
                warnings);
    }

    /**
     * Which columns some rows leave empty, and why, one line per reason: a run of a subset of strategies or worker
     * counts is a normal run, and its report says what it could not compute instead of failing.
     */
    private static List<String> emptyColumns(List<Key> keys, Map<Key, TreeMap<Integer, double[]>> configurations,
                                             ReportOptions options) {
        List<String> noBaseline = new ArrayList<>();
        List<String> noOneWorker = new ArrayList<>();
        for (Key key : keys) {
            if (key.label().equals(options.baseline())) {
                continue;
            }
            String where = key.label() + (key.params().isEmpty() ? "" : " " + describe(key.params()));
            if (!configurations.containsKey(new Key(key.host(), options.baseline(), key.params()))) {
                noBaseline.add(where);
            }
            TreeMap<Integer, double[]> byWorkers = configurations.get(key);
            if (!byWorkers.containsKey(1) && byWorkers.keySet().stream().anyMatch(w -> w > 1)) {
                noOneWorker.add(where);
            }
        }
        List<String> notes = new ArrayList<>();
        if (!noBaseline.isEmpty()) {
            notes.add("no speedup vs " + options.baseline() + " (the results hold no " + options.baseline()
                    + " run with the same parameters) for " + String.join("; ", noBaseline));
        }
        if (!noOneWorker.isEmpty()) {
            notes.add("no speedup vs 1 worker (no 1-worker run) for " + String.join("; ", noOneWorker));
        }
        return notes;
    }

    /** The baseline at the same host and parameters, whatever its worker count (it usually has none, i.e. 1). */
    private static Sample baselineSample(Map<Key, TreeMap<Integer, double[]>> configurations, Key key,
                                         ReportOptions options) {
        TreeMap<Integer, double[]> baseline = configurations.get(new Key(key.host(), options.baseline(), key.params()));
        return baseline == null ? null : Sample.of(baseline.firstEntry().getValue());
    }

    /** [best worker count, recommended]: the smallest count whose time is within the best one's interval. */
    private static int[] recommend(TreeMap<Integer, Sample> byWorkers, double confidence) {
        int best = -1;
        Sample bestSample = null;
        for (Map.Entry<Integer, Sample> entry : byWorkers.entrySet()) {
            Sample sample = entry.getValue();
            if (bestSample == null || sample.mean() < bestSample.mean()) {
                best = entry.getKey();
                bestSample = sample;
            }
        }
        double halfWidth = bestSample.halfWidth(confidence);
        double limit = bestSample.mean() + (Double.isNaN(halfWidth) ? 0 : halfWidth);
        for (Map.Entry<Integer, Sample> entry : byWorkers.entrySet()) {
            if (entry.getValue().mean() <= limit) {
                return new int[] {best, entry.getKey()};
            }
        }
        return new int[] {best, best};
    }

    private static List<Report.BreakEven> breakEven(List<Report.Row> rows, ReportOptions options) {
        Map<List<Object>, Report.BreakEven> found = new LinkedHashMap<>();
        for (Report.Row row : rows) {
            if (row.label().equals(options.baseline()) || row.speedup() == null
                    || !row.params().containsKey(options.sizeParam())) {
                continue;
            }
            Map<String, String> others = new TreeMap<>(row.params());
            String size = others.remove(options.sizeParam());
            List<Object> group = List.of(row.host(), row.label(), others);
            Report.BreakEven current = found.get(group);
            boolean wins = Boolean.TRUE.equals(row.speedup().significant()) && row.speedup().value() > 1;
            if (current == null) {
                current = new Report.BreakEven(row.host(), row.label(), others, null, null, null);
            }
            if (wins && (current.size() == null || compareValues(size, current.size()) < 0)) {
                current = new Report.BreakEven(row.host(), row.label(), others, size, row.workers(),
                        row.speedup().value());
            }
            found.put(group, current);
        }
        return List.copyOf(found.values());
    }

    private static Comparator<Key> keyOrder(ReportOptions options) {
        Comparator<Key> byLabel = Comparator.comparing(key -> labelRank(key.label(), options.baseline()));
        return Comparator.comparing(Key::host)
                .thenComparing(byLabel)
                .thenComparing(Key::label)
                .thenComparing((a, b) -> compareParams(a.params(), b.params()));
    }

    private static int labelRank(String label, String baseline) {
        if (label.equals(baseline)) {
            return -1;
        }
        int known = KNOWN_ORDER.indexOf(label);
        return known >= 0 ? known : KNOWN_ORDER.size();
    }

    private static int compareParams(Map<String, String> a, Map<String, String> b) {
        for (String name : a.keySet()) {
            int order = compareValues(a.get(name), b.getOrDefault(name, ""));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Numbers in numeric order (so 1000 < 2e9 < 10000000000), anything else alphabetically. */
    public static int compareValues(String a, String b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return Objects.compare(a, b, Comparator.naturalOrder());
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip().replace("_", ""));
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    public static String describe(Map<String, String> params) {
        StringBuilder text = new StringBuilder();
        params.forEach((name, value) -> text.append(text.isEmpty() ? "" : " ").append(name).append('=').append(value));
        return text.toString();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
