package forkbench.faults;

/**
 * One job of a trial, as the JVM under test saw it.
 *
 * @param job        its number in the series, from 0
 * @param faulted    whether the plan put a fault in it
 * @param outcome    what became of it
 * @param startNanos when it was submitted, by {@link System#nanoTime} (one clock for every process on the machine)
 * @param endNanos   when its answer or failure arrived; equal to the start for a lost job
 * @param firedNanos when its fault fired, by the same clock; 0 when none fired
 * @param cause      why it failed, in one line; empty otherwise
 */
record JobRecord(int job, boolean faulted, Outcome outcome, long startNanos, long endNanos, long firedNanos,
                 String cause) {

    double millis() {
        return (endNanos - startNanos) / 1e6;
    }
}
