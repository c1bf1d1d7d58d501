package forkbench.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The reference row: the program forkbench came from, the seed tutorial's Node.js {@code main.js} forking a worker
 * per part, run on {@link StrategyBenchmark}'s job and verified the same way. Read {@code nodeFork} beside
 * {@code processCold} (the same program shape in Java) from the same run. Needs {@code node} on the PATH: without
 * it the command line skips this class with one line.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Each operation is a fresh Node program, so nothing warms up across operations but this JVM's few lines that start
// it: one warm-up iteration is enough.
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
public class NodeForkBenchmark {

    @Benchmark
    public long nodeFork(StrategyBenchmark.Problem problem, StrategyBenchmark.Workers workers)
            throws InterruptedException {
        return problem.run(workers.strategy);
    }
}
