package forkbench.strategy;

import forkbench.workload.Kernel;
import forkbench.workload.Range;

import java.util.List;

/** What a naive user writes: a brand-new platform thread per worker for every job, then join them all. */
final class PlatformThreads implements Strategy {

    private final int workers;

    PlatformThreads(int workers) {
        this.workers = workers;
    }

    @Override
    public String id() {
        return Strategies.PLATFORM_THREADS;
    }

    @Override
    public long run(Kernel kernel, long n) throws InterruptedException {
        List<Range> ranges = Range.split(n, workers);
        long[] parts = new long[workers];
        Throwable[] failures = new Throwable[workers];
        Thread[] threads = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            int worker = i;
            threads[i] = Thread.ofPlatform().name("forkbench-platform-" + i).unstarted(() -> {
                try {
                    Range range = ranges.get(worker);
                    parts[worker] = kernel.compute(range.from(), range.to());
                } catch (Throwable t) {
                    failures[worker] = t;
                }
            });
            threads[i].start();
        }
        // join() makes each thread's writes to parts[] and failures[] visible here.
        for (Thread thread : threads) {
            thread.join();
        }
        for (Throwable failure : failures) {
            if (failure != null) {
                throw Parts.rethrow(failure);
            }
        }
        return Parts.combine(kernel, parts);
    }
}
