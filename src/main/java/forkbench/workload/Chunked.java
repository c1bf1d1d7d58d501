package forkbench.workload;

/**
 * A part computed as a run of smaller calls combined with the kernel's own {@code combine}, which the kernel
 * contract allows (any split gives the same answer). In a fresh JVM this is what lets the hot loop be compiled as a
 * whole method after a few calls, instead of one long call finishing in an on-stack-replaced loop that stays
 * slower: the difference a cold child pays on every job.
 */
public final class Chunked {

    /** Elements per call: a few milliseconds of the summation, so a part of 5e8 makes about a hundred calls. */
    public static final long DEFAULT_CHUNK = 1L << 22;

    private Chunked() {
    }

    /** {@code kernel.compute(from, to)} in calls over at most {@code chunk} elements each; one call if chunk <= 0. */
    public static long compute(Kernel kernel, long from, long to, long chunk) {
        if (chunk <= 0 || to - from <= chunk) {
            return kernel.compute(from, to);
        }
        long result = kernel.compute(from, from + chunk);
        for (long start = from + chunk; start < to; start += Math.min(chunk, to - start)) {
            result = kernel.combine(result, kernel.compute(start, start + Math.min(chunk, to - start)));
        }
        return result;
    }
}
