package forkbench.configuration;

import java.util.Map;

/**
 * The JMH benchmarks (under benchmarks/) that forkbench's own code names: defined here once, and checked against
 * the jar's benchmark list by a test, so that renaming one there cannot silently break a default, a check or a
 * report section here.
 */
public final class BenchmarkNames {

    /** The comparison: every strategy on every kernel. */
    public static final String STRATEGY = "StrategyBenchmark";
    /** A bare JVM's start, the yardstick of every cold child. */
    public static final String JVM_START = "JvmStartBaseline";
    /** Jobs with an input, under each transport. */
    public static final String DATA = "DataBenchmark";
    /** The seed's own Node.js program. */
    public static final String NODE_FORK = "NodeForkBenchmark";
    /** The floors of data movement: {@link #PIPE_TO_CHILD} and {@link #HEAP_COPY}. */
    public static final String TRANSPORT_ANCHORS = "TransportAnchors";
    /** Bytes into a child JVM through one pipe. */
    public static final String PIPE_TO_CHILD = "pipeToChild";
    /** Bytes copied within the heap. */
    public static final String HEAP_COPY = "heapCopy";
    /** The report itself, timed. */
    public static final String REPORT = "ReportBenchmark";
    /** What one worker of each kind costs. */
    public static final String OVERHEAD = "OverheadBenchmark";

    /** The methods of {@link #OVERHEAD} (and {@link #JVM_START}'s helloWorld): what each costs per worker, in words. */
    public static final Map<String, String> WORKER_COSTS = Map.ofEntries(
            Map.entry("directCall", "a direct call of the empty task (the baseline)"),
            Map.entry("forkJoinTask", "a ForkJoin task (forkJoin, parallelStream)"),
            Map.entry("threadPoolSubmit", "a task submitted to a running thread pool (threadPool)"),
            Map.entry("virtualThread", "a new virtual thread (virtualThreads)"),
            Map.entry("pooledChildRoundTrip", "one round trip to a pooled child JVM (processPool)"),
            Map.entry("platformThread", "a new platform thread (platformThreads)"),
            Map.entry("coldChildToFirstMessage", "a cold child JVM, up to its first message (processCold)"),
            Map.entry("coldChildrenToFirstMessage", "that many cold child JVMs started at once, up to every first "
                    + "message (processCold with that many workers)"),
            Map.entry("helloWorld", "a bare java HelloWorld, for scale"));

    private BenchmarkNames() {
    }
}
