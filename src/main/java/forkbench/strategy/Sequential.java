package forkbench.strategy;

import forkbench.workload.Kernel;

/** The baseline: one loop on the calling thread, no coordination at all. */
final class Sequential implements Strategy {

    @Override
    public String id() {
        return Strategies.SEQUENTIAL;
    }

    @Override
    public long run(Kernel kernel, long n) {
        return kernel.compute(0, n);
    }
}
