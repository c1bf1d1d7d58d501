package forkbench.faults;

import java.util.List;

/**
 * One trial as the harness saw it: every job's record (those the JVM under test never reported filled in as failed
 * or lost), how that JVM ended, and what it measured of its children.
 *
 * @param round             the round of the run this trial belongs to, from 1
 * @param exitCode          the JVM's exit code ({@code -1} when it was destroyed)
 * @param coldStartMillis   fork to first message of a few fresh children (process strategies), else empty
 * @param replacementMillis for each replaced child: its predecessor's death seen to its first message
 * @param closeProblem      what went wrong closing the strategy after the jobs, empty when nothing did
 * @param stderrTail        the last lines the JVM printed on stderr
 */
record TrialResult(TrialSpec spec, int round, List<JobRecord> jobs, Ending ending, int exitCode,
                   List<Double> coldStartMillis, List<Double> replacementMillis, String closeProblem,
                   String stderrTail) {

    TrialResult {
        jobs = List.copyOf(jobs);
        coldStartMillis = List.copyOf(coldStartMillis);
        replacementMillis = List.copyOf(replacementMillis);
    }

    long count(Outcome outcome) {
        return jobs.stream().filter(job -> job.outcome() == outcome).count();
    }

    /** Correct jobs per second over the series, from the first job's start to the last answer. */
    double throughput() {
        List<JobRecord> ran = jobs.stream().filter(job -> job.outcome() != Outcome.LOST).toList();
        if (ran.isEmpty()) {
            return 0;
        }
        long start = ran.get(0).startNanos();
        long end = ran.stream().mapToLong(JobRecord::endNanos).max().orElse(start);
        return end > start ? count(Outcome.CORRECT) / ((end - start) / 1e9) : 0;
    }
}
