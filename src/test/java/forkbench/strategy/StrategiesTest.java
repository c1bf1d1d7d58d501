package forkbench.strategy;

import forkbench.benchmarks.StrategyBenchmark;
import forkbench.process.ForkOptions;
import forkbench.process.StartupArchive;
import forkbench.workload.Summation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Benchmark;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrategiesTest {

    /** Tests run from class folders, which a start-up archive cannot hold: skip making one. */
    private static final ForkOptions CHILDREN = ForkOptions.defaults().withStartupArchive(StartupArchive.NONE);

    /** n = 0 and 1, fewer indices than workers, uneven splits, and a size whose n(n-1)/2 overflows a long. */
    static Stream<Arguments> cases() {
        List<long[]> sizes = List.of(
                new long[] {0, 2}, new long[] {1, 2}, new long[] {3, 4}, new long[] {10, 3},
                new long[] {1_000_003, 4}, new long[] {5_000_000_000L, 2});
        return Strategies.IDS.stream().flatMap(id -> sizes.stream()
                .map(size -> Arguments.of(id, size[0], (int) size[1])));
    }

    @ParameterizedTest(name = "{0} sums [0, {1}) with {2} workers")
    @MethodSource("cases")
    void everyStrategyGivesTheExactSum(String id, long n, int workers) throws Exception {
        try (Strategy strategy = Strategies.create(id, workers, CHILDREN)) {
            assertEquals(id, strategy.id());
            assertEquals(Summation.reference(n), strategy.sum(n));
        }
    }

    @Test
    void aStrategyIsReusableAcrossJobs() throws Exception {
        for (String id : Strategies.IDS) {
            try (Strategy strategy = Strategies.create(id, 3, CHILDREN)) {
                for (long n : new long[] {100, 7, 0, 100_000}) {
                    assertEquals(Summation.reference(n), strategy.sum(n), id + " n=" + n);
                }
            }
        }
    }

    @Test
    void everyStrategyIdIsABenchmarkMethodAndBack() {
        Set<String> benchmarks = Arrays.stream(StrategyBenchmark.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Benchmark.class))
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Strategies.IDS), benchmarks);
    }

    @Test
    void unknownIdsAndBadWorkerCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Strategies.create("carrierPigeons", 2));
        assertThrows(IllegalArgumentException.class, () -> Strategies.create(Strategies.THREAD_POOL, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Strategies.create(Strategies.THREAD_POOL, Params.MAX_WORKERS + 1));
    }
}
