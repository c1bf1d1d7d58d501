package forkbench.report.model;

import forkbench.statistics.Ratio;
import forkbench.statistics.TwoStage;
import forkbench.statistics.Sample;
import forkbench.configuration.ConfigurationKey;
import forkbench.configuration.ParameterValues;
import forkbench.report.input.Measurement;
import forkbench.strategy.Strategies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns measurements into a {@link Report}: speedups with fork-level intervals, efficiency, fits, recommendations.
 * Physics is a check here, not a result: on C cores no CPU-bound speedup exceeds min(workers, C), so a result past
 * it is flagged with its likely causes. Decisions (recommended workers, break-even) are taken only on significant
 * differences.
 */
final class Analysis {

    /** Fork means further apart than this, relative to the mean, and more than iterations explain: a warning. */
    static final double FORK_SPREAD = 0.05;
    private static final double FORK_TEST_LEVEL = 0.05;

    private Analysis() {
    }

    static Report analyze(List<Measurement> measurements, List<Report.Run> runs, ReportOptions options,
                          Map<ConfigurationKey, ConfigurationKey> references) {
        Map<ConfigurationKey, TreeMap<Integer, List<Measurement>>> grouped = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            grouped.computeIfAbsent(m.configuration().acrossWorkers(), key -> new TreeMap<>())
                    .computeIfAbsent(m.workers(), w -> new ArrayList<>()).add(m);
        }
        Map<ConfigurationKey, TreeMap<Integer, Replicates>> configurations = new LinkedHashMap<>();
        Map<ConfigurationKey, JvmUsage> usage = new java.util.HashMap<>();
        grouped.forEach((key, byWorkers) -> {
            TreeMap<Integer, Replicates> replicates = new TreeMap<>();
            byWorkers.forEach((workers, same) -> {
                replicates.put(workers, Replicates.of(same));
                JvmUsage.of(same).ifPresent(measured -> usage.put(same.get(0).configuration(), measured));
            });
            configurations.put(key, replicates);
        });
        Map<String, Double> coresByHost = new TreeMap<>();
        for (Report.Run run : runs) {
            if (run.metadata() != null) {
                coresByHost.put(run.host(), run.metadata().usableCores());
            }
        }
        List<ConfigurationKey> keys = new ArrayList<>(configurations.keySet());
        keys.sort(keyOrder(options));

        // Each configuration is independent of the others (the fits are the costly part): analyse them in parallel,
        // then collect in the sorted order.
        List<Analysed> analysed = keys.parallelStream()
                .map(key -> analyse(key, configurations, usage, coresByHost.getOrDefault(key.host(), options.cores()),
                        options))
                .toList();
        List<Report.Row> rows = new ArrayList<>();
        List<Report.Scaling> scaling = new ArrayList<>();
        for (Analysed one : analysed) {
            rows.addAll(one.rows());
            if (one.scaling() != null) {
                scaling.add(one.scaling());
            }
        }
        List<Report.Warning> warnings = new ArrayList<>();
        runs.forEach(run -> warnings.addAll(run.warnings()));
        warnings.addAll(RowWarnings.emptyColumns(keys, configurations, options));
        for (Report.Row row : rows) {
            warnings.addAll(row.anomalies());
            warnings.addAll(row.warnings());
        }
        // Jobs in the order the inputs list them (the summation's file before the primes' file), sizes ascending.
        Map<Map<String, String>, Integer> firstSeen = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            firstSeen.putIfAbsent(withoutSize(m.params(), options), firstSeen.size());
        }
        List<Report.Verdict> verdicts = new ArrayList<>(verdicts(keys, configurations, scaling, rows, options, references));
        verdicts.sort(Comparator.comparing(Report.Verdict::host)
                .thenComparingInt(v -> firstSeen.getOrDefault(withoutSize(v.params(), options), 0))
                .thenComparing((a, b) -> ParameterValues.compare(a.params().get(options.sizeParam()),
                        b.params().get(options.sizeParam()))));
        return new Report(options.confidence(), options.baseline(), runs, rows, scaling,
                JobComparisons.breakEven(rows, options), List.copyOf(verdicts), warnings,
                JobComparisons.processesAgainstThreads(configurations, usage, options.confidence()), DataMovement.NONE)
                .withDataMovement(options);
    }

    private static Map<String, String> withoutSize(Map<String, String> params, ReportOptions options) {
        Map<String, String> others = new TreeMap<>(params);
        others.remove(options.sizeParam());
        return others;
    }

    /**
     * Per host and parameters with a size: each strategy at its recommended worker count (the baseline at its
     * own), the fastest first, every other one as a ratio to the fastest with its fork-level interval. The fastest
     * is the one with the lowest mean — or, for a two-stage run, its job's reference (fastest in the pilot, at its
     * strategy's recommended count): a reference chosen before the judged forks keeps their intervals free of the
     * winner's curse (see {@link forkbench.statistics.TwoStage}); one shown faster than it comes first.
     *
     * @param references each job's reference configuration, for the jobs of a two-stage run
     */
    private static List<Report.Verdict> verdicts(List<ConfigurationKey> keys,
                                                 Map<ConfigurationKey, TreeMap<Integer, Replicates>> configurations,
                                                 List<Report.Scaling> scaling, List<Report.Row> rows,
                                                 ReportOptions options,
                                                 Map<ConfigurationKey, ConfigurationKey> references) {
        Map<ConfigurationKey, Integer> recommended = new LinkedHashMap<>();
        scaling.forEach(s -> recommended.put(s.configuration(), s.recommendedWorkers()));
        Map<ConfigurationKey, List<ConfigurationKey>> jobs = new LinkedHashMap<>();
        for (ConfigurationKey key : keys) {
            if (key.params().containsKey(options.sizeParam())) {
                jobs.computeIfAbsent(ConfigurationKey.job(key.host(), key.params()), k -> new ArrayList<>()).add(key);
            }
        }
        List<Report.Verdict> verdicts = new ArrayList<>();
        for (Map.Entry<ConfigurationKey, List<ConfigurationKey>> job : jobs.entrySet()) {
            Map<ConfigurationKey, Map.Entry<Integer, Replicates>> chosen = new LinkedHashMap<>();
            for (ConfigurationKey key : job.getValue()) {
                TreeMap<Integer, Replicates> byWorkers = configurations.get(key);
                Integer workers = recommended.getOrDefault(key, byWorkers.firstKey());
                chosen.put(key, Map.entry(workers, byWorkers.get(workers)));
            }
            ConfigurationKey lowest = chosen.entrySet().stream()
                    .min(Comparator.comparingDouble(e -> e.getValue().getValue().mean())).orElseThrow().getKey();
            ConfigurationKey reference = references.get(job.getKey());
            ConfigurationKey preferred = reference != null && chosen.containsKey(reference.acrossWorkers())
                    ? reference.acrossWorkers() : lowest;
            ConfigurationKey fastest = preferred;
            Replicates best = chosen.get(fastest).getValue();
            List<Report.Standing> standings = new ArrayList<>();
            // Shown faster than the reference first, then the reference, then the rest by mean.
            chosen.entrySet().stream().sorted(Comparator.<Map.Entry<ConfigurationKey, Map.Entry<Integer, Replicates>>>
                            comparingInt(e -> e.getKey().equals(fastest) ? 1 : shownFaster(e.getValue().getValue(),
                                    best, options) ? 0 : 2)
                            .thenComparingDouble(e -> e.getValue().getValue().mean()))
                    .forEach(e -> {
                        Replicates time = e.getValue().getValue();
                        Ratio slower = e.getKey().equals(fastest) ? null
                                : Ratio.of(time.sample(), best.sample(), options.confidence());
                        Report.Decision decision = slower == null ? Report.Decision.FASTEST
                                : Report.Decision.of(slower, options.margin(),
                                time.forks() >= 2 && best.forks() >= 2);
                        Integer toDecide = decision == Report.Decision.UNDECIDED
                                ? TwoStage.forksToDecide(time.sample(), best.sample(), options.margin(),
                                Report.Standing.MOST_FORKS_TO_DECIDE) : null;
                        standings.add(new Report.Standing(e.getKey().label(), e.getValue().getKey(), time.mean(),
                                finite(time.halfWidth(options.confidence())), slower, decision, time.forks(),
                                toDecide));
                    });
            ConfigurationKey jobKey = ConfigurationKey.job(fastest.host(), fastest.params());
            boolean pays = rows.stream().anyMatch(r -> ConfigurationKey.job(r.host(), r.params()).equals(jobKey)
                    && r.workers() >= 2 && r.speedup() != null && Boolean.TRUE.equals(r.speedup().significant())
                    && r.speedup().value() > 1);
            verdicts.add(new Report.Verdict(fastest.host(), fastest.params(), standings, pays));
        }
        return verdicts;
    }

    private static boolean shownFaster(Replicates time, Replicates reference, ReportOptions options) {
        Ratio ratio = Ratio.of(time.sample(), reference.sample(), options.confidence());
        return Boolean.TRUE.equals(ratio.significant()) && ratio.value() < 1;
    }

    private record Analysed(List<Report.Row> rows, Report.Scaling scaling) {
    }

    private static Analysed analyse(ConfigurationKey key,
                                    Map<ConfigurationKey, TreeMap<Integer, Replicates>> configurations,
                                    Map<ConfigurationKey, JvmUsage> usage, Double cores, ReportOptions options) {
        TreeMap<Integer, Replicates> baselines = configurations.get(key.withLabel(options.baseline()));
        // The baseline at the same host and parameters, whatever its worker count (it usually has none, i.e. 1).
        Replicates baseline = baselines == null ? null : baselines.firstEntry().getValue();
        TreeMap<Integer, Replicates> byWorkers = configurations.get(key);
        Replicates oneWorker = byWorkers.get(1);
        List<Report.Row> rows = new ArrayList<>();
        double[] n = new double[byWorkers.size()];
        double[] x = new double[byWorkers.size()];
        int i = 0;
        for (Map.Entry<Integer, Replicates> entry : byWorkers.entrySet()) {
            Replicates time = entry.getValue();
            rows.add(row(key, entry.getKey(), time, baseline, oneWorker, cores, options,
                    usage.get(new ConfigurationKey(key.host(), key.label(), key.params(), entry.getKey()))));
            n[i] = entry.getKey();
            x[i++] = 1e9 / time.mean();
        }
        if (key.label().equals(options.baseline())) {
            return new Analysed(rows, null);
        }
        double[] effective = new double[n.length];
        for (int j = 0; j < n.length; j++) {
            effective[j] = cores == null ? n[j] : Math.min(n[j], cores);
        }
        Recommendation choice = recommend(byWorkers, options);
        return new Analysed(rows, new Report.Scaling(key.host(), key.label(), key.params(),
                ScalingFitter.amdahl(effective, x, options.confidence()), ScalingFitter.usl(n, x, options.confidence()),
                choice.best(), choice.recommended(), choice.how()));
    }

    private static Report.Row row(ConfigurationKey key, int workers, Replicates time, Replicates baseline,
                                  Replicates oneWorker, Double cores, ReportOptions options, JvmUsage usage) {
        double confidence = options.confidence();
        Ratio speedup = baseline == null || key.label().equals(options.baseline())
                ? null : Ratio.of(baseline.sample(), time.sample(), confidence);
        Ratio self = oneWorker == null || workers == 1 ? null
                : Ratio.of(oneWorker.sample(), time.sample(), confidence);
        double limit = cores == null ? workers : Math.min(workers, cores);
        // Each branch boxes on its own: a single ?: chain would unbox the null of the last one.
        Double efficiency = null;
        if (speedup != null) {
            efficiency = speedup.value() / limit;
        } else if (self != null) {
            efficiency = self.value() / limit;
        } else if (oneWorker != null && workers == 1) {
            efficiency = 1.0 / limit;
        }
        Double karpFlatt = self == null || limit < 2
                ? null : (1 / self.value() - 1.0 / limit) / (1 - 1.0 / limit);

        String where = new ConfigurationKey(key.host(), key.label(), key.params(), workers).toString();
        List<Report.Warning> anomalies = new ArrayList<>();
        RowWarnings.beyondLimit(anomalies, where, "speedup vs " + options.baseline(), speedup, limit, "the "
                + options.baseline() + " baseline ran slower than the same work inside this strategy (another JIT "
                + "outcome or code layout in its forks), or the machine's speed drifted between the two");
        RowWarnings.beyondLimit(anomalies, where, "speedup vs 1 worker", self, limit, "the 1-worker run was slowed "
                + "(a busy neighbour, a slower fork) or ran a different code path");
        if (karpFlatt != null && karpFlatt < 0) {
            anomalies.add(new Report.Warning(Report.Kind.NEGATIVE_KARP_FLATT, where, String.format(Locale.ROOT,
                    "negative Karp-Flatt serial fraction %.3f: faster than linear against 1 worker, so the 1-worker "
                            + "time is suspect", karpFlatt), -karpFlatt));
        }

        List<Report.Warning> warnings = new ArrayList<>();
        if (time.noInterval() != null) {
            warnings.add(new Report.Warning(Report.Kind.ONE_FORK, where, time.noInterval(), 1));
        } else if (time.caution() != null) {
            warnings.add(new Report.Warning(Report.Kind.TWO_FORKS, where, time.caution(), 1));
        }
        double mean = time.mean();
        Double withinCv = Double.isNaN(time.within()) ? null : Math.sqrt(time.within()) / mean;
        Double betweenCv = Double.isNaN(time.between()) ? null : Math.sqrt(time.between()) / mean;
        if (withinCv != null && withinCv > ReportOptions.NOISY_VARIATION) {
            warnings.add(new Report.Warning(Report.Kind.NOISY, where, String.format(Locale.ROOT,
                    "iterations within a fork vary by %.0f%% (CV)", 100 * withinCv), withinCv));
        }
        if (time.forksDisagree(FORK_TEST_LEVEL, FORK_SPREAD)) {
            double[] forkMeans = time.forkMeans();
            double max = java.util.Arrays.stream(forkMeans).max().orElseThrow();
            double min = java.util.Arrays.stream(forkMeans).min().orElseThrow();
            double spread = (max - min) / mean;
            warnings.add(new Report.Warning(Report.Kind.FORKS_DISAGREE, where, String.format(Locale.ROOT,
                    "fork means %.0f%% apart, more than the iterations within them explain", 100 * spread), spread));
        }
        return new Report.Row(key.host(), key.label(), key.params(), workers, time.forks(), time.totalIterations(),
                mean, finite(time.halfWidth(confidence)), time.noInterval(), withinCv, betweenCv,
                finite(time.betweenShare()), limit, speedup, self, efficiency, karpFlatt, List.copyOf(anomalies),
                List.copyOf(warnings), java.util.Optional.ofNullable(usage));
    }

    /** [best, recommended]: how many workers to use, and why. */
    private record Recommendation(int best, int recommended, String how) {
    }

    /**
     * The fewest workers shown equivalent to the fastest count (its 95% interval within the margin),
     * else the fastest count itself — decided when every smaller count is shown slower, undecided otherwise. A
     * difference not shown is never taken for no difference: "not significantly slower" recommends nothing.
     */
    private static Recommendation recommend(TreeMap<Integer, Replicates> byWorkers, ReportOptions options) {
        int best = byWorkers.entrySet().stream().min(Comparator.comparingDouble(e -> e.getValue().mean()))
                .orElseThrow().getKey();
        if (byWorkers.size() == 1) {
            return new Recommendation(best, best, "the only worker count measured");
        }
        Sample bestSample = byWorkers.get(best).sample();
        if (bestSample.count() < 2) {
            return new Recommendation(best, best, "the fastest mean, unjudged: fewer than 2 forks, no fork-level "
                    + "interval");
        }
        boolean everySmallerSlower = true;
        for (Map.Entry<Integer, Replicates> entry : byWorkers.headMap(best).entrySet()) {
            Sample sample = entry.getValue().sample();
            Ratio ratio = Ratio.of(sample, bestSample, options.confidence());
            Report.Decision decision = Report.Decision.of(ratio, options.margin(), sample.count() >= 2);
            if (decision == Report.Decision.EQUIVALENT) {
                return new Recommendation(best, entry.getKey(), String.format(Locale.ROOT, "equivalent to %d "
                        + "workers within ±%s%% (its 95%% interval inside the margin): the fewer the better", best,
                        java.math.BigDecimal.valueOf(100 * options.margin()).stripTrailingZeros().toPlainString()));
            }
            everySmallerSlower &= decision == Report.Decision.SLOWER;
        }
        if (best == byWorkers.firstKey()) {
            return new Recommendation(best, best, "the fastest, and the fewest workers measured");
        }
        return new Recommendation(best, best, everySmallerSlower
                ? "the fastest; every smaller worker count is shown slower"
                : "the fastest mean, undecided: a smaller worker count is neither shown slower nor equivalent");
    }

    private static Comparator<ConfigurationKey> keyOrder(ReportOptions options) {
        return ConfigurationKey.order(options.baseline(), Strategies.REPORT_ORDER);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
