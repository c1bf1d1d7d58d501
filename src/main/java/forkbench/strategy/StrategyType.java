package forkbench.strategy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every strategy forkbench knows, once: its id (the JMH benchmark method name, so listings, filters and reports
 * agree), its place in a report (the declaration order: the baseline, then threads, then processes, then the program
 * they came from) and its kind.
 */
public enum StrategyType {

    SEQUENTIAL(StrategyType.SEQUENTIAL_ID, Kind.BASELINE),
    PLATFORM_THREADS("platformThreads", Kind.THREADS),
    THREAD_POOL("threadPool", Kind.THREADS),
    VIRTUAL_THREADS("virtualThreads", Kind.THREADS),
    FORK_JOIN("forkJoin", Kind.THREADS),
    PARALLEL_STREAM("parallelStream", Kind.THREADS),
    PROCESS_COLD("processCold", Kind.PROCESSES),
    PROCESS_POOL("processPool", Kind.PROCESSES),
    /** The seed tutorial's own Node.js program: a reference row, in its own benchmark class (NodeForkBenchmark). */
    NODE_FORK("nodeFork", Kind.PROCESSES);

    /** The baseline's id as a constant, for where only a constant will do (an annotation's default). */
    public static final String SEQUENTIAL_ID = "sequential";

    /** Where a strategy's workers run: one thread, threads of one JVM, or processes of their own. */
    public enum Kind { BASELINE, THREADS, PROCESSES }

    private final String id;
    private final Kind kind;

    StrategyType(String id, Kind kind) {
        this.id = id;
        this.kind = kind;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether it is forkbench's own, in Java (every strategy but the seed's Node.js program). */
    public boolean java() {
        return this != NODE_FORK;
    }

    /** The strategy of that id, if forkbench has one. */
    public static Optional<StrategyType> byId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
    }

    /** Whether {@code label} names a strategy whose workers are processes. */
    public static boolean isProcess(String label) {
        return byId(label).map(type -> type.kind == Kind.PROCESSES).orElse(false);
    }

    /** The ids of these strategies, in report order. */
    static List<String> ids(boolean javaOnly) {
        return Arrays.stream(values()).filter(type -> !javaOnly || type.java()).map(StrategyType::id).toList();
    }
}
