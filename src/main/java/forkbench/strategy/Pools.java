package forkbench.strategy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Releasing the thread pools that strategies keep for a trial. */
final class Pools {

    private Pools() {
    }

    static void shutdown(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a worker pool did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
