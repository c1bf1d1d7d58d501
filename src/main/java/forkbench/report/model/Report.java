package forkbench.report.model;

import forkbench.memory.MemoryFootprint;
import forkbench.report.metadata.RunMetadata;

import java.util.List;
import java.util.Map;

/** Everything a report shows, computed once and rendered by every exporter alike. */
public record Report(double confidence, String baseline, List<Run> runs, List<Row> rows, List<Scaling> scaling,
                     List<BreakEven> breakEven, List<String> warnings) {

    /** One input file, what is known of the machine it ran on, and its memory per worker where measured. */
    public record Run(String source, String host, RunMetadata metadata, MemoryFootprint memory,
                      List<String> warnings) {
    }

    /**
     * One configuration at one worker count.
     *
     * @param timeNanos          mean time per operation of the whole system, ns
     * @param timeHalfWidthNanos half-width of its confidence interval ({@code null} with one sample)
     * @param variation          coefficient of variation of the iterations ({@code null} with one sample)
     * @param speedup            against the baseline at the same parameters ({@code null} without one)
     * @param selfSpeedup        against this strategy's own 1-worker score ({@code null} without one)
     * @param efficiency         speedup per core: speedup / min(workers, cores)
     * @param karpFlatt          the experimentally determined serial fraction, from the self speedup (2+ workers)
     */
    public record Row(String host, String label, Map<String, String> params, int workers, int samples,
                      double timeNanos, Double timeHalfWidthNanos, Double variation, Ratio speedup,
                      Ratio selfSpeedup, Double efficiency, Double karpFlatt, List<String> warnings) {
    }

    /** How one strategy scales with workers at fixed parameters, and the worker count to use. */
    public record Scaling(String host, String label, Map<String, String> params, ScalingFit amdahl, ScalingFit usl,
                          int bestWorkers, int recommendedWorkers) {
    }

    /** The smallest measured size at which a strategy beats the baseline significantly; size null if never. */
    public record BreakEven(String host, String label, Map<String, String> otherParams, String size,
                            Integer workers, Double speedup) {
    }
}
