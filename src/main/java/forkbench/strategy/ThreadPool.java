package forkbench.strategy;

import forkbench.workload.Kernel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A fixed pool of {@code workers} platform threads, started once and reused by every job. */
final class ThreadPool implements Strategy {

    private final int workers;
    private final ExecutorService pool;

    ThreadPool(int workers) {
        this.workers = workers;
        this.pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("forkbench-pool-", 0).factory());
    }

    @Override
    public String id() {
        return Strategies.THREAD_POOL;
    }

    @Override
    public long run(Kernel kernel, long n) throws InterruptedException {
        return Parts.combine(kernel, pool.invokeAll(Parts.tasks(kernel, n, workers)));
    }

    @Override
    public void close() {
        Pools.shutdown(pool);
    }
}
