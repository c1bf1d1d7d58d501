package forkbench.workload;

import forkbench.process.ForkOptions;
import forkbench.process.StartupArchive;
import forkbench.strategy.Strategies;
import forkbench.strategy.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AllocatingKernelsTest {

    private static final ForkOptions CHILDREN = ForkOptions.builder().startupArchive(StartupArchive.NONE).build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Kernels.JSON, Kernels.DEFLATE, Kernels.REGEX, Kernels.SORT})
    void anySplitGivesTheSequentialAnswerAndAnEmptyRangeTheIdentity(String name) {
        Kernel kernel = Kernels.byName(name);
        assertEquals(0, kernel.compute(0, 0));
        assertEquals(0, kernel.compute(5, 5));
        long one = kernel.compute(0, 1);
        assertNotEquals(0, one, "item 0 counts");
        long n = 1_003;
        long whole = kernel.compute(0, n);
        for (int parts : new int[] {2, 3, 7}) {
            long combined = kernel.compute(0, 0);
            for (Range range : Range.split(n, parts)) {
                combined = kernel.combine(combined, kernel.compute(range.from(), range.to()));
            }
            assertEquals(whole, combined, parts + " parts");
        }
        assertEquals(kernel.combine(kernel.compute(0, 500), kernel.compute(500, n)),
                kernel.combine(kernel.compute(500, n), kernel.compute(0, 500)), "combine commutes");
        assertEquals(whole, Kernels.byName(name).compute(0, n), "a new instance (as a child makes) agrees");
    }

    @Test
    void theShortNamesAndTheClassNamesGiveTheSameKernels() {
        assertInstanceOf(JsonKernel.class, Kernels.byName(Kernels.JSON));
        assertInstanceOf(DeflateKernel.class, Kernels.byName(DeflateKernel.class.getName()));
        assertInstanceOf(RegexKernel.class, Kernels.byName(Kernels.REGEX));
        assertInstanceOf(SortKernel.class, Kernels.byName(SortKernel.class.getName()));
    }

    static Stream<Arguments> strategies() {
        return Strategies.IDS.stream().flatMap(id -> Kernels.ALLOCATING.stream().map(k -> Arguments.of(id, k)));
    }

    @ParameterizedTest(name = "{0} runs {1}")
    @MethodSource("strategies")
    void everyStrategyChildJvmsIncludedGivesTheSequentialAnswer(String id, String name) throws Exception {
        Kernel kernel = Kernels.byName(name);
        for (long n : List.of(0L, 1L, 2_001L)) {
            try (Strategy strategy = Strategies.create(id, 3, CHILDREN)) {
                assertEquals(kernel.compute(0, n), strategy.run(kernel, n), id + " at n = " + n);
            }
        }
    }
}
