package forkbench.experiments;

import forkbench.strategy.Params;
import forkbench.strategy.Strategies;
import forkbench.strategy.Strategy;
import forkbench.workload.Kernel;
import forkbench.workload.Kernels;
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

import java.util.concurrent.TimeUnit;

/**
 * Does anything cheap make forks agree more? The same job as {@code StrategyBenchmark} (the summation, heavy enough
 * that each operation is one long loop), run sequentially and by a 2-worker thread pool, under variants of the
 * harness, each its own method so that one run in rounds ({@code --interleave 12}) measures them all interleaved.
 * Compare the rows' between-fork spread and share in the report (docs/statistics.md); the baseline is
 * {@code StrategyBenchmark}'s own settings.
 *
 * <ul>
 *   <li>{@code *Baseline}: 1 warm-up and 2 measured iterations of 500 ms, as {@code StrategyBenchmark};</li>
 *   <li>{@code *LongWarmup}: 4 warm-up iterations, for sizes where an operation is one long loop and one warm-up
 *       iteration is a single, partly interpreted, operation;</li>
 *   <li>{@code *Batch}: {@code -Xbatch}, compilation in the foreground, so the JIT's timing depends less on the
 *       scheduler;</li>
 *   <li>{@code *PreTouch}: a fixed, pre-touched heap ({@code -Xms1g -Xmx1g -XX:+AlwaysPreTouch}), so memory layout
 *       and page faults depend less on the run.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
public class ForkVarianceVariants {

    @State(Scope.Benchmark)
    public static class Job {

        @Param({"2000000000"})
        public String n;

        long size;
        Kernel kernel;
        long expected;
        Strategy sequential;
        Strategy pool;

        @Setup(Level.Trial)
        public void prepare() {
            size = Params.parseN(n);
            kernel = Kernels.byName("sum");
            expected = Kernels.expected(kernel, size);
            sequential = Strategies.create(Strategies.SEQUENTIAL, 1);
            pool = Strategies.create("threadPool", 2);
        }

        @TearDown(Level.Trial)
        public void stop() {
            pool.close();
            sequential.close();
        }

        long run(Strategy strategy) throws InterruptedException {
            return Kernels.verify(strategy.id(), "sum", size, strategy.run(kernel, size), expected);
        }
    }

    @Benchmark
    public long sequentialBaseline(Job job) throws InterruptedException {
        return job.run(job.sequential);
    }

    @Benchmark
    public long threadPoolBaseline(Job job) throws InterruptedException {
        return job.run(job.pool);
    }

    @Benchmark
    @Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
    public long sequentialLongWarmup(Job job) throws InterruptedException {
        return job.run(job.sequential);
    }

    @Benchmark
    @Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
    public long threadPoolLongWarmup(Job job) throws InterruptedException {
        return job.run(job.pool);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Xbatch")
    public long sequentialBatch(Job job) throws InterruptedException {
        return job.run(job.sequential);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Xbatch")
    public long threadPoolBatch(Job job) throws InterruptedException {
        return job.run(job.pool);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
    public long sequentialPreTouch(Job job) throws InterruptedException {
        return job.run(job.sequential);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
    public long threadPoolPreTouch(Job job) throws InterruptedException {
        return job.run(job.pool);
    }
}
