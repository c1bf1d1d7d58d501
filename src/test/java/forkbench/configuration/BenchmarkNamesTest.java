package forkbench.configuration;

import forkbench.strategy.StrategyType;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every benchmark forkbench's code names is one the jar has: a rename under benchmarks/ fails here, not in a run. */
class BenchmarkNamesTest {

    private static final List<String> ALL = BenchmarkList.defaultList()
            .find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(".*"), List.of())
            .stream().map(BenchmarkListEntry::getUsername).toList();

    private static Set<String> methodsOf(String benchmarkClass) {
        return ALL.stream().filter(name -> name.contains("." + benchmarkClass + "."))
                .map(name -> name.substring(name.lastIndexOf('.') + 1)).collect(Collectors.toSet());
    }

    @Test
    void everyNamedBenchmarkClassAndMethodExists() {
        for (String benchmarkClass : List.of(BenchmarkNames.STRATEGY, BenchmarkNames.JVM_START, BenchmarkNames.DATA,
                BenchmarkNames.NODE_FORK, BenchmarkNames.TRANSPORT_ANCHORS, BenchmarkNames.OVERHEAD, BenchmarkNames.REPORT)) {
            assertTrue(!methodsOf(benchmarkClass).isEmpty(), "no benchmark class " + benchmarkClass);
        }
        assertTrue(methodsOf(BenchmarkNames.TRANSPORT_ANCHORS).containsAll(List.of(BenchmarkNames.PIPE_TO_CHILD,
                BenchmarkNames.HEAP_COPY)), methodsOf(BenchmarkNames.TRANSPORT_ANCHORS).toString());
        Set<String> costed = methodsOf(BenchmarkNames.OVERHEAD);
        costed.addAll(methodsOf(BenchmarkNames.JVM_START));
        assertTrue(costed.containsAll(BenchmarkNames.WORKER_COSTS.keySet()),
                "a worker cost names no benchmark: " + BenchmarkNames.WORKER_COSTS.keySet() + " against " + costed);
    }

    @Test
    void everyStrategyIsABenchmarkMethodOfItsClass() {
        Set<String> strategies = methodsOf(BenchmarkNames.STRATEGY);
        for (StrategyType type : StrategyType.values()) {
            Set<String> methods = type.java() ? strategies : methodsOf(BenchmarkNames.NODE_FORK);
            assertTrue(methods.contains(type.id()), type.id() + " is no benchmark method: " + methods);
        }
    }
}
