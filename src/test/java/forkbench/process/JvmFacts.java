package forkbench.process;

import forkbench.workload.Kernel;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Not a workload: a kernel whose answer over {@code [0, 1)} describes the JVM that computed it, so a test can ask a
 * child what it runs with. {@code [0, 1)} gives its maximum heap in bytes, {@code [1, 2)} its collector's code
 * ({@link #collector}).
 */
public final class JvmFacts implements Kernel {

    @Override
    public long compute(long from, long to) {
        if (from == 0 && to == 1) {
            return Runtime.getRuntime().maxMemory();
        }
        return from == 1 && to == 2 ? collector() : 0;
    }

    /** 1 G1, 2 Parallel, 3 Serial, 4 Z, 0 anything else: from the names of this JVM's collector beans. */
    static long collector() {
        String names = String.join(",", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
        if (names.contains("G1")) {
            return 1;
        }
        if (names.contains("PS ")) {
            return 2;
        }
        if (names.contains("Copy") || names.contains("MarkSweepCompact")) {
            return 3;
        }
        return names.contains("ZGC") ? 4 : 0;
    }

    @Override
    public long combine(long left, long right) {
        return left + right;
    }
}
