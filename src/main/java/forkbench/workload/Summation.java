package forkbench.workload;

import java.util.OptionalLong;

/**
 * The seed's heavy computation: the sum of the indices in a range, in {@code long} arithmetic that wraps modulo
 * 2^64. Wrapping is part of the definition, so any split of the range combined with wrapping addition gives the
 * same answer as one sequential loop, and the closed form below can check it exactly. The default kernel.
 */
public final class Summation implements Kernel {

    @Override
    public long compute(long from, long to) {
        return sum(from, to);
    }

    /** Wrapping addition: the parts of a modulo-2^64 sum add up modulo 2^64. */
    @Override
    public long combine(long left, long right) {
        return left + right;
    }

    @Override
    public OptionalLong expected(long n) {
        return OptionalLong.of(reference(n));
    }

    /** The CPU-bound work itself: a plain loop, one addition per index. */
    public static long sum(long from, long to) {
        long sum = 0;
        for (long i = from; i < to; i++) {
            sum += i;
        }
        return sum;
    }

    public static long sum(Range range) {
        return sum(range.from(), range.to());
    }

    /**
     * {@code 0 + 1 + ... + (n-1)} modulo 2^64, exact for every {@code n} in {@code [0, Long.MAX_VALUE]}.
     * The naive {@code n*(n-1)/2} overflows before it divides; halving whichever factor is even first keeps the
     * division exact, and the remaining product is correct modulo 2^64 even when it wraps.
     */
    public static long reference(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return (n % 2 == 0) ? (n / 2) * (n - 1) : n * ((n - 1) / 2);
    }
}
