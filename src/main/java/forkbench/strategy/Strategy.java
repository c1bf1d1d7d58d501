package forkbench.strategy;

import forkbench.workload.Kernel;
import forkbench.workload.Summation;

import java.time.Duration;
import java.util.List;

/**
 * One way to run a whole job: split {@code [0, n)} among workers, compute the kernel's parts, wait for them,
 * combine. Anything a strategy reuses across jobs (a pool, warm child JVMs) is created in its constructor and
 * released by {@link #close}, so a benchmark pays for it once per trial, not once per job.
 */
public interface Strategy extends AutoCloseable {

    /** The id users see: the JMH benchmark method name, the {@code -l} listing, the report's row label. */
    String id();

    /** Runs {@code kernel} over {@code [0, n)}: its parts, however this strategy splits them, combined. */
    long run(Kernel kernel, long n) throws InterruptedException;

    /** The seed's job: sums {@code [0, n)} modulo 2^64. */
    default long sum(long n) throws InterruptedException {
        return run(new Summation(), n);
    }

    /**
     * For a strategy that replaces workers that die ({@code processPool}): for each replacement so far, the time from
     * its predecessor's death being seen to its first message. Empty for the others, which replace nothing.
     */
    default List<Duration> replacements() {
        return List.of();
    }

    @Override
    default void close() {
    }
}
