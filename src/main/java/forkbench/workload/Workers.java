package forkbench.workload;

/** The one cap on workers, for every strategy and for the memory command. */
public final class Workers {

    /**
     * Threads are cheap, but each process worker is a whole JVM (tens of MiB resident): past this many, it is a
     * mistake, not a plan; one cap for all keeps sweeps comparable.
     */
    public static final int MAX = 256;

    private Workers() {
    }
}
