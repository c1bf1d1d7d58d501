package forkbench.strategy;

import forkbench.process.ChildProcess;
import forkbench.process.Children;
import forkbench.process.ForkOptions;
import forkbench.workload.Kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The seed, as written: every job forks one child JVM per worker, sends each its range, awaits all results, and
 * lets the children exit. Each job pays a whole JVM start-up per worker; that fixed cost is what this measures.
 *
 * <p>A job resolves on its results, as the seed's promises do: the children's exits are reaped in the background
 * rather than waited for inside the job, and {@link #close} waits for every one, so none is ever left behind.
 * Measured in {@code ColdChildVariants}: the next job is not slowed by reaping in the background.
 */
final class ProcessCold implements Strategy {

    private final int workers;
    private final ForkOptions options;
    private final List<CompletableFuture<Void>> exiting = new ArrayList<>();

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
        exiting.removeIf(CompletableFuture::isDone);
        List<ChildProcess> children = Children.forkAll(workers, options);
        try {
            return Parts.runOn(children, kernel, n);
        } finally {
            children.forEach(child -> exiting.add(child.release()));
        }
    }

    /** Waits for every child this strategy started to have exited. */
    @Override
    public void close() {
        CompletableFuture.allOf(exiting.toArray(CompletableFuture[]::new)).join();
        exiting.clear();
    }
}
