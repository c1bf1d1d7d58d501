package forkbench.strategy;

import forkbench.process.ForkOptions;

import java.util.List;

/** Every strategy by id (see {@link StrategyType}), and how to make one. */
public final class Strategies {

    public static final String SEQUENTIAL = StrategyType.SEQUENTIAL.id();
    public static final String PLATFORM_THREADS = StrategyType.PLATFORM_THREADS.id();
    public static final String THREAD_POOL = StrategyType.THREAD_POOL.id();
    public static final String VIRTUAL_THREADS = StrategyType.VIRTUAL_THREADS.id();
    public static final String FORK_JOIN = StrategyType.FORK_JOIN.id();
    public static final String PARALLEL_STREAM = StrategyType.PARALLEL_STREAM.id();
    public static final String PROCESS_COLD = StrategyType.PROCESS_COLD.id();
    public static final String PROCESS_POOL = StrategyType.PROCESS_POOL.id();
    public static final String NODE_FORK = StrategyType.NODE_FORK.id();

    /** forkbench's Java strategies, in the order a report lists them: the baseline, then threads, then processes. */
    public static final List<String> IDS = StrategyType.ids(true);

    /** Every strategy in report order: the Java ones, then the program they came from. */
    public static final List<String> REPORT_ORDER = StrategyType.ids(false);

    private Strategies() {
    }

    /** The {@code node} executable the seed's own program runs on, where one is on the PATH. */
    public static java.util.Optional<java.nio.file.Path> node() {
        return NodeFork.nodeExecutable();
    }

    public static Strategy create(String id, int workers) {
        return create(id, workers, ForkOptions.defaults());
    }

    /**
     * A ready strategy: pools and pooled children are started here, before any job is timed.
     *
     * @param childOptions how the process strategies start their child JVMs
     */
    public static Strategy create(String id, int workers, ForkOptions childOptions) {
        Params.checkWorkers(workers);
        StrategyType type = StrategyType.byId(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown strategy '" + id + "'; known: " + REPORT_ORDER));
        return switch (type) {
            case SEQUENTIAL -> new Sequential();
            case PLATFORM_THREADS -> new PlatformThreads(workers);
            case THREAD_POOL -> new ThreadPool(workers);
            case VIRTUAL_THREADS -> new VirtualThreads(workers);
            case FORK_JOIN -> new ForkJoin(workers);
            case PARALLEL_STREAM -> new ParallelStream(workers);
            case PROCESS_COLD -> new ProcessCold(workers, childOptions);
            case PROCESS_POOL -> new ProcessPool(workers, childOptions);
            case NODE_FORK -> new NodeFork(workers);
        };
    }
}
