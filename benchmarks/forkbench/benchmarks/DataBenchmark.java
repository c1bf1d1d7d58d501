package forkbench.benchmarks;

import forkbench.process.ForkOptions;
import forkbench.process.Orphans;
import forkbench.strategy.Params;
import forkbench.strategy.Strategies;
import forkbench.strategy.Strategy;
import forkbench.workload.Kernels;
import forkbench.workload.data.DataJob;
import forkbench.workload.data.Transport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.concurrent.TimeUnit;

/**
 * When data moves: the same strategies as {@link StrategyBenchmark}, on jobs that have an input of {@code n} bytes
 * (one element is one byte) which each part reads its slice of. A thread reads its slice in place; a child process
 * is sent it ({@code transport=copy}: the input lives in the parent's heap and travels in 64 KiB frames) or maps it
 * ({@code transport=shared}: the input lives in a file in shared memory, which the threads then read too). Bytes per
 * second is {@code n} over the time per operation; {@link TransportAnchors} measures the floors in the same run.
 *
 * <p>Opt-in (not in the default run): name it, e.g. {@code java -jar target/benchmarks.jar DataBenchmark -p
 * workers=2}. The input is made from a fixed seed once per trial, before anything is timed; every operation's answer
 * is checked against one sequential pass over it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// A copied 256 MiB takes a second: short iterations keep a fork within seconds, and the rounds give the forks that the
// intervals are made of. Four warm-up iterations, because the first jobs map a slice and compile the loop (the first
// iteration ran 5x slower), and with two the next was still 10-25% slow; processPool warms up longer (see there).
@Warmup(iterations = 4, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
public class DataBenchmark {

    /** The job: a data kernel over {@code n} seeded bytes, kept where {@code transport} says. */
    @State(Scope.Benchmark)
    public static class Input {

        /** {@code checksum} (moving dominates), {@code hash} (computing dominates), {@code scramble} (output too). */
        @Param({"checksum", "hash", "scramble"})
        public String dataKernel;

        /** Bytes (1 MiB, 32 MiB, 256 MiB): where fixed costs dominate, the middle, and where bandwidth decides. */
        @Param({"1048576", "33554432", "268435456"})
        public String n;

        @Param({"copy", "shared"})
        public String transport;

        DataJob job;
        long expected;

        @Setup(Level.Trial)
        public void prepare() {
            Orphans.exitWithParentIfJmhFork();
            job = DataJob.create(dataKernel, Params.parseN(n), Transport.parse(transport), DataJob.SEED);
            expected = job.compute(0, job.blocks());
        }

        @TearDown(Level.Trial)
        public void close() {
            job.close();
        }

        long run(Strategy strategy) throws InterruptedException {
            return Kernels.verify(strategy.id(), dataKernel, job.size(), strategy.run(job, job.blocks()), expected);
        }
    }

    /** The strategy under test, named by the running method, with {@code workers} workers, built once per trial. */
    @State(Scope.Thread)
    public static class Workers {

        @Param({"1", "2", "4"})
        public String workers;

        Strategy strategy;

        @Setup(Level.Trial)
        public void start(BenchmarkParams params) {
            strategy = Strategies.create(StrategyBenchmark.strategyId(params), Params.parseWorkers(workers),
                    ForkOptions.builder().timeout(StrategyBenchmark.CHILD_TIMEOUT).build());
        }

        @TearDown(Level.Trial)
        public void stop() {
            strategy.close();
        }
    }

    private static final Strategy SEQUENTIAL = Strategies.create(Strategies.SEQUENTIAL, 1);

    /** The baseline: one thread reads the whole input. */
    @Benchmark
    public long sequential(Input input) throws InterruptedException {
        return input.run(SEQUENTIAL);
    }

    @Benchmark
    public long platformThreads(Input input, Workers workers) throws InterruptedException {
        return input.run(workers.strategy);
    }

    @Benchmark
    public long threadPool(Input input, Workers workers) throws InterruptedException {
        return input.run(workers.strategy);
    }

    @Benchmark
    public long virtualThreads(Input input, Workers workers) throws InterruptedException {
        return input.run(workers.strategy);
    }

    @Benchmark
    public long forkJoin(Input input, Workers workers) throws InterruptedException {
        return input.run(workers.strategy);
    }

    @Benchmark
    public long parallelStream(Input input, Workers workers) throws InterruptedException {
        return input.run(workers.strategy);
    }

    @Benchmark
    public long processCold(Input input, Workers workers) throws InterruptedException {
        return input.run(workers.strategy);
    }

    /**
     * Pooled children take seconds, not the class's 0.8 s, to reach their steady state: per 0.5 s iteration of one
     * fork (checksum, 256 MiB, shared, 2 workers) a pool ran 26-30 ms, then about 18 ms for 2-3 s, and 15-16 ms only
     * from about 4 s on, while a thread pool ran 15-16 ms from its second iteration. Measured after the class's
     * warm-up the pool was 1.25x the fastest thread strategy (41 forks); after 8 s, 1.06x (5 forks). Meanwhile the
     * children wait for a CPU three times as long as pooled threads do, behind their own and the parent's compiler
     * threads and the per-job hand-offs (docs/data-movement.md). So the pool warms up for 6 s; processCold has no
     * steady state to wait for, and the thread strategies are flat from their second iteration.
     */
    @Benchmark
    @Warmup(iterations = 6, time = 1, timeUnit = TimeUnit.SECONDS)
    public long processPool(Input input, Workers workers) throws InterruptedException {
        return input.run(workers.strategy);
    }
}
