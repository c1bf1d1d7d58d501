package forkbench.faults;

import forkbench.statistics.Ratio;
import forkbench.statistics.Sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What each fault did to each strategy, computed once from the trials: every number the section "When a worker
 * fails" shows, and {@code report.json} holds. The trial JVM is the unit of replication (a fork): throughput ratios
 * are ratios of fork means with Fieller intervals over forks.
 *
 * @param confidence the level of every interval
 * @param cells      one per strategy and fault (the fault-free column included), in the run's order
 */
record BlastRadius(double confidence, List<Cell> cells) {

    /**
     * One strategy under one fault, over its forks.
     *
     * @param survived           forks whose JVM under test lived to the end of its jobs
     * @param died               forks whose JVM died (a crash took it, or an error nobody caught)
     * @param killed             forks whose JVM was destroyed at the trial's time limit
     * @param faultsFired        faults that fired, over all forks
     * @param medianJobMillis    a correct job's median time, faulted jobs excluded
     * @param recoveryMillis     median time from a fault firing to the next correct job's answer, over the faults
     *                           after which one came; empty when none did
     * @param unrecovered        faults after which the fork had jobs, and none of them was correct again
     * @param throughput         correct jobs per second against the fault-free trials of the same strategy; empty
     *                           for the fault-free cell, or when a side has no fork that survived
     * @param typicalCause       the most frequent cause of a failed job, empty when none failed
     * @param closeProblems      forks whose strategy did not close cleanly after its jobs (a thread that would not
     *                           stop), with the first such problem
     */
    record Cell(String strategy, String fault, int forks, int survived, int died, int killed, long correct,
                long failed, long wrong, long lost, long faultsFired, double medianJobMillis,
                Optional<Double> recoveryMillis, long unrecovered, Optional<Ratio> throughput, String typicalCause,
                int closeProblems, String firstCloseProblem, Optional<Recovery> replacement) {
    }

    /**
     * What healing cost a pool, set against what it cannot cost less than.
     *
     * @param coldStartMillis   median fork-to-first-message of a fresh child, timed in the same trials
     * @param replacementMillis median time from a death being seen to the replacement's first message
     * @param replacements      how many replacements that median is over
     * @param extraJobMillis    a faulted job's median time beyond a correct unfaulted one's, in the same forks
     * @param againstColdStart  replacement over cold start: what healing costs beyond the one thing it must do
     */
    record Recovery(double coldStartMillis, double replacementMillis, int replacements, double extraJobMillis,
                    double againstColdStart) {

        static Recovery of(double coldStartMillis, double replacementMillis, int replacements, double extraJobMillis) {
            return new Recovery(coldStartMillis, replacementMillis, replacements, extraJobMillis,
                    replacementMillis / coldStartMillis);
        }
    }

    /** @param strategies the strategies in the order the section lists them (trials come in shuffled rounds) */
    static BlastRadius of(List<TrialResult> trials, List<String> strategies, double confidence) {
        Map<String, Map<String, List<TrialResult>>> grouped = new LinkedHashMap<>();
        strategies.forEach(strategy -> grouped.put(strategy, new TreeMap<>(
                Comparator.comparingInt(BlastRadius::faultOrder))));
        for (TrialResult trial : trials) {
            grouped.computeIfAbsent(trial.spec().strategy(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(trial.spec().faultId(), k -> new ArrayList<>()).add(trial);
        }
        List<Cell> cells = new ArrayList<>();
        grouped.values().removeIf(Map::isEmpty);
        grouped.forEach((strategy, byFault) -> {
            List<TrialResult> none = byFault.getOrDefault(TrialSpec.NONE, List.of());
            byFault.forEach((fault, forks) -> cells.add(cell(strategy, fault, forks, none, confidence)));
        });
        return new BlastRadius(confidence, cells);
    }

    private static Cell cell(String strategy, String fault, List<TrialResult> forks, List<TrialResult> none,
                             double confidence) {
        List<JobRecord> jobs = forks.stream().flatMap(trial -> trial.jobs().stream()).toList();
        double[] normal = jobs.stream().filter(job -> !job.faulted() && job.outcome() == Outcome.CORRECT)
                .mapToDouble(JobRecord::millis).toArray();
        List<Double> recoveries = new ArrayList<>();
        long unrecovered = 0;
        for (TrialResult trial : forks) {
            for (JobRecord job : trial.jobs()) {
                if (job.firedNanos() == 0) {
                    continue;
                }
                Optional<JobRecord> next = trial.jobs().stream().skip(job.job())
                        .filter(later -> later.outcome() == Outcome.CORRECT).findFirst();
                if (next.isPresent()) {
                    recoveries.add((next.get().endNanos() - job.firedNanos()) / 1e6);
                } else if (job.job() < trial.jobs().size() - 1) {
                    unrecovered++;
                }
                // A fault in the last job, which failed, had nothing after it to recover in: not observed.
            }
        }
        Optional<Ratio> throughput = Optional.empty();
        List<TrialResult> lived = forks.stream().filter(trial -> trial.ending() == Ending.SURVIVED).toList();
        List<TrialResult> baseline = none.stream().filter(trial -> trial.ending() == Ending.SURVIVED).toList();
        if (!fault.equals(TrialSpec.NONE) && !lived.isEmpty() && !baseline.isEmpty()) {
            throughput = Optional.of(Ratio.of(Sample.of(lived.stream().mapToDouble(TrialResult::throughput).toArray()),
                    Sample.of(baseline.stream().mapToDouble(TrialResult::throughput).toArray()), confidence));
        }
        List<String> closeProblems = forks.stream().map(TrialResult::closeProblem).filter(p -> !p.isEmpty()).toList();
        return new Cell(strategy, fault, forks.size(), count(forks, Ending.SURVIVED), count(forks, Ending.DIED),
                count(forks, Ending.KILLED), count(jobs, Outcome.CORRECT), count(jobs, Outcome.FAILED),
                count(jobs, Outcome.WRONG), count(jobs, Outcome.LOST), jobs.stream().filter(j -> j.firedNanos() != 0)
                .count(), median(normal), recoveries.isEmpty() ? Optional.empty()
                : Optional.of(median(recoveries.stream().mapToDouble(Double::doubleValue).toArray())), unrecovered,
                throughput, typicalCause(jobs), closeProblems.size(),
                closeProblems.isEmpty() ? "" : closeProblems.get(0), recovery(forks, normal));
    }

    /** Where the pool replaced children: the replacement's cost against a cold start and the job's extra time. */
    private static Optional<Recovery> recovery(List<TrialResult> forks, double[] normal) {
        double[] replacements = forks.stream().flatMap(trial -> trial.replacementMillis().stream())
                .mapToDouble(Double::doubleValue).toArray();
        double[] cold = forks.stream().flatMap(trial -> trial.coldStartMillis().stream())
                .mapToDouble(Double::doubleValue).toArray();
        double[] faulted = forks.stream().flatMap(trial -> trial.jobs().stream())
                .filter(job -> job.faulted() && job.outcome() == Outcome.CORRECT).mapToDouble(JobRecord::millis)
                .toArray();
        if (replacements.length == 0 || cold.length == 0 || faulted.length == 0 || normal.length == 0) {
            return Optional.empty();
        }
        return Optional.of(Recovery.of(median(cold), median(replacements), replacements.length,
                median(faulted) - median(normal)));
    }

    private static String typicalCause(List<JobRecord> jobs) {
        return jobs.stream().filter(job -> job.outcome() == Outcome.FAILED)
                .collect(Collectors.groupingBy(job -> withoutPids(job.cause()), LinkedHashMap::new,
                        Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    /** Causes that differ only in a pid, a time or a job's token file are one cause. */
    static String withoutPids(String cause) {
        return cause.replaceAll("child \\d+", "child N").replaceAll("\\d+ ms", "N ms")
                .replaceAll("fault:(\\w+):(\\d+):[^:]*:", "fault:$1:$2:TOKEN:");
    }

    private static int count(List<TrialResult> forks, Ending ending) {
        return (int) forks.stream().filter(trial -> trial.ending() == ending).count();
    }

    private static long count(List<JobRecord> jobs, Outcome outcome) {
        return jobs.stream().filter(job -> job.outcome() == outcome).count();
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The cells of one fault, in strategy order. */
    List<Cell> column(String fault) {
        return cells.stream().filter(cell -> cell.fault().equals(fault)).toList();
    }

    List<String> faults() {
        return cells.stream().map(Cell::fault).distinct().sorted(Comparator.comparingInt(BlastRadius::faultOrder))
                .toList();
    }

    List<String> strategies() {
        return cells.stream().map(Cell::strategy).distinct().toList();
    }

    private static int faultOrder(String fault) {
        return fault.equals(TrialSpec.NONE) ? -1 : forkbench.workload.Fault.byId(fault).ordinal();
    }
}
