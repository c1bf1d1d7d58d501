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
     * One configuration at one worker count. Every interval is built over fork means (see {@link Replicates}).
     *
     * @param forks              forks measured: the unit of replication
     * @param iterations         measured iterations over every fork
     * @param timeNanos          mean time per operation of the whole system (the mean of fork means), ns
     * @param timeHalfWidthNanos half-width of its interval ({@code null} with one fork: see {@code noInterval})
     * @param noInterval         why there is no interval, or {@code null}
     * @param withinForkCv       iteration noise within a fork, relative to the mean ({@code null} if unknown)
     * @param betweenForkCv      spread of true fork means, relative to the mean ({@code null} with one fork)
     * @param betweenShare       share of a single iteration's variance that lies between forks
     * @param coreLimit          the most speedup this row can physically show: min(workers, cores)
     * @param speedup            against the baseline at the same parameters ({@code null} without one)
     * @param selfSpeedup        against this strategy's own 1-worker score ({@code null} without one)
     * @param efficiency         speedup per core: speedup / min(workers, cores)
     * @param karpFlatt          the experimentally determined serial fraction, from the self speedup with
     *                           p = min(workers, cores) ({@code null} below 2)
     * @param anomalies          results past what physics allows, each with its likely causes: never plain results
     */
    public record Row(String host, String label, Map<String, String> params, int workers, int forks, int iterations,
                      double timeNanos, Double timeHalfWidthNanos, String noInterval, Double withinForkCv,
                      Double betweenForkCv, Double betweenShare, double coreLimit, Ratio speedup, Ratio selfSpeedup,
                      Double efficiency, Double karpFlatt, List<String> anomalies, List<String> warnings) {

        /** Whether the speedup's point estimate is past the physical limit (flagged, whatever its interval). */
        public boolean speedupBeyondLimit() {
            return speedup != null && speedup.value() > coreLimit;
        }

        public boolean selfSpeedupBeyondLimit() {
            return selfSpeedup != null && selfSpeedup.value() > coreLimit;
        }
    }

    /**
     * How one strategy scales with workers at fixed parameters, and the worker count to use.
     *
     * @param bestWorkers        the worker count with the lowest mean time
     * @param recommendedWorkers the fewest workers whose time is not significantly worse than the best one's
     * @param recommendation     how the recommendation was decided, in words
     */
    public record Scaling(String host, String label, Map<String, String> params, ScalingFit amdahl, ScalingFit usl,
                          int bestWorkers, int recommendedWorkers, String recommendation) {
    }

    /**
     * The smallest measured size from which a strategy with two or more workers beats the baseline significantly,
     * at that size and at every larger one measured; size {@code null} if there is none.
     */
    public record BreakEven(String host, String label, Map<String, String> otherParams, String size,
                            Integer workers, Ratio speedup) {
    }
}

