package forkbench.compare;

import forkbench.report.input.Measurement;
import forkbench.report.model.Analysis;
import forkbench.report.model.Ratio;
import forkbench.report.model.Sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two runs of the same benchmarks, configuration by configuration: how much the time per operation changed, with a
 * Fieller interval on the ratio new / base, and whether the change is significant and beyond a threshold.
 *
 * @param changes       configurations measured in both runs, in a stable order
 * @param onlyInBase    configurations the new run lacks
 * @param onlyInNew     configurations the base run lacks
 * @param setAside      parameters that only one run has, each with a single value, left out of the matching (a
 *                      parameter added since the base run, such as {@code kernel=sum}), as {@code name=value}
 * @param thresholdPercent a slowdown is a regression only when significant and more than this
 */
public record Comparison(List<Change> changes, List<String> onlyInBase, List<String> onlyInNew,
                         List<String> setAside, double confidence, double thresholdPercent) {

    /**
     * @param ratio new time / base time: above 1 is slower
     * @param regression significantly slower by more than the threshold
     * @param improvement significantly faster by more than the threshold
     */
    public record Change(String label, Map<String, String> params, int workers, double baseNanos, double newNanos,
                         Ratio ratio, boolean regression, boolean improvement) {

        public String configuration() {
            return describe(label, params, workers);
        }

        /** The change in percent: +10 is 10% slower. */
        public double percent() {
            return (ratio.value() - 1) * 100;
        }
    }

    private record Key(String label, Map<String, String> params, int workers) {
    }

    public static Comparison of(List<Measurement> base, List<Measurement> fresh, double confidence,
                                double thresholdPercent) {
        Map<String, Set<String>> baseValues = valuesByName(base);
        Map<String, Set<String>> newValues = valuesByName(fresh);
        Set<String> ignored = new TreeSet<>();
        List<String> setAside = new ArrayList<>();
        for (var side : List.of(Map.entry(baseValues, newValues), Map.entry(newValues, baseValues))) {
            side.getKey().forEach((name, values) -> {
                if (!side.getValue().containsKey(name) && values.size() == 1) {
                    ignored.add(name);
                    setAside.add(name + "=" + values.iterator().next());
                }
            });
        }
        TreeMap<Key, double[]> before = byConfiguration(base, ignored);
        TreeMap<Key, double[]> after = byConfiguration(fresh, ignored);
        List<Change> changes = new ArrayList<>();
        List<String> onlyInBase = new ArrayList<>();
        for (Map.Entry<Key, double[]> entry : before.entrySet()) {
            Key key = entry.getKey();
            double[] now = after.get(key);
            if (now == null) {
                onlyInBase.add(describe(key.label(), key.params(), key.workers()));
                continue;
            }
            Sample old = Sample.of(entry.getValue());
            Sample current = Sample.of(now);
            Ratio ratio = Ratio.of(current, old, confidence);
            boolean significant = Boolean.TRUE.equals(ratio.significant());
            double percent = (ratio.value() - 1) * 100;
            changes.add(new Change(key.label(), key.params(), key.workers(), old.mean(), current.mean(), ratio,
                    significant && percent > thresholdPercent, significant && percent < -thresholdPercent));
        }
        List<String> onlyInNew = after.keySet().stream().filter(key -> !before.containsKey(key))
                .map(key -> describe(key.label(), key.params(), key.workers())).toList();
        return new Comparison(changes, onlyInBase, onlyInNew, List.copyOf(setAside), confidence, thresholdPercent);
    }

    public boolean hasRegression() {
        return changes.stream().anyMatch(Change::regression);
    }

    private static Map<String, Set<String>> valuesByName(List<Measurement> measurements) {
        Map<String, Set<String>> values = new TreeMap<>();
        for (Measurement m : measurements) {
            m.params().forEach((name, value) -> values.computeIfAbsent(name, k -> new TreeSet<>()).add(value));
        }
        return values;
    }

    /** Sorted, and looked up, by comparison: parameter values that are the same number (1e6, 1000000) match. */
    private static TreeMap<Key, double[]> byConfiguration(List<Measurement> measurements, Set<String> ignored) {
        TreeMap<Key, double[]> grouped = new TreeMap<>(Comparator.comparing(Key::label)
                .thenComparing((a, b) -> compareParams(a.params(), b.params()))
                .thenComparingInt(Key::workers));
        for (Measurement m : measurements) {
            Map<String, String> params = new TreeMap<>(m.params());
            params.keySet().removeAll(ignored);
            grouped.merge(new Key(m.label(), params, m.workers()), m.iterationNanos(),
                    (a, b) -> {
                        double[] both = java.util.Arrays.copyOf(a, a.length + b.length);
                        System.arraycopy(b, 0, both, a.length, b.length);
                        return both;
                    });
        }
        return grouped;
    }

    private static int compareParams(Map<String, String> a, Map<String, String> b) {
        int order = String.join(",", a.keySet()).compareTo(String.join(",", b.keySet()));
        if (order != 0) {
            return order;
        }
        for (String name : a.keySet()) {
            order = Analysis.compareValues(a.get(name), b.get(name));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static String describe(String label, Map<String, String> params, int workers) {
        String described = Analysis.describe(params);
        return label + (described.isEmpty() ? "" : " " + described) + " workers=" + workers;
    }
}
