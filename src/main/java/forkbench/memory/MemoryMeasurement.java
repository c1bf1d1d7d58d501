package forkbench.memory;

import forkbench.process.ChildProcess;
import forkbench.process.Children;
import forkbench.process.ForkOptions;
import forkbench.record.MemoryFootprint;
import forkbench.workload.Range;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Measures memory per worker on this machine (Linux, from /proc): child JVMs, and threads of each kind. */
public final class MemoryMeasurement {

    private static final int REPEATS = 3;

    private MemoryMeasurement() {
    }

    /** Measures on this machine: {@code children} child JVMs, and {@code threads} threads of each kind. */
    public static MemoryFootprint measure(int children, int threads) throws IOException, InterruptedException {
        if (!Rss.available()) {
            throw new IOException("measuring memory needs Linux's /proc");
        }
        long[] childRss = childRss(children);
        long base = medianHolderRss("platform", 0);
        long platform = medianHolderRss("platform", threads);
        long virtual = medianHolderRss("virtual", threads);
        Arrays.sort(childRss);
        return new MemoryFootprint(childRss[childRss.length / 2], childRss[0], childRss[childRss.length - 1],
                children, (platform - base) / (double) threads, (virtual - base) / (double) threads, threads, base);
    }

    /** Each child's resident memory once it has summed a range big enough to get its loop compiled. */
    private static long[] childRss(int count) throws IOException, InterruptedException {
        ForkOptions options = ForkOptions.builder().timeout(Duration.ofMinutes(1)).build();
        ChildProcess.prepare(options);
        List<ChildProcess> children = Children.forkAll(count, options);
        try {
            List<java.util.concurrent.CompletableFuture<Long>> jobs = new ArrayList<>();
            for (ChildProcess child : children) {
                jobs.add(child.submit(new Range(0, 50_000_000)));
            }
            Children.awaitAll(jobs);
            long[] rss = new long[count];
            for (int i = 0; i < count; i++) {
                rss[i] = Rss.kibibytes(children.get(i).pid());
            }
            return rss;
        } finally {
            Children.closeAll(children);
        }
    }

    private static long medianHolderRss(String kind, int count) throws IOException, InterruptedException {
        long[] samples = new long[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            samples[i] = holderRss(kind, count);
        }
        Arrays.sort(samples);
        return samples[REPEATS / 2];
    }

    /** Starts a {@link ThreadHolder} JVM with the parent's JDK and class path, and reads the RSS it reports. */
    private static long holderRss(String kind, int count) throws IOException, InterruptedException {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ThreadHolder.class.getName(), kind,
                Integer.toString(count)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            if (line == null) {
                throw new IOException("the thread-holding JVM ended without reporting its memory");
            }
            return Long.parseLong(line.strip());
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }
}
