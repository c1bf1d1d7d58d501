package forkbench.experiments;

import forkbench.process.ChildProcess;
import forkbench.process.Children;
import forkbench.process.ForkOptions;
import forkbench.strategy.Params;
import forkbench.workload.Chunked;
import forkbench.workload.Kernels;
import forkbench.workload.Range;
import forkbench.workload.Summation;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How {@code processCold} got to its physical limit, one step at a time: each {@code step} adds one change to the
 * one before, so neighbouring rows are the A/B of that change. One operation is a whole cold job: fork a child per
 * worker, send each its half, await both, end them.
 * <ol>
 *   <li>{@code seed}: each child computes its part in one call and the job waits for the children to exit;</li>
 *   <li>{@code chunks}: the child computes its part in {@link Chunked} calls, so the loop is compiled as a method
 *       instead of finishing in one on-stack-replaced loop;</li>
 *   <li>{@code background}: the job resolves on its results and the children's exits are reaped in the background
 *       (waited for at the end of the trial): {@code processCold} as it is;</li>
 *   <li>{@code c2}: the same with {@code -XX:-TieredCompilation}, so the JVM starts without C1 and compiles the loop
 *       once: tried, and kept only if it measures better.</li>
 * </ol>
 * Read it beside {@code StrategyBenchmark.processPool} and {@code OverheadBenchmark.coldChildToFirstMessage} from
 * the same run: their sum is the physical limit of a cold job.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class ColdChildVariants {

    @Param({"seed", "chunks", "background", "c2"})
    public String step;

    @Param({"1000", "1000000000"})
    public String n;

    @Param({"2"})
    public String workers;

    private ForkOptions options;
    private boolean background;
    private long size;
    private List<Range> parts;
    private final List<CompletableFuture<Void>> exiting = new ArrayList<>();

    @Setup(Level.Trial)
    public void prepare() {
        int at = List.of("seed", "chunks", "background", "c2").indexOf(step);
        if (at < 0) {
            throw new IllegalArgumentException("step must be seed, chunks, background or c2, got " + step);
        }
        List<String> flags = new ArrayList<>(ForkOptions.WORKER_JVM_ARGS);
        if (at < 1) {
            flags.add("-D" + ForkOptions.CHUNK_PROPERTY + "=0");
        }
        if (at >= 3) {
            flags.add("-XX:-TieredCompilation");
        }
        background = at >= 2;
        options = ForkOptions.builder().timeout(Duration.ofMinutes(10)).jvmArgs(flags).build();
        ChildProcess.prepare(options);
        size = Params.parseN(n);
        parts = Range.split(size, Params.parseWorkers(workers));
    }

    @TearDown(Level.Trial)
    public void reap() {
        CompletableFuture.allOf(exiting.toArray(CompletableFuture[]::new)).join();
    }

    @Benchmark
    public long coldJob() throws InterruptedException {
        exiting.removeIf(CompletableFuture::isDone);
        List<ChildProcess> children = Children.forkAll(parts.size(), options);
        try {
            List<CompletableFuture<Long>> results = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                results.add(children.get(i).submit(parts.get(i)));
            }
            long sum = 0;
            for (long part : Children.<Long>awaitAll(results)) {
                sum += part;
            }
            return Kernels.verify("coldJob " + step, "sum", size, sum, Summation.reference(size));
        } finally {
            if (background) {
                children.forEach(child -> exiting.add(child.release()));
            } else {
                Children.closeAll(children);
            }
        }
    }
}
