package forkbench.strategy;

import forkbench.workload.Kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * A ForkJoinPool of parallelism {@code workers} that halves the range recursively. Leaves are sized so each worker
 * gets several, which lets work stealing even out a worker that falls behind (or a range that costs more than
 * another); a floor (the kernel's {@link Kernel#smallestPart}) keeps tiny ranges from drowning in task overhead.
 */
final class ForkJoin implements Strategy {

    static final int LEAVES_PER_WORKER = 8;

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
    public long run(Kernel kernel, long n) {
        long leaf = Math.max(kernel.smallestPart(), Math.ceilDiv(n, (long) workers * LEAVES_PER_WORKER));
        return pool.invoke(new PartTask(kernel, 0, n, leaf));
    }

    @Override
    public void close() {
        Pools.shutdown(pool);
    }

    private static final class PartTask extends RecursiveTask<Long> {
        private static final long serialVersionUID = 1L;

        private final transient Kernel kernel;
        private final long from;
        private final long to;
        private final long leaf;

        PartTask(Kernel kernel, long from, long to, long leaf) {
            this.kernel = kernel;
            this.from = from;
            this.to = to;
            this.leaf = leaf;
        }

        @Override
        protected Long compute() {
            if (to - from <= leaf) {
                return kernel.compute(from, to);
            }
            long middle = from + (to - from) / 2;
            PartTask left = new PartTask(kernel, from, middle, leaf);
            left.fork();
            long right = new PartTask(kernel, middle, to, leaf).compute();
            return kernel.combine(left.join(), right);
        }
    }
}
