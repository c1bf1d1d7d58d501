package forkbench.strategy;

import forkbench.workload.Summation;

/** The baseline: one loop on the calling thread, no coordination at all. */
final class Sequential implements Strategy {

    @Override
    public String id() {
        return Strategies.SEQUENTIAL;
    }

    @Override
    public long sum(long n) {
        return Summation.sum(0, n);
    }
}
