package forkbench.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The memory of a job's JVMs, compared at equal totals: {@code heap} is the whole heap the work gets, so a thread
 * strategy's JVM runs with {@code -Xmx} of all of it and each of W children with a W-th; {@code collector} is the
 * collector of every one of them alike. {@link #DEFAULT} ({@code heap=default}, {@code gc=default}) leaves each
 * JVM as it is: the JDK's defaults for the benchmark's JVM, the serial collector for children.
 */
public record JvmMemory(Optional<Long> heapBytes, Optional<Collector> collector) {

    /** What {@code -p heap} and {@code -p gc} say when nothing is asked for. */
    public static final String DEFAULT_VALUE = "default";
    public static final JvmMemory DEFAULT = new JvmMemory(Optional.empty(), Optional.empty());
    /** Below this a child JVM has no room for a part of real work. */
    static final long SMALLEST_CHILD_HEAP = 16L << 20;

    /** The collectors a JDK may offer, by the names {@code -p gc} takes. */
    public enum Collector {
        G1("-XX:+UseG1GC"), PARALLEL("-XX:+UseParallelGC"), SERIAL("-XX:+UseSerialGC"), Z("-XX:+UseZGC"),
        SHENANDOAH("-XX:+UseShenandoahGC");

        private final String flag;

        Collector(String flag) {
            this.flag = flag;
        }

        public String flag() {
            return flag;
        }

        /** {@code G1}, {@code Parallel}, {@code Serial}, {@code Z}, {@code Shenandoah}, in any case. */
        static Collector byName(String name) {
            for (Collector collector : values()) {
                if (collector.name().equalsIgnoreCase(name)) {
                    return collector;
                }
            }
            throw new IllegalArgumentException("no such collector; give G1, Parallel, Serial, Z or Shenandoah (or "
                    + DEFAULT_VALUE + ")");
        }
    }

    /**
     * From the two parameters' values.
     *
     * @throws IllegalArgumentException with a one-line reason when either does not parse
     */
    public static JvmMemory of(String heap, String gc) {
        Optional<Long> bytes = heap == null || heap.equals(DEFAULT_VALUE) ? Optional.empty()
                : Optional.of(parseSize(heap));
        Optional<Collector> collector = gc == null || gc.equals(DEFAULT_VALUE) ? Optional.empty()
                : Optional.of(Collector.byName(gc));
        return new JvmMemory(bytes, collector);
    }

    /**
     * The maximum heap a JVM started with {@code flags} gets: the last {@code -Xmx} among them (the one the JVM
     * obeys), or {@code ergonomic} when none is there or it is not one this reads.
     */
    public static long maxHeap(List<String> flags, long ergonomic) {
        long heap = ergonomic;
        for (String flag : flags) {
            if (flag.startsWith("-Xmx")) {
                String size = flag.substring(4).toLowerCase(Locale.ROOT);
                try {
                    heap = size.matches("[0-9]+") ? Long.parseLong(size) : parseSize(size);
                } catch (IllegalArgumentException e) {
                    // The JVM itself will refuse it, in one line, when the fork starts.
                }
            }
        }
        return heap;
    }

    /** {@code 512m}, {@code 2g}, {@code 1048576k}: what {@code -Xmx} takes, in bytes. */
    static long parseSize(String text) {
        String size = text.strip().toLowerCase(Locale.ROOT);
        if (!size.matches("[1-9][0-9]{0,9}[kmg]")) {
            throw new IllegalArgumentException("not a heap size; give one as -Xmx takes it, such as 512m or 2g (or "
                    + DEFAULT_VALUE + ")");
        }
        long number = Long.parseLong(size.substring(0, size.length() - 1));
        int shift = switch (size.charAt(size.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            default -> 30;
        };
        return number << shift;
    }

    /** The flags of the benchmark's own JVM: the whole heap, and the collector. */
    public List<String> benchmarkJvmFlags() {
        List<String> flags = new ArrayList<>();
        heapBytes.ifPresent(bytes -> flags.add("-Xmx" + (bytes >> 10) + "k"));
        collector.ifPresent(c -> flags.add(c.flag()));
        return flags;
    }

    /**
     * The flags of each of {@code workers} children: a {@code workers}-th of the heap each, the same collector, no
     * perf data (see {@link ForkOptions#WORKER_JVM_ARGS}).
     */
    public List<String> childJvmFlags(int workers) {
        List<String> flags = new ArrayList<>();
        flags.add(collector.orElse(Collector.SERIAL).flag());
        flags.add("-XX:-UsePerfData");
        heapBytes.ifPresent(bytes -> flags.add("-Xmx" + (bytes / workers >> 10) + "k"));
        return flags;
    }

    /**
     * Refuses, in one line, what cannot run: a heap whose share per child is below 16 MiB at {@code maxWorkers},
     * or a collector the JDK at {@code java} does not offer (asked of it: {@code java -XX:+UseZGC -version}).
     */
    public void check(int maxWorkers, String java) {
        heapBytes.ifPresent(bytes -> {
            if (bytes / maxWorkers < SMALLEST_CHILD_HEAP) {
                throw new IllegalArgumentException("-p heap=" + (bytes >> 20) + "m is too small for " + maxWorkers
                        + " workers: each child JVM would get " + (bytes / maxWorkers >> 20) + " MiB, below "
                        + (SMALLEST_CHILD_HEAP >> 20) + " MiB");
            }
        });
        collector.ifPresent(c -> {
            if (!offered(java, c)) {
                throw new IllegalArgumentException("-p gc=" + c.name() + ": the JDK at " + java
                        + " does not offer this collector");
            }
        });
    }

    private static boolean offered(String java, Collector collector) {
        try {
            Process probe = new ProcessBuilder(java, collector.flag(), "-version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(30, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
