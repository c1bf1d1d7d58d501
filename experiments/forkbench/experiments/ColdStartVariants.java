package forkbench.experiments;

import forkbench.process.ChildProcess;
import forkbench.process.ForkOptions;
import forkbench.process.StartupArchive;
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
import java.util.concurrent.TimeUnit;

/**
 * Which way of starting a child JVM is fastest, up to its first message: with no start-up archive, an AppCDS
 * archive or JDK 25's AOT cache, and with the JDK's default flags or forkbench's worker flags. The archives are made
 * in the trial's set-up, outside the measurement. {@code processCold} uses the winner; read these scores beside
 * {@link JvmStartBaseline#helloWorld} from the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class ColdStartVariants {

    @Param({"NONE", "APP_CDS", "AOT_CACHE"})
    public StartupArchive archive;

    /** {@code jdk}: the JDK's defaults (G1, perf data); {@code worker}: {@link ForkOptions#WORKER_JVM_ARGS}. */
    @Param({"jdk", "worker"})
    public String flags;

    private ForkOptions options;
    private ChildProcess child;

    @Setup(Level.Trial)
    public void makeArchive() {
        options = ForkOptions.builder().timeout(Duration.ofMinutes(1)).startupArchive(archive)
                .jvmArgs(flags.equals("worker") ? ForkOptions.WORKER_JVM_ARGS : List.of()).build();
        ChildProcess.prepare(options);
    }

    @TearDown(Level.Invocation)
    public void closeChild() {
        if (child != null) {
            child.close();
            child = null;
        }
    }

    @Benchmark
    public long childToFirstMessage() throws Exception {
        child = ChildProcess.fork(options);
        child.ready().get(1, TimeUnit.MINUTES);
        return child.pid();
    }
}
