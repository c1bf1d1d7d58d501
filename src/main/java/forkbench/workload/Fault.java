package forkbench.workload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What can go wrong in a worker, injected by a {@link FaultKernel} so that every strategy meets the same fault at
 * the same index of the same job. Each is a way real work fails: a native crash, the kernel's OOM killer or a
 * {@code kill -9} ({@link #CRASH}); a heap that runs out ({@link #OOM}); an infinite loop ({@link #HANG}); a bug
 * that throws ({@link #THROWS}).
 */
public enum Fault {
    /** The worker's JVM is killed at once, by SIGKILL (see {@link FaultKernel}). */
    CRASH,
    /** The worker allocates until its JVM throws {@link OutOfMemoryError}, and lets it propagate. */
    OOM,
    /** The worker spins and never returns: no Java thread can be stopped, only a process can. */
    HANG,
    /** The worker throws an {@link IllegalStateException}, as a bug in the kernel would. */
    THROWS;

    /** The name users type and reports print: {@code crash}, {@code oom}, {@code hang}, {@code throws}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Fault::id).toList();
    }

    /** @throws IllegalArgumentException with the known names when {@code id} is none of them */
    public static Fault byId(String id) {
        for (Fault fault : values()) {
            if (fault.id().equals(id)) {
                return fault;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + id + "'; known: " + String.join(", ", ids()));
    }
}
