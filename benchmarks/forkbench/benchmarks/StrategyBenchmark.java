package forkbench.benchmarks;

import forkbench.process.ForkOptions;
import forkbench.process.JvmMemory;
import forkbench.process.Orphans;
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
import org.openjdk.jmh.infra.BenchmarkParams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The question forkbench answers: the same job, run by each strategy, one whole job per operation (split, compute,
 * join, combine). {@code sequential} is the baseline every other method is read against. The job is the seed's
 * summation unless {@code -p kernel=} names another: {@code primes}, or the class name of any {@link Kernel} on the
 * class path.
 *
 * <p>Every method returns its verified answer: a strategy that returns a wrong answer fails the run instead of
 * posting a fast time, and returning the value keeps the JIT from discarding the work.
 *
 * <p>JMH itself stays single-threaded ({@code @Threads(1)}): the parallelism under test is the strategy's own, set
 * by {@code workers}. Pools and pooled child JVMs are built once per trial in {@link Workers}, so their start-up is
 * not billed to each job, while {@code processCold} pays a JVM start per worker on every job, as the seed does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Few short measured iterations per fork: forks differ far more than iterations do, so the time goes into forks (the
// rounds forkbench runs by default), as Kalibera and Jones' allocation rule advises (docs/statistics.md). Four
// warm-up iterations, because at n = 2e9 an operation outlasts an iteration: one warm-up left the loop mid-compilation
// while measured, 15-22% slow and 30% noisy within a fork (results/2026-11-28-fork-variance).
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
public class StrategyBenchmark {

    /** No single job should take this long; past it a child is destroyed and the benchmark fails. */
    static final Duration CHILD_TIMEOUT = Duration.ofMinutes(10);

    /** The strategy a benchmark method runs: its name is the strategy's id. */
    static String strategyId(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The problem: the kernel over {@code [0, n)}. Shared by all methods, the baseline included. */
    @State(Scope.Benchmark)
    public static class Problem {

        /** A built-in ({@code sum}, {@code primes}) or a kernel's class name. */
        @Param({"sum"})
        public String kernel;

        /** Tiny (fixed costs dominate), middle (where strategies break even) and heavy (where scaling shows). */
        @Param({"1000", "10000000", "2000000000"})
        public String n;

        /**
         * The whole heap of the work ({@code 512m}, {@code 2g}): the benchmark's JVM gets all of it, each of W
         * children a W-th; {@code default} leaves the JVMs as they are. forkbench's launcher sets the benchmark
         * JVM's flags from it; the children's are set here.
         */
        @Param({JvmMemory.DEFAULT_VALUE})
        public String heap;

        /** The collector of every JVM of the job ({@code G1}, {@code Parallel}, {@code Serial}, {@code Z}). */
        @Param({JvmMemory.DEFAULT_VALUE})
        public String gc;

        long size;
        Kernel job;
        JvmMemory memory;
        long expected;

        /**
         * Before any timing: the kernel's own answer, or one sequential run of it (once per trial, not timed), is
         * what every operation's result is checked against.
         */
        @Setup(Level.Trial)
        public void prepare() {
            // A set-up that never ends (a user's kernel that loops) must not outlive a killed run.
            Orphans.exitWithParentIfJmhFork();
            size = Params.parseN(n);
            job = Kernels.byName(kernel);
            memory = JvmMemory.of(heap, gc);
            expected = Kernels.expected(job, size);
        }

        long run(Strategy strategy) throws InterruptedException {
            return Kernels.verify(strategy.id(), kernel, size, strategy.run(job, size), expected);
        }
    }

    /**
     * The strategy under test, built for the running benchmark method (whose name is the strategy id) with
     * {@code workers} workers. Per JMH thread, so even a {@code -t} run never shares a pool between threads.
     */
    @State(Scope.Thread)
    public static class Workers {

        /** Replaced at run time by a sweep fitted to this machine (1, 2, 4, ... up to 2x its cores). */
        @Param({"1", "2", "4"})
        public String workers;

        Strategy strategy;

        /** After {@link Problem#prepare}: a user's own kernel joins the built-ins in the children's archive training. */
        @Setup(Level.Trial)
        public void start(BenchmarkParams params, Problem problem) {
            List<String> training = new ArrayList<>(Kernels.BUILT_IN);
            if (!Kernels.BUILT_IN.contains(problem.kernel)) {
                training.add(Kernels.wireName(problem.job));
            }
            int count = Params.parseWorkers(workers);
            strategy = Strategies.create(strategyId(params), count, ForkOptions.builder().timeout(CHILD_TIMEOUT)
                    .trainingKernels(training).jvmArgs(problem.memory.childJvmFlags(count)).build());
        }

        @TearDown(Level.Trial)
        public void stop() {
            strategy.close();
        }
    }

    private static final Strategy SEQUENTIAL = Strategies.create(Strategies.SEQUENTIAL, 1);

    @Benchmark
    public long sequential(Problem problem) throws InterruptedException {
        return problem.run(SEQUENTIAL);
    }

    @Benchmark
    public long platformThreads(Problem problem, Workers workers) throws InterruptedException {
        return problem.run(workers.strategy);
    }

    @Benchmark
    public long threadPool(Problem problem, Workers workers) throws InterruptedException {
        return problem.run(workers.strategy);
    }

    @Benchmark
    public long virtualThreads(Problem problem, Workers workers) throws InterruptedException {
        return problem.run(workers.strategy);
    }

    @Benchmark
    public long forkJoin(Problem problem, Workers workers) throws InterruptedException {
        return problem.run(workers.strategy);
    }

    @Benchmark
    public long parallelStream(Problem problem, Workers workers) throws InterruptedException {
        return problem.run(workers.strategy);
    }

    @Benchmark
    public long processCold(Problem problem, Workers workers) throws InterruptedException {
        return problem.run(workers.strategy);
    }

    @Benchmark
    public long processPool(Problem problem, Workers workers) throws InterruptedException {
        return problem.run(workers.strategy);
    }
}
