package forkbench.process;

import forkbench.workload.Kernel;
import forkbench.workload.Summation;

/** The summation, taking a second per call: long enough to be killed in the middle of. */
public final class SlowSum implements Kernel {

    @Override
    public long compute(long from, long to) {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Summation.sum(from, to);
    }

    @Override
    public long combine(long left, long right) {
        return left + right;
    }
}
