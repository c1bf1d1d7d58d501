package forkbench.benchmarks;

import forkbench.process.ForkOptions;
import forkbench.process.PipeBandwidth;
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
import java.util.concurrent.TimeUnit;

/**
 * The floors of moving data, measured on the machine in the same run as anything that moves data: how long
 * {@code bytes} take to go from this JVM into a child JVM through a pipe (what a process transport that copies its
 * input must pay at least), beside copying them from one heap array to another (what a thread that copies would
 * pay; a thread that reads in place pays nothing). Bandwidth is {@code bytes} over the time per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class TransportAnchors {

    /** 1 MiB, 64 MiB, 256 MiB. */
    @Param({"1048576", "67108864", "268435456"})
    public String bytes;

    private byte[] source;
    private byte[] target;
    private PipeBandwidth pipe;

    @Setup(Level.Trial)
    public void prepare() {
        int size = Integer.parseInt(bytes.strip());
        source = new byte[size];
        // Not zeros: a page of zeros could be shared or skipped by the OS; every byte differs from its neighbour.
        for (int i = 0; i < size; i++) {
            source[i] = (byte) (i * 31 + (i >>> 8));
        }
        target = new byte[size];
        pipe = PipeBandwidth.open(ForkOptions.builder().timeout(Duration.ofMinutes(1)).build());
    }

    @TearDown(Level.Trial)
    public void close() {
        pipe.close();
    }

    /** The bytes down a pipe into a child JVM that reads them all: the floor of a copying process transport. */
    @Benchmark
    public int pipeToChild() {
        pipe.send(source, source.length);
        return source.length;
    }

    /** The same bytes copied within the heap: memory bandwidth, read and write. */
    @Benchmark
    public byte heapCopy() {
        System.arraycopy(source, 0, target, 0, source.length);
        return target[target.length - 1];
    }
}
