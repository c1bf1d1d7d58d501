package forkbench.benchmarks;

import forkbench.process.ChildProcess;
import forkbench.process.Children;
import forkbench.process.ForkOptions;
import forkbench.strategy.Params;
import forkbench.workload.Range;
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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;

/**
 * What each strategy costs per worker before any work is done: starting one empty task and waiting for it. These
 * fixed costs are what a job must outweigh before a strategy pays off, so break-even sizes follow from them.
 * {@code directCall} is the baseline: the same empty task, called on this thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Few short iterations per fork: forks differ far more than iterations do, so the time goes into forks (the
// rounds forkbench runs by default), as Kalibera and Jones' allocation rule advises (docs/statistics.md).
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
public class OverheadBenchmark {

    /** The empty task: returns a known value, so every method can check it really ran. */
    private static final long ANSWER = 42;
    private static final Callable<Long> EMPTY = () -> ANSWER;

    /** Pools kept for the trial, as the pooled strategies keep theirs. */
    @State(Scope.Thread)
    public static class Pools {
        ExecutorService threadPool;
        ForkJoinPool forkJoinPool;
        ChildProcess pooledChild;

        @Setup(Level.Trial)
        public void start() throws Exception {
            threadPool = Executors.newFixedThreadPool(1);
            forkJoinPool = new ForkJoinPool(1);
            pooledChild = ChildProcess.fork(ForkOptions.builder().timeout(Duration.ofMinutes(1)).build());
            pooledChild.ready().get(1, TimeUnit.MINUTES);
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            threadPool.shutdownNow();
            forkJoinPool.shutdownNow();
            pooledChild.close();
            threadPool.awaitTermination(10, TimeUnit.SECONDS);
            forkJoinPool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A cold child per invocation; only its start up to the first message is measured, its exit is not. Each
     * invocation takes tens of milliseconds, so JMH's per-invocation bookkeeping is lost in the noise.
     */
    @State(Scope.Thread)
    public static class ColdChild {
        ForkOptions options;
        ChildProcess child;

        @Setup(Level.Trial)
        public void prepare() {
            options = coldChildOptions();
        }

        @TearDown(Level.Invocation)
        public void close() {
            if (child != null) {
                child.close();
                child = null;
            }
        }
    }

    /** Options for cold children, their start-up archive made here, outside anything timed. */
    private static ForkOptions coldChildOptions() {
        ForkOptions options = ForkOptions.builder().timeout(Duration.ofMinutes(1)).build();
        ChildProcess.prepare(options);
        return options;
    }

    /**
     * {@code workers} cold children started at once, as {@code processCold} starts them: on a machine with as many
     * cores as children, each JVM's start-up threads compete with the others', so this is more than one alone.
     */
    @State(Scope.Thread)
    public static class ColdChildren {
        @Param({"2"})
        public String workers;

        ForkOptions options;
        List<ChildProcess> children = List.of();

        @Setup(Level.Trial)
        public void prepare() {
            options = coldChildOptions();
        }

        @TearDown(Level.Invocation)
        public void close() {
            Children.closeAll(children);
            children = List.of();
        }
    }

    private static long checked(long value) {
        if (value != ANSWER) {
            throw new IllegalStateException("the empty task returned " + value + ", not " + ANSWER);
        }
        return value;
    }

    @Benchmark
    public long directCall() throws Exception {
        return checked(EMPTY.call());
    }

    @Benchmark
    public long platformThread() throws InterruptedException {
        long[] result = new long[1];
        Thread thread = Thread.ofPlatform().start(() -> result[0] = ANSWER);
        thread.join();
        return checked(result[0]);
    }

    @Benchmark
    public long threadPoolSubmit(Pools pools) throws InterruptedException, ExecutionException {
        return checked(pools.threadPool.submit(EMPTY).get());
    }

    @Benchmark
    public long virtualThread() throws InterruptedException {
        long[] result = new long[1];
        Thread thread = Thread.ofVirtual().start(() -> result[0] = ANSWER);
        thread.join();
        return checked(result[0]);
    }

    @Benchmark
    public long forkJoinTask(Pools pools) {
        return checked(pools.forkJoinPool.invoke(new RecursiveTask<Long>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected Long compute() {
                return ANSWER;
            }
        }));
    }

    @Benchmark
    public long coldChildToFirstMessage(ColdChild cold) throws Exception {
        cold.child = ChildProcess.fork(cold.options);
        cold.child.ready().get(1, TimeUnit.MINUTES);
        return checked(ANSWER);
    }

    @Benchmark
    public long coldChildrenToFirstMessage(ColdChildren cold) throws Exception {
        cold.children = Children.forkAll(Params.parseWorkers(cold.workers), cold.options);
        for (ChildProcess child : cold.children) {
            child.ready().get(1, TimeUnit.MINUTES);
        }
        return checked(ANSWER);
    }

    /** One start message and its result: an empty range, so the child does no work at all. */
    @Benchmark
    public long pooledChildRoundTrip(Pools pools) throws Exception {
        long sum = pools.pooledChild.submit(new Range(ANSWER, ANSWER)).get(1, TimeUnit.MINUTES);
        if (sum != 0) {
            throw new IllegalStateException("an empty range summed to " + sum);
        }
        return ANSWER;
    }
}
