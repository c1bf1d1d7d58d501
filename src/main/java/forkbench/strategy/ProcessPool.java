package forkbench.strategy;

import forkbench.process.ChildProcess;
import forkbench.process.Children;
import forkbench.process.ForkOptions;
import forkbench.workload.Kernel;

import java.util.List;

/**
 * {@code workers} child JVMs started once and reused for every job: the process analogue of a thread pool. Once the
 * children are warm, a job costs one message round trip per worker on top of the work itself.
 */
final class ProcessPool implements Strategy {

    private final List<ChildProcess> children;

    ProcessPool(int workers, ForkOptions options) {
        // Pooled children map the same archive as cold ones, so the two differ only in being reused.
        ChildProcess.prepare(options);
        this.children = Children.forkAll(workers, options);
    }

    @Override
    public String id() {
        return Strategies.PROCESS_POOL;
    }

    @Override
    public long run(Kernel kernel, long n) throws InterruptedException {
        return Parts.runOn(children, kernel, n);
    }

    @Override
    public void close() {
        Children.closeAll(children);
    }
}
