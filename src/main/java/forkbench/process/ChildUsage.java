package forkbench.process;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The allocation and garbage collection of every child JVM this JVM has started since {@link #enable}: what a
 * profiler in the parent cannot see by itself. Once enabled, children are started asking for their usage, send it
 * with every answer, and each one's change since its previous report is added here, so a child that has exited (a
 * cold child after its job) still counts, its start-up included.
 */
public final class ChildUsage {

    /** The variable through which a child is asked to report its usage. */
    static final String ACCOUNT_VARIABLE = "FORKBENCH_ACCOUNT";

    private static final AtomicBoolean ENABLED = new AtomicBoolean();
    private static UsageMeter.Reading total = UsageMeter.Reading.ZERO;

    private ChildUsage() {
    }

    /** From now on, children started by this JVM report their usage. */
    public static void enable() {
        ENABLED.set(true);
    }

    static boolean isEnabled() {
        return ENABLED.get();
    }

    /**
     * Every child's usage reported so far, added up. Its allocation and collections are totals; its heap after GC
     * is the sum of each child's latest report, ended children included, so it says little on its own.
     */
    public static synchronized UsageMeter.Reading total() {
        return total;
    }

    /** Adds what one child did since its previous report (its first report counts from its start). */
    static synchronized void add(UsageMeter.Reading change) {
        total = total.plus(change);
    }

    // Resident memory is a level, not a count: each live child's latest, and the most they held at once since
    // the last reset. Guarded by the class, as total is.
    private static final java.util.Map<Long, Long> RESIDENT = new java.util.HashMap<>();
    private static long residentPeak;

    /** A live child's resident memory, as it last reported it. */
    static synchronized void resident(long pid, long bytes) {
        RESIDENT.put(pid, bytes);
        residentPeak = Math.max(residentPeak, RESIDENT.values().stream().mapToLong(Long::longValue).sum());
    }

    /** The child has ended: it holds no memory any more. */
    static synchronized void ended(long pid) {
        RESIDENT.remove(pid);
    }

    /**
     * The most resident memory the live children held at once since the previous call, and starts the next span
     * from what they hold now: the children's share of a configuration's memory, cold children (gone by the end of
     * an iteration) included.
     */
    public static synchronized long takeResidentPeak() {
        long peak = residentPeak;
        residentPeak = RESIDENT.values().stream().mapToLong(Long::longValue).sum();
        return peak;
    }
}
