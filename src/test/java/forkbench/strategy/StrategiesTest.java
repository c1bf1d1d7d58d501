package forkbench.strategy;

import forkbench.benchmarks.StrategyBenchmark;
import forkbench.process.ForkOptions;
import forkbench.process.StartupArchive;
import forkbench.process.ChildErrorException;
import forkbench.workload.Kernel;
import forkbench.workload.Kernels;
import forkbench.workload.Summation;
import forkbench.workload.Workers;
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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategiesTest {

    /** Tests run from class folders, which a start-up archive cannot hold: skip making one. */
    private static final ForkOptions CHILDREN = ForkOptions.builder().startupArchive(StartupArchive.NONE).build();

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

    /**
     * A kernel that is neither a sum nor commutative-by-accident: the largest mixed value in the range, identity
     * {@code Long.MIN_VALUE}. A strategy that added its parts, or dropped an empty worker's identity, gets it wrong.
     */
    public static final class LargestHash implements Kernel {
        @Override
        public long compute(long from, long to) {
            long largest = Long.MIN_VALUE;
            for (long i = from; i < to; i++) {
                long z = (i + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
                largest = Math.max(largest, z ^ (z >>> 31));
            }
            return largest;
        }

        @Override
        public long combine(long left, long right) {
            return Math.max(left, right);
        }
    }

    /** Fails on one index: the failure must reach the caller from every strategy, child JVMs included. */
    public static final class FailsAt42 implements Kernel {
        @Override
        public long compute(long from, long to) {
            if (from <= 42 && 42 < to) {
                throw new ArithmeticException("index 42 is cursed");
            }
            return to - from;
        }

        @Override
        public long combine(long left, long right) {
            return left + right;
        }
    }

    static Stream<Arguments> kernelCases() {
        return Strategies.IDS.stream().flatMap(id -> Stream.of(
                Arguments.of(id, Kernels.byName(Kernels.PRIMES), 30_011L, 3), Arguments.of(id, new LargestHash(), 100_003L, 4),
                Arguments.of(id, new LargestHash(), 2L, 3)));
    }

    @ParameterizedTest(name = "{0} runs {1} over [0, {2}) with {3} workers")
    @MethodSource("kernelCases")
    void everyStrategyRunsAnyKernelToTheSequentialAnswer(String id, Kernel kernel, long n, int workers)
            throws Exception {
        try (Strategy strategy = Strategies.create(id, workers, CHILDREN)) {
            assertEquals(kernel.compute(0, n), strategy.run(kernel, n));
        }
    }

    @Test
    void aKernelsFailureReachesTheCallerFromEveryStrategy() {
        for (String id : Strategies.IDS) {
            try (Strategy strategy = Strategies.create(id, 2, CHILDREN)) {
                Exception failure = assertThrows(Exception.class, () -> strategy.run(new FailsAt42(), 100));
                if (id.startsWith("process")) {
                    assertInstanceOf(ChildErrorException.class, failure, id);
                }
                // ForkJoin rethrows a copy of a worker's exception, with the original as its cause.
                Throwable cause = failure;
                while (cause.getMessage() == null && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                assertTrue(String.valueOf(cause.getMessage()).contains("index 42 is cursed"), id + ": " + failure);
            }
        }
    }

    @Test
    void processStrategiesRefuseAKernelAChildCannotCreate() {
        Kernel anonymous = new Kernel() {
            @Override
            public long compute(long from, long to) {
                return 0;
            }

            @Override
            public long combine(long left, long right) {
                return 0;
            }
        };
        for (String id : List.of(Strategies.PROCESS_COLD, Strategies.PROCESS_POOL)) {
            try (Strategy strategy = Strategies.create(id, 2, CHILDREN)) {
                assertThrows(IllegalArgumentException.class, () -> strategy.run(anonymous, 10), id);
            }
        }
    }

    /** Counts its calls; each index stands for a lot of work, so every index may be a task of its own. */
    public static final class CountsCalls implements Kernel {
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public long compute(long from, long to) {
            calls.incrementAndGet();
            return to - from;
        }

        @Override
        public long combine(long left, long right) {
            return left + right;
        }

        @Override
        public long smallestPart() {
            return 1;
        }
    }

    @Test
    void forkJoinCutsAJobAsFineAsTheKernelAllows() throws Exception {
        CountsCalls kernel = new CountsCalls();
        try (Strategy strategy = Strategies.create(Strategies.FORK_JOIN, 2, CHILDREN)) {
            assertEquals(1000, strategy.run(kernel, 1000));
        }
        // 2 workers x 8 leaves each, where the default floor of 2^16 indices would have left one.
        assertEquals(2 * ForkJoin.LEAVES_PER_WORKER, kernel.calls.get());
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
    void coldChildrenExitInTheBackgroundAndCloseLeavesNoneBehind() throws Exception {
        Strategy cold = Strategies.create(Strategies.PROCESS_COLD, 2, CHILDREN);
        for (int job = 0; job < 3; job++) {
            assertEquals(Summation.reference(10_000), cold.sum(10_000));
        }
        cold.close();
        List<ProcessHandle> left = ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains("ChildMain")).toList();
        assertEquals(List.of(), left);
    }

    @Test
    void theSeedsOwnProgramGivesTheSameExactAnswers() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(NodeFork.nodeExecutable().isPresent(), "node is not installed");
        try (Strategy seed = Strategies.create(Strategies.NODE_FORK, 3)) {
            for (long n : new long[] {0, 1, 2, 1000, 10_000_019}) {
                assertEquals(Summation.reference(n), seed.sum(n), "n = " + n);
            }
            Kernel other = Kernels.byName(Kernels.PRIMES);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> seed.run(other, 10));
            assertTrue(refused.getMessage().contains("summation only"), refused.getMessage());
        }
    }

    @Test
    void theSeedsWorkerStaysExactPastTwoToTheFiftyThree(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(NodeFork.nodeExecutable().isPresent(), "node is not installed");
        java.nio.file.Path worker = dir.resolve("worker.js");
        try (var script = NodeFork.class.getResourceAsStream("/forkbench/seed/worker.js")) {
            java.nio.file.Files.copy(script, worker);
        }
        // Indices on both sides of 2^53, where doubles stop being exact: the worker must switch to BigInts.
        long from = (1L << 53) - 50;
        long to = (1L << 53) + 50;
        String driver = "const w = require('node:child_process').fork(process.argv[1]);"
                + "w.on('message', m => { console.log(m.sum); });"
                + "w.send({type: 'start', from: process.argv[2], to: process.argv[3]});";
        Process node = new ProcessBuilder(NodeFork.nodeExecutable().orElseThrow().toString(), "-e", driver,
                worker.toString(), Long.toString(from), Long.toString(to)).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes()).strip();
        assertEquals(0, node.waitFor());
        assertEquals(Long.toUnsignedString(Summation.sum(from, to)), output);
    }

    @Test
    void unknownIdsAndBadWorkerCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Strategies.create("carrierPigeons", 2));
        assertThrows(IllegalArgumentException.class, () -> Strategies.create(Strategies.THREAD_POOL, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Strategies.create(Strategies.THREAD_POOL, Workers.MAX + 1));
    }
}
