package forkbench.strategy;

import forkbench.process.ChildProcess;
import forkbench.process.Children;
import forkbench.process.ForkOptions;
import forkbench.workload.Kernel;

import java.util.List;

/**
 * The seed, as written: every job forks one child JVM per worker, sends each its range, awaits all results, and
 * lets the children exit. Each job pays a whole JVM start-up per worker; that fixed cost is what this measures.
 */
final class ProcessCold implements Strategy {

    private final int workers;
    private final ForkOptions options;

    ProcessCold(int workers, ForkOptions options) {
        this.workers = workers;
        this.options = options;
        ChildProcess.prepare(options);
    }

    @Override
    public String id() {
        return Strategies.PROCESS_COLD;
    }

    @Override
    public long run(Kernel kernel, long n) throws InterruptedException {
        List<ChildProcess> children = Children.forkAll(workers, options);
        try {
            return Parts.runOn(children, kernel, n);
        } finally {
            // Part of the job: a child's exit is waited for, so no dying JVM steals CPU from the next job.
            Children.closeAll(children);
        }
    }
}
