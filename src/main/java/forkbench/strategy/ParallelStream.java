package forkbench.strategy;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;

/**
 * What many Java users reach for: {@code LongStream.range(0, n).parallel().sum()}. A parallel stream runs in the
 * common pool unless its terminal operation starts inside another ForkJoinPool; starting it in a private pool of
 * parallelism {@code workers} is the usual (JDK-behaviour, not specified) way to confine it to that many threads.
 */
final class ParallelStream implements Strategy {

    private final ForkJoinPool pool;

    ParallelStream(int workers) {
        this.pool = new ForkJoinPool(workers);
    }

    @Override
    public String id() {
        return Strategies.PARALLEL_STREAM;
    }

    @Override
    public long sum(long n) throws InterruptedException {
        try {
            return pool.submit(() -> LongStream.range(0, n).parallel().sum()).get();
        } catch (ExecutionException e) {
            throw Parts.rethrow(e.getCause());
        }
    }

    @Override
    public void close() {
        Pools.shutdown(pool);
    }
}
