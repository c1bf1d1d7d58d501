package forkbench.process;

import forkbench.workload.Kernel;

/** Allocates exactly 1 KiB per element (a long[126] is 16 + 1,008 bytes with compressed headers), kept visible. */
public final class KiloAllocator implements Kernel {

    static final long BYTES_PER_ELEMENT = 1024;

    /** Where each array goes, so that escape analysis cannot remove its allocation. */
    static volatile long[] sink;

    @Override
    public long compute(long from, long to) {
        long sum = 0;
        for (long i = from; i < to; i++) {
            long[] block = new long[126];
            block[0] = i;
            sink = block;
            sum += block[0];
        }
        return sum;
    }

    @Override
    public long combine(long left, long right) {
        return left + right;
    }
}
