package forkbench.process;

import forkbench.workload.Kernel;

/** A kernel that never returns: what a user's loop with a wrong exit condition does. */
public final class Spinning implements Kernel {

    /** Read by nobody; keeps the loop from being proven empty. */
    static volatile long spins;

    @Override
    public long compute(long from, long to) {
        while (!Thread.currentThread().isInterrupted()) {
            spins++;
        }
        return 0;
    }

    @Override
    public long combine(long left, long right) {
        return left + right;
    }
}
