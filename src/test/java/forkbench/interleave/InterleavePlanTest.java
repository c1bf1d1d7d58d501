package forkbench.interleave;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterleavePlanTest {

    private static List<Configuration> strategyConfigurations(String... args) throws Exception {
        CommandLineOptions options = new CommandLineOptions(args);
        return Configurations.expand(BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                List.of("StrategyBenchmark"), List.of()), options);
    }

    @Test
    void everyBenchmarkTimesEveryCombinationOfItsValuesGivenOrDeclared() throws Exception {
        List<Configuration> configurations = strategyConfigurations("-p", "n=10,20", "-p", "workers=1,2,4");
        // sequential takes no workers: kernel {sum} x n {10, 20}; the seven others add workers {1, 2, 4}.
        assertEquals(2 + 7 * 2 * 3, configurations.size());
        assertEquals(configurations.size(), new HashSet<>(configurations).size(), "no configuration twice");
        assertTrue(configurations.contains(new Configuration("forkbench.benchmarks.StrategyBenchmark.processPool",
                Map.of("kernel", "sum", "n", "20", "workers", "4", "heap", "default", "gc", "default"))));
        assertTrue(configurations.contains(new Configuration("forkbench.benchmarks.StrategyBenchmark.sequential",
                Map.of("kernel", "sum", "n", "10", "heap", "default", "gc", "default"))));
        // Without -p, the declared @Param values.
        assertEquals(3 + 7 * 3 * 3, strategyConfigurations().size());
    }

    @Test
    void eachRoundRunsEveryConfigurationOnceInItsOwnOrder() throws Exception {
        List<Configuration> configurations = strategyConfigurations("-p", "n=10", "-p", "workers=1,2");
        Set<List<Configuration>> orders = new HashSet<>();
        for (int round = 0; round < 4; round++) {
            List<Configuration> order = RoundPlan.order(configurations, 42, round);
            assertEquals(Set.copyOf(configurations), Set.copyOf(order));
            assertEquals(configurations.size(), order.size());
            assertEquals(order, RoundPlan.order(configurations, 42, round), "the seed and round repeat it");
            orders.add(order);
        }
        assertTrue(orders.size() > 1, "15 configurations shuffled 4 times should not repeat one order");
        assertNotEquals(RoundPlan.order(configurations, 42, 0), RoundPlan.order(configurations, 43, 0));
        assertEquals("threadPool kernel=sum n=10 workers=2",
                new Configuration("b.StrategyBenchmark.threadPool", Map.of("workers", "2", "n", "10", "kernel", "sum"))
                        .label());
    }

    @Test
    void roundsOutsideTheLimitAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RoundPlan.order(List.of(), 1, -1));
        assertThrows(IllegalArgumentException.class, () -> RoundPlan.order(List.of(), 1, RoundPlan.MAX_ROUNDS));
    }

    @Test
    void aResumedRunMeasuresAConfigurationItsFileLacksUntilItHasAsManyForksAsTheRest() throws Exception {
        List<Configuration> configurations = strategyConfigurations("-p", "n=10", "-p", "workers=1,2,4");
        Configuration missing = configurations.get(configurations.size() - 1);
        Map<Configuration, Integer> forks = new java.util.HashMap<>();
        configurations.forEach(c -> forks.put(c, 1));
        forks.remove(missing);
        assertEquals(0, RoundPlan.completeRounds(configurations, forks), "the run has not finished its first round");
        assertEquals(List.of(missing), RoundPlan.due(configurations, forks, 0));
        forks.put(missing, 1);
        assertEquals(1, RoundPlan.completeRounds(configurations, forks));
        assertEquals(configurations, RoundPlan.due(configurations, forks, 1));
    }
}
