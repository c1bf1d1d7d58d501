package forkbench.faults;

import forkbench.workload.Fault;
import forkbench.workload.FaultPlan;

import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One trial: {@code jobs} jobs of {@code kernel} over {@code [0, n)} run by one strategy, with {@code fault} (or
 * none) in every {@code every}-th job, in a JVM of its own with a heap of {@code heap} (children too). A child
 * misses its part after {@code timeoutMillis}; any job not answered after {@link #deadlineMillis} is abandoned.
 */
record TrialSpec(String strategy, int workers, String kernel, long n, Optional<Fault> fault, int every, long seed,
                 int jobs, long timeoutMillis, String heap, boolean retry) {

    /** The column a fault-free trial stands in, the baseline of every fault's throughput. */
    static final String NONE = "none";

    String faultId() {
        return fault.map(Fault::id).orElse(NONE);
    }

    /** Where this trial's faults go, their once-only tokens in {@code tokens}; empty for a fault-free trial. */
    Optional<FaultPlan> plan(Path tokens) {
        return fault.map(kind -> FaultPlan.everyKth(kind, every, seed, tokens));
    }

    /** Long enough for a child to time out, be replaced, and compute its part again. */
    long deadlineMillis() {
        return 2 * timeoutMillis + 2_000;
    }

    List<String> toArgs() {
        return List.of(strategy, Integer.toString(workers), kernel, Long.toString(n), faultId(),
                Integer.toString(every), Long.toString(seed), Integer.toString(jobs), Long.toString(timeoutMillis),
                heap, Boolean.toString(retry));
    }

    static TrialSpec fromArgs(List<String> args) {
        if (args.size() != 11) {
            throw new IllegalArgumentException("a trial takes 11 arguments, got " + args.size() + ": " + args);
        }
        List<String> a = new ArrayList<>(args);
        Optional<Fault> fault = a.get(4).equals(NONE) ? Optional.empty() : Optional.of(Fault.byId(a.get(4)));
        return new TrialSpec(a.get(0), Integer.parseInt(a.get(1)), a.get(2), Long.parseLong(a.get(3)), fault,
                Integer.parseInt(a.get(5)), Long.parseLong(a.get(6)), Integer.parseInt(a.get(7)),
                Long.parseLong(a.get(8)), a.get(9), Boolean.parseBoolean(a.get(10)));
    }
}
