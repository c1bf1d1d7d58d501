package forkbench.report.model;

import forkbench.statistics.Ratio;
import forkbench.configuration.ConfigurationKey;
import forkbench.record.MemoryFootprint;
import forkbench.record.RunMetadata;

import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, computed once and rendered by every exporter alike.
 *
 * @param verdicts per host and parameters (a job size, a kernel): which strategy is fastest and what the others cost
 * @param warnings what to doubt, each with its kind, so a report can group them
 * @param processesAgainstThreads the process pool against the thread pool on each job they both ran
 */
public record Report(double confidence, String baseline, List<Run> runs, List<Row> rows, List<Scaling> scaling,
                     List<BreakEven> breakEven, List<Verdict> verdicts, List<Warning> warnings,
                     List<ProcessesAgainstThreads> processesAgainstThreads, DataMovement dataMovement) {

    /**
     * The report on {@code measurements} from {@code runs}: every number any view shows, computed once (see
     * {@link Analysis}).
     */
    public static Report of(List<forkbench.report.input.Measurement> measurements, List<Run> runs,
                            ReportOptions options) {
        return of(measurements, runs, options, Map.of());
    }

    /**
     * @param references each job's reference for a two-stage run: its fastest configuration in the pilot (see
     *                   {@link forkbench.statistics.TwoStage})
     */
    public static Report of(List<forkbench.report.input.Measurement> measurements, List<Run> runs,
                            ReportOptions options, Map<ConfigurationKey, ConfigurationKey> references) {
        return Analysis.analyze(measurements, runs, options, references);
    }

    /** This report with what moving data cost in it, read off its own verdicts (see {@link DataMovement#of}). */
    Report withDataMovement(ReportOptions options) {
        return new Report(confidence, baseline, runs, rows, scaling, breakEven, verdicts, warnings,
                processesAgainstThreads, DataMovement.of(this, options));
    }

    /**
     * {@code processPool} against {@code threadPool} on the same host, job (its size, kernel, heap and collector)
     * and worker count: the question a run of allocating work at a given memory asks.
     *
     * @param poolOverThreads the pool's time over the threads' time, a ratio of fork means with its interval
     * @param pool            what every JVM of the pool allocated and collected per job, where measured
     * @param threads         the same for the thread pool's JVM
     */
    public record ProcessesAgainstThreads(String host, Map<String, String> params, int workers,
                                          Ratio poolOverThreads, java.util.Optional<JvmUsage> pool,
                                          java.util.Optional<JvmUsage> threads) {
    }

    /**
     * The answer for one job: each strategy at its recommended worker count, fastest first.
     *
     * @param params           the job's parameters (size, kernel, ...)
     * @param parallelismPays whether some strategy with 2 or more workers beats the baseline significantly at this
     *                         job: where a speedup chart has something to show
     */
    public record Verdict(String host, Map<String, String> params, List<Standing> standings,
                          boolean parallelismPays) {
    }

    /**
     * One strategy in a verdict.
     *
     * @param againstFastest this strategy's time / the fastest one's, with its interval ({@code null} for the fastest)
     * @param decision       what the evidence says of it against the fastest
     * @param forks          the forks behind its time
     * @param forksToDecide  for an undecided standing, the forks after a pilot each side should need to decide it
     *                       (80% power, planned from these forks as from a pilot; at most
     *                       {@link #MOST_FORKS_TO_DECIDE}); {@code null} otherwise
     */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"label", "workers", "timeNanos", "timeHalfWidthNanos",
            "againstFastest", "distinguishable", "decision", "forks", "forksToDecide"})
    public record Standing(String label, int workers, double timeNanos, Double timeHalfWidthNanos,
                           Ratio againstFastest, Decision decision, int forks, Integer forksToDecide) {

        /** Past this many forks a side the report says only that it would take more: the difference is all but nil. */
        public static final int MOST_FORKS_TO_DECIDE = 1000;

        /**
         * Whether it is shown to be slower than the fastest: its ratio's interval lies above 1 ({@code null} for the
         * fastest, or without an interval).
         */
        @com.fasterxml.jackson.annotation.JsonProperty
        public Boolean distinguishable() {
            return againstFastest == null ? null : againstFastest.significant();
        }
    }

    /**
     * What the evidence says of a strategy against the fastest, both ways, read off one interval: shown slower,
     * shown the same within the margin, or neither — and then either undecided or, with an interval spanning an
     * order of magnitude, too noisy to tell anything. The same 95% interval decides both ways, so each wrong
     * decision (slower when it is not, the same when it is not) has a chance of at most 2.5%.
     */
    public enum Decision {
        FASTEST, SLOWER, FASTER, EQUIVALENT, UNDECIDED, TOO_NOISY, NO_INTERVAL;

        /**
         * Slower when the ratio's interval lies above 1, faster when below (possible only against a reference
         * chosen before the final forks: see {@link forkbench.statistics.TwoStage}); equivalent when it lies
         * within the margin; else undecided, or too noisy to tell when the interval says next to nothing — or
         * there is none although both sides have forks to build one from (Fieller's interval is unbounded when the
         * denominator's own interval reaches zero).
         *
         * @param replicated whether both sides have at least 2 forks
         */
        public static Decision of(Ratio ratio, double margin, boolean replicated) {
            if (ratio.low() == null) {
                return replicated ? TOO_NOISY : NO_INTERVAL;
            }
            if (Boolean.TRUE.equals(ratio.significant())) {
                return ratio.value() > 1 ? SLOWER : FASTER;
            }
            if (ratio.within(margin)) {
                return EQUIVALENT;
            }
            return ratio.tooWide() ? TOO_NOISY : UNDECIDED;
        }

        /** Whether the evidence settles it: slower, faster or the same. */
        public boolean decided() {
            return this == SLOWER || this == FASTER || this == EQUIVALENT;
        }
    }

    /** Kinds of warning, run-level first: the order a reader should see them in. */
    public enum Kind {
        LOAD("load above the cores during the run"),
        NO_METADATA("no run metadata"),
        MACHINES_DIFFER("runs of one host name on different cores or JDKs"),
        ONE_FORK("one fork: no interval"),
        TWO_FORKS("two forks: very wide intervals"),
        EMPTY_COLUMNS("columns left empty"),
        BEYOND_LIMIT("past the physical limit min(workers, cores)"),
        NEGATIVE_KARP_FLATT("negative Karp-Flatt serial fraction"),
        FORKS_DISAGREE("fork means differ more than iterations explain"),
        NOISY("noisy iterations within forks (CV above 5%)");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * Something to doubt.
     *
     * @param where    the run or configuration it is about ({@code ""} for the whole report)
     * @param severity how bad, for showing the worst first (a CV, a spread, a ratio past the limit)
     */
    public record Warning(Kind kind, String where, String text, double severity) {

        public String line() {
            return where.isEmpty() ? text : where + ": " + text;
        }
    }

    /** One input file, what is known of the machine it ran on, and its memory per worker where measured. */
    public record Run(String source, String host, RunMetadata metadata, MemoryFootprint memory,
                      List<Warning> warnings) {
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
     * @param warnings           what else to doubt about this row
     * @param usage              allocation and GC of every JVM per operation, where the run measured them
     */
    public record Row(String host, String label, Map<String, String> params, int workers, int forks, int iterations,
                      double timeNanos, Double timeHalfWidthNanos, String noInterval, Double withinForkCv,
                      Double betweenForkCv, Double betweenShare, double coreLimit, Ratio speedup, Ratio selfSpeedup,
                      Double efficiency, Double karpFlatt, List<Warning> anomalies, List<Warning> warnings,
                      java.util.Optional<JvmUsage> usage) {

        /** Whether the speedup's point estimate is past the physical limit (flagged, whatever its interval). */
        public boolean speedupBeyondLimit() {
            return speedup != null && speedup.value() > coreLimit;
        }

        public boolean selfSpeedupBeyondLimit() {
            return selfSpeedup != null && selfSpeedup.value() > coreLimit;
        }

        public ConfigurationKey configuration() {
            return new ConfigurationKey(host, label, params, workers);
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

        /** This strategy at these parameters, across its worker counts. */
        public ConfigurationKey configuration() {
            return new ConfigurationKey(host, label, params, ConfigurationKey.ANY_WORKERS);
        }
    }

    /**
     * The smallest measured size from which a strategy with two or more workers beats the baseline significantly,
     * at that size and at every larger one measured; size {@code null} if there is none.
     */
    public record BreakEven(String host, String label, Map<String, String> otherParams, String size,
                            Integer workers, Ratio speedup) {
    }
}

