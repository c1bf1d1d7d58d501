package forkbench.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * No process outlives the run that started it, whatever ends that run. Children of forkbench's own notice their
 * parent's end on their pipe; what this adds covers the JVMs in between:
 * <ul>
 *   <li>the forkbench JVM, ended by SIGTERM, SIGINT or {@code System.exit}, ends every process below it (JMH's
 *       forks, and what they started) on its way out — a fork stuck in set-up would otherwise run on;</li>
 *   <li>a JMH fork whose parent was killed outright (SIGKILL, which runs no shutdown hook) ends itself, and with
 *       it the pipes its own children read.</li>
 * </ul>
 */
public final class Orphans {

    /** How long the processes below get to end on SIGTERM before they are killed. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    /** What a JMH fork runs: the sign that this JVM is one. */
    private static final String JMH_FORK_MAIN = "org.openjdk.jmh.runner.ForkedMain";

    private static final AtomicBoolean ENDING_DESCENDANTS = new AtomicBoolean();
    private static final AtomicBoolean WATCHING_PARENT = new AtomicBoolean();

    private Orphans() {
    }

    /** At this JVM's exit, ends every process below it: asked first (SIGTERM), then killed after a grace period. */
    public static void endDescendantsAtExit() {
        if (ENDING_DESCENDANTS.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(Orphans::endDescendants, "forkbench-no-orphans"));
        }
    }

    static void endDescendants() {
        List<ProcessHandle> below = ProcessHandle.current().descendants().toList();
        below.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle process : below) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    process.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // Still running, or cannot be waited for: killed below.
            }
            process.destroyForcibly();
        }
    }

    /**
     * In a JMH fork, ends this JVM when the JVM that forked it ends: JMH's own link to its parent is noticed only
     * between iterations, and a fork stuck in set-up never gets there. Elsewhere (the forkbench JVM itself, whose
     * parent is a shell that may well exit first) it does nothing.
     */
    public static void exitWithParentIfJmhFork() {
        if (!System.getProperty("sun.java.command", "").startsWith(JMH_FORK_MAIN)
                || !WATCHING_PARENT.compareAndSet(false, true)) {
            return;
        }
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("forkbench: the JVM that forked this one (pid " + parent.pid() + ") is gone; ending");
            endDescendants();
            Runtime.getRuntime().halt(3);
        }));
    }
}
