package forkbench.process;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * What a JVM has allocated and collected since it started, read from its own management beans: the same figures
 * for a child (sent to its parent as {@link Message.Usage}) and for the JVM a profiler runs in, so that both are
 * counted on the same terms. Created only when asked for: the beans cost a child a few milliseconds of its start.
 */
public final class UsageMeter {

    private final com.sun.management.ThreadMXBean threads;
    private final List<GarbageCollectorMXBean> collectors;
    private final List<MemoryPoolMXBean> heapPools;

    private UsageMeter() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        collectors = ManagementFactory.getGarbageCollectorMXBeans();
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    /** A meter of this JVM. */
    public static UsageMeter ofThisJvm() {
        return new UsageMeter();
    }

    /** This JVM's figures now. */
    public Reading read() {
        long collections = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            collections += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        long afterGc = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage usage = pool.getCollectionUsage();
            afterGc += usage == null ? 0 : usage.getUsed();
        }
        return new Reading(threads.getTotalThreadAllocatedBytes(), collections, millis, afterGc);
    }

    /**
     * This JVM's resident memory now, in bytes: Linux's {@code VmRSS} in {@code /proc/self/status}; 0 where the
     * system does not tell. Read apart from {@link #read}: resident memory is a level, not a count to add up.
     */
    public static long residentBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip()) << 10;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not Linux, or not readable: unknown.
        }
        return 0;
    }

    /**
     * One JVM's figures at one moment, or the sum or difference of several.
     *
     * @param allocatedBytes   heap bytes allocated by all threads, those that ended included
     * @param collections      garbage collections, all collectors together
     * @param collectionMillis time spent in them
     * @param heapAfterGcBytes heap in use after the latest collection of each pool, summed
     */
    public record Reading(long allocatedBytes, long collections, long collectionMillis, long heapAfterGcBytes) {

        public static final Reading ZERO = new Reading(0, 0, 0, 0);

        public Reading plus(Reading other) {
            return new Reading(allocatedBytes + other.allocatedBytes, collections + other.collections,
                    collectionMillis + other.collectionMillis, heapAfterGcBytes + other.heapAfterGcBytes);
        }

        /** What changed since {@code earlier}. */
        public Reading since(Reading earlier) {
            return new Reading(allocatedBytes - earlier.allocatedBytes, collections - earlier.collections,
                    collectionMillis - earlier.collectionMillis, heapAfterGcBytes - earlier.heapAfterGcBytes);
        }

        Message.Usage toMessage(long residentBytes) {
            return new Message.Usage(allocatedBytes, collections, collectionMillis, heapAfterGcBytes, residentBytes);
        }

        static Reading of(Message.Usage usage) {
            return new Reading(usage.allocatedBytes(), usage.collections(), usage.collectionMillis(),
                    usage.heapAfterGcBytes());
        }
    }
}
