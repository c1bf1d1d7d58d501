package forkbench.strategy;

import forkbench.process.ChildPool;
import forkbench.process.ChildProcess;
import forkbench.process.ForkOptions;
import forkbench.workload.Kernel;

import java.time.Duration;
import java.util.List;

/**
 * {@code workers} child JVMs started once and reused for every job: the process analogue of a thread pool. Once the
 * children are warm, a job costs one message round trip per worker on top of the work itself. The pool heals
 * ({@link ChildPool}): a child that dies is replaced and its part retried or failed, as the options' retry policy
 * says, and the jobs after it run as before.
 */
final class ProcessPool implements Strategy {

    private final ChildPool pool;

    ProcessPool(int workers, ForkOptions options) {
        // Pooled children map the same archive as cold ones, so the two differ only in being reused.
        ChildProcess.prepare(options);
        this.pool = ChildPool.start(workers, options);
    }

    @Override
    public String id() {
        return Strategies.PROCESS_POOL;
    }

    @Override
    public long run(Kernel kernel, long n) throws InterruptedException {
        return Parts.runOn(pool, kernel, n);
    }

    @Override
    public List<Duration> replacements() {
        return pool.recoveries();
    }

    @Override
    public void close() {
        pool.close();
    }
}
