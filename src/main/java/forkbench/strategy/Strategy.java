package forkbench.strategy;

/**
 * One way to run the whole summation job: split {@code [0, n)} among workers, compute the parts, wait for them,
 * combine. Anything a strategy reuses across jobs (a pool, warm child JVMs) is created in its constructor and
 * released by {@link #close}, so a benchmark pays for it once per trial, not once per job.
 */
public interface Strategy extends AutoCloseable {

    /** The id users see: the JMH benchmark method name, the {@code -l} listing, the report's row label. */
    String id();

    /** Sums {@code [0, n)} modulo 2^64. */
    long sum(long n) throws InterruptedException;

    @Override
    default void close() {
    }
}
