package forkbench.compare;

import forkbench.configuration.ConfigurationKey;
import forkbench.report.input.Measurement;
import forkbench.statistics.Ratio;
import forkbench.report.model.Replicates;
import forkbench.statistics.Sample;
import forkbench.statistics.Statistics;
import forkbench.strategy.Strategies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two runs of the same benchmarks, configuration by configuration: how much the time per operation changed, with a
 * Fieller interval on the ratio new / base over fork means, and whether the change is significant and beyond a
 * threshold. Testing many configurations at once finds "significant" changes by chance, so the decision uses
 * p-values adjusted by Holm's method over every configuration that could be tested: the chance of flagging any
 * unchanged configuration stays at 1 - confidence.
 *
 * @param changes          configurations measured in both runs, in a stable order
 * @param onlyInBase       configurations the new run lacks
 * @param onlyInNew        configurations the base run lacks
 * @param setAside         parameters that only one run has, each with a single value, left out of the matching (a
 *                         parameter added since the base run, such as {@code kernel=sum}), as {@code name=value}
 * @param tested           configurations with at least two forks on each side: those the correction counts
 * @param thresholdPercent a slowdown is a regression only when significant after correction and more than this
 * @param cautions         what makes the two runs less comparable than they look (made on different machines)
 */
public record Comparison(List<Change> changes, List<String> onlyInBase, List<String> onlyInNew,
                         List<String> setAside, double confidence, double thresholdPercent, int tested,
                         List<String> cautions) {

    public Comparison {
        cautions = List.copyOf(cautions);
    }

    /** This comparison with {@code more} cautions. */
    public Comparison withCautions(List<String> more) {
        List<String> all = new ArrayList<>(cautions);
        all.addAll(more);
        return new Comparison(changes, onlyInBase, onlyInNew, setAside, confidence, thresholdPercent, tested, all);
    }

    /**
     * @param baseForks   forks of the base run
     * @param newForks    forks of the new run
     * @param ratio       new time / base time: above 1 is slower (no interval with fewer than two forks a side)
     * @param p           two-sided p-value of "no change" (Welch's t over fork means); NaN when untestable
     * @param adjustedP   the same after Holm's correction over the tested configurations
     * @param significant the adjusted p-value is below 1 - confidence
     * @param regression  significantly slower after correction, by more than the threshold
     * @param improvement significantly faster after correction, by more than the threshold
     */
    public record Change(String label, Map<String, String> params, int workers, int baseForks, int newForks,
                         double baseNanos, double newNanos, Ratio ratio, double p, double adjustedP,
                         boolean significant, boolean regression, boolean improvement) {

        public String configuration() {
            return new ConfigurationKey("", label, params, workers).toString();
        }

        /** The change in percent: +10 is 10% slower. */
        public double percent() {
            return (ratio.value() - 1) * 100;
        }

        public boolean testable() {
            return !Double.isNaN(p);
        }
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
        TreeMap<ConfigurationKey, Replicates> before = byConfiguration(base, ignored);
        TreeMap<ConfigurationKey, Replicates> after = byConfiguration(fresh, ignored);
        List<ConfigurationKey> matched = new ArrayList<>();
        List<String> onlyInBase = new ArrayList<>();
        for (ConfigurationKey key : before.keySet()) {
            if (after.containsKey(key)) {
                matched.add(key);
            } else {
                onlyInBase.add(key.toString());
            }
        }
        double[] p = new double[matched.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = pValue(before.get(matched.get(i)).sample(), after.get(matched.get(i)).sample(), confidence);
        }
        double[] adjusted = Statistics.holm(p);
        double level = 1 - confidence;
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            ConfigurationKey key = matched.get(i);
            Replicates old = before.get(key);
            Replicates current = after.get(key);
            Ratio ratio = Ratio.of(current.sample(), old.sample(), confidence);
            boolean significant = adjusted[i] < level;
            double percent = (ratio.value() - 1) * 100;
            changes.add(new Change(key.label(), key.params(), key.workers(), old.forks(), current.forks(),
                    old.mean(), current.mean(), ratio, p[i], adjusted[i], significant,
                    significant && percent > thresholdPercent, significant && percent < -thresholdPercent));
        }
        List<String> onlyInNew = after.keySet().stream().filter(key -> !before.containsKey(key))
                .map(ConfigurationKey::toString).toList();
        int tested = (int) Arrays.stream(p).filter(value -> !Double.isNaN(value)).count();
        return new Comparison(changes, onlyInBase, onlyInNew, List.copyOf(setAside), confidence, thresholdPercent,
                tested, List.of());
    }

    /** Welch's two-sided p-value for equal means of two samples of fork means; NaN with fewer than 2 a side. */
    private static double pValue(Sample a, Sample b, double confidence) {
        Statistics.Difference difference = Statistics.welch(a, b, confidence);
        return difference == null ? Double.NaN : difference.p();
    }

    /** This comparison as a document for the writers (see {@link ComparisonView}). */
    public forkbench.report.markup.Document document() {
        return ComparisonView.of(this);
    }

    public boolean hasRegression() {
        return changes.stream().anyMatch(Change::regression);
    }

    /** Configurations with a single fork on a side: no fork-level judgment is possible for them. */
    public long untestable() {
        return changes.stream().filter(change -> !change.testable()).count();
    }

    private static Map<String, Set<String>> valuesByName(List<Measurement> measurements) {
        Map<String, Set<String>> values = new TreeMap<>();
        for (Measurement m : measurements) {
            m.params().forEach((name, value) -> values.computeIfAbsent(name, k -> new TreeSet<>()).add(value));
        }
        return values;
    }

    /**
     * Sorted, and looked up, by comparison: parameter values that are the same number (1e6, 1000000) match. Runs
     * from different machines are compared on purpose, so the host is left out.
     */
    private static TreeMap<ConfigurationKey, Replicates> byConfiguration(List<Measurement> measurements,
                                                                         Set<String> ignored) {
        Comparator<ConfigurationKey> order = ConfigurationKey.order("", Strategies.REPORT_ORDER);
        TreeMap<ConfigurationKey, List<Measurement>> grouped = new TreeMap<>(order);
        for (Measurement m : measurements) {
            Map<String, String> params = new TreeMap<>(m.params());
            params.keySet().removeAll(ignored);
            grouped.computeIfAbsent(new ConfigurationKey("", m.label(), params, m.workers()), k -> new ArrayList<>())
                    .add(m);
        }
        TreeMap<ConfigurationKey, Replicates> replicates = new TreeMap<>(order);
        grouped.forEach((key, same) -> replicates.put(key, Replicates.of(same)));
        return replicates;
    }
}
