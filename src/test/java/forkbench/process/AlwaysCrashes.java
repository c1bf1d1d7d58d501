package forkbench.process;

import forkbench.workload.Kernel;

/** A kernel whose every call halts the JVM it runs in: a crash no retry cures. */
public final class AlwaysCrashes implements Kernel {

    @Override
    public long compute(long from, long to) {
        Runtime.getRuntime().halt(7);
        return 0;
    }

    @Override
    public long combine(long left, long right) {
        return left + right;
    }
}
