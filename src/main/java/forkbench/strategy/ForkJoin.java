package forkbench.strategy;

import forkbench.workload.Summation;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * A ForkJoinPool of parallelism {@code workers} that halves the range recursively. Leaves are sized so each worker
 * gets several, which lets work stealing even out a worker that falls behind; a floor keeps tiny ranges from
 * drowning in task overhead.
 */
final class ForkJoin implements Strategy {

    static final int LEAVES_PER_WORKER = 8;
    static final long MIN_LEAF = 1 << 16;

    private final int workers;
    private final ForkJoinPool pool;

    ForkJoin(int workers) {
        this.workers = workers;
        this.pool = new ForkJoinPool(workers);
    }

    @Override
    public String id() {
        return Strategies.FORK_JOIN;
    }

    @Override
    public long sum(long n) {
        long leaf = Math.max(MIN_LEAF, Math.ceilDiv(n, (long) workers * LEAVES_PER_WORKER));
        return pool.invoke(new SumTask(0, n, leaf));
    }

    @Override
    public void close() {
        Pools.shutdown(pool);
    }

    private static final class SumTask extends RecursiveTask<Long> {
        private static final long serialVersionUID = 1L;

        private final long from;
        private final long to;
        private final long leaf;

        SumTask(long from, long to, long leaf) {
            this.from = from;
            this.to = to;
            this.leaf = leaf;
        }

        @Override
        protected Long compute() {
            if (to - from <= leaf) {
                return Summation.sum(from, to);
            }
            long middle = from + (to - from) / 2;
            SumTask left = new SumTask(from, middle, leaf);
            left.fork();
            long right = new SumTask(middle, to, leaf).compute();
            return right + left.join();
        }
    }
}
