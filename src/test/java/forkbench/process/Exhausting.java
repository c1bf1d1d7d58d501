package forkbench.process;

import forkbench.workload.Kernel;

import java.util.ArrayList;
import java.util.List;

/** A kernel that keeps everything it allocates until the heap is gone: a leak, or a job too big for its heap. */
public final class Exhausting implements Kernel {

    @Override
    public long compute(long from, long to) {
        List<long[]> kept = new ArrayList<>();
        while (true) {
            kept.add(new long[1 << 20]);
        }
    }

    @Override
    public long combine(long left, long right) {
        return left + right;
    }
}
