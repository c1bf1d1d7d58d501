package forkbench.strategy;

import forkbench.process.ForkOptions;

import java.util.List;

/** Every strategy by id. The ids are the JMH benchmark method names, so listings, filters and reports agree. */
public final class Strategies {

    public static final String SEQUENTIAL = "sequential";
    public static final String PLATFORM_THREADS = "platformThreads";
    public static final String THREAD_POOL = "threadPool";
    public static final String VIRTUAL_THREADS = "virtualThreads";
    public static final String FORK_JOIN = "forkJoin";
    public static final String PARALLEL_STREAM = "parallelStream";
    public static final String PROCESS_COLD = "processCold";
    public static final String PROCESS_POOL = "processPool";

    /** The seed tutorial's own Node.js program: a reference row, in its own benchmark class (NodeForkBenchmark). */
    public static final String NODE_FORK = "nodeFork";

    /** forkbench's Java strategies, in the order a report lists them: the baseline, then threads, then processes. */
    public static final List<String> IDS = List.of(SEQUENTIAL, PLATFORM_THREADS, THREAD_POOL, VIRTUAL_THREADS,
            FORK_JOIN, PARALLEL_STREAM, PROCESS_COLD, PROCESS_POOL);

    /** Every strategy in report order: the Java ones, then the program they came from. */
    public static final List<String> REPORT_ORDER = List.of(SEQUENTIAL, PLATFORM_THREADS, THREAD_POOL,
            VIRTUAL_THREADS, FORK_JOIN, PARALLEL_STREAM, PROCESS_COLD, PROCESS_POOL, NODE_FORK);

    private Strategies() {
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
        return switch (id) {
            case SEQUENTIAL -> new Sequential();
            case PLATFORM_THREADS -> new PlatformThreads(workers);
            case THREAD_POOL -> new ThreadPool(workers);
            case VIRTUAL_THREADS -> new VirtualThreads(workers);
            case FORK_JOIN -> new ForkJoin(workers);
            case PARALLEL_STREAM -> new ParallelStream(workers);
            case PROCESS_COLD -> new ProcessCold(workers, childOptions);
            case PROCESS_POOL -> new ProcessPool(workers, childOptions);
            case NODE_FORK -> new NodeFork(workers);
            default -> throw new IllegalArgumentException("unknown strategy '" + id + "'; known: " + REPORT_ORDER);
        };
    }
}
