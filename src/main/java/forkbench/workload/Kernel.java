package forkbench.workload;

import java.util.OptionalLong;

/**
 * A CPU-bound job over the indices {@code [0, n)}, in the one shape every strategy can split: compute the part
 * over a sub-range, combine two parts. Threads call {@link #compute} in the parent; child JVMs create their own
 * instance by class name and call it there, so a kernel must be a public class with a public no-argument
 * constructor.
 *
 * <pre>{@code
 * public class SquareSum implements Kernel {
 *     public long compute(long from, long to) {
 *         long sum = 0;
 *         for (long i = from; i < to; i++) sum += i * i;
 *         return sum;
 *     }
 *     public long combine(long left, long right) { return left + right; }
 * }
 * }</pre>
 *
 * <p>The contract that lets any split, in any order, give the same answer as one sequential call:
 * {@code compute} depends only on its range; {@code combine} is associative and commutative; and {@code compute}
 * over an empty range returns the identity of {@code combine} (a worker with nothing to do still reports a part).
 * The answer is a {@code long} (a count, a checksum, a sum modulo 2^64) because an exact answer is what lets every
 * strategy's result be checked.
 */
public interface Kernel {

    /** The part of the job over {@code [from, to)}, {@code 0 <= from <= to}. */
    long compute(long from, long to);

    /** Two parts combined into the part of their union. */
    long combine(long left, long right);

    /**
     * The fewest indices worth a task of their own, for strategies that cut a job finer than one part per worker
     * ({@code forkJoin}): below it, task overhead would drown the work. 2^16 elements of a cheap loop take tens of
     * microseconds; a kernel whose index stands for much more work says so here.
     */
    default long smallestPart() {
        return 1 << 16;
    }

    /**
     * The exact answer for {@code [0, n)} when the kernel knows it without doing the work (a closed form, a table);
     * empty by default, and then every strategy is checked against one sequential {@code compute(0, n)}.
     */
    default OptionalLong expected(long n) {
        return OptionalLong.empty();
    }
}
