package forkbench.report.model;

import forkbench.statistics.Ratio;
import forkbench.statistics.Sample;
import forkbench.configuration.ConfigurationKey;
import forkbench.configuration.ParameterValues;
import forkbench.strategy.Strategies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the analysis compares across strategies within a job: the process pool against the thread pool at the same
 * memory and workers, and the size from which each strategy beats the baseline.
 */
final class JobComparisons {

    private JobComparisons() {
    }

    /** Every job and worker count that both pools ran: the process pool's time over the thread pool's. */
    static List<Report.ProcessesAgainstThreads> processesAgainstThreads(
            Map<ConfigurationKey, TreeMap<Integer, Replicates>> configurations, Map<ConfigurationKey, JvmUsage> usage,
            double confidence) {
        List<Report.ProcessesAgainstThreads> pairs = new ArrayList<>();
        configurations.forEach((key, byWorkers) -> {
            if (!key.label().equals(Strategies.PROCESS_POOL)) {
                return;
            }
            TreeMap<Integer, Replicates> threads = configurations.get(key.withLabel(Strategies.THREAD_POOL));
            if (threads == null) {
                return;
            }
            byWorkers.forEach((workers, pool) -> {
                Replicates other = threads.get(workers);
                if (other != null) {
                    pairs.add(new Report.ProcessesAgainstThreads(key.host(), key.params(), workers,
                            Ratio.of(Sample.of(pool.forkMeans()), Sample.of(other.forkMeans()), confidence),
                            java.util.Optional.ofNullable(usage.get(new ConfigurationKey(key.host(),
                                    Strategies.PROCESS_POOL, key.params(), workers))),
                            java.util.Optional.ofNullable(usage.get(new ConfigurationKey(key.host(),
                                    Strategies.THREAD_POOL, key.params(), workers)))));
                }
            });
        });
        // Grouped by host and kernel, then by the other parameters (a size, a heap, a collector) in order.
        pairs.sort(Comparator.comparing(Report.ProcessesAgainstThreads::host)
                .thenComparing(pair -> pair.params().getOrDefault("kernel", ""))
                .thenComparing((a, b) -> ParameterValues.compare(a.params(), b.params()))
                .thenComparingInt(Report.ProcessesAgainstThreads::workers));
        return List.copyOf(pairs);
    }

    /**
     * Per strategy and other parameters: the smallest measured size from which a strategy with 2+ workers is
     * significantly faster than the baseline at that size and at every larger size measured.
     */
    static List<Report.BreakEven> breakEven(List<Report.Row> rows, ReportOptions options) {
        Map<ConfigurationKey, TreeMap<String, Report.Row>> bestWinBySize = new LinkedHashMap<>();
        for (Report.Row row : rows) {
            if (row.label().equals(options.baseline()) || row.speedup() == null
                    || !row.params().containsKey(options.sizeParam())) {
                continue;
            }
            String size = row.params().get(options.sizeParam());
            TreeMap<String, Report.Row> bySize = bestWinBySize.computeIfAbsent(
                    row.configuration().acrossWorkers().without(options.sizeParam()),
                    k -> new TreeMap<>(ParameterValues::compare));
            bySize.putIfAbsent(size, null);
            boolean wins = row.workers() >= 2 && Boolean.TRUE.equals(row.speedup().significant())
                    && row.speedup().value() > 1;
            Report.Row current = bySize.get(size);
            if (wins && (current == null || row.speedup().value() > current.speedup().value())) {
                bySize.put(size, row);
            }
        }
        List<Report.BreakEven> found = new ArrayList<>();
        bestWinBySize.forEach((key, bySize) -> {
            String from = null;
            for (String size : bySize.descendingKeySet()) {
                if (bySize.get(size) == null) {
                    break;
                }
                from = size;
            }
            Report.Row win = from == null ? null : bySize.get(from);
            found.add(new Report.BreakEven(key.host(), key.label(), key.params(), from,
                    win == null ? null : win.workers(), win == null ? null : win.speedup()));
        });
        return List.copyOf(found);
    }
}
