package forkbench.strategy;

import forkbench.workload.Kernel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A new virtual thread per worker per job. Virtual threads are cheap to create, but they run on a carrier pool
 * sized to the available processors: for CPU-bound work, more virtual threads than cores buys nothing.
 */
final class VirtualThreads implements Strategy {

    private final int workers;

    VirtualThreads(int workers) {
        this.workers = workers;
    }

    @Override
    public String id() {
        return Strategies.VIRTUAL_THREADS;
    }

    @Override
    public long run(Kernel kernel, long n) throws InterruptedException {
        try (ExecutorService perJob = Executors.newVirtualThreadPerTaskExecutor()) {
            return Parts.combine(kernel, perJob.invokeAll(Parts.tasks(kernel, n, workers)));
        }
    }
}
