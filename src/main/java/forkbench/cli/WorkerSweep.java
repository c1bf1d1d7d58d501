package forkbench.cli;

import java.util.List;
import java.util.TreeSet;

/**
 * The default {@code workers} values, fitted to the machine: 1, 2, 4, ... up to its processors, with the processor
 * count itself always included. Below the core count shows scaling; the core count shows the best a CPU-bound job
 * can hope for. Oversubscription (more workers than cores) is asked for explicitly, e.g. {@code -p workers=1,2,4} on
 * 2 cores, as {@code scripts/publish} does: the default run spends its time on forks, not on a wider matrix.
 */
final class WorkerSweep {

    private WorkerSweep() {
    }

    public static List<String> forProcessors(int processors) {
        if (processors < 1) {
            throw new IllegalArgumentException("processors must be >= 1, got " + processors);
        }
        TreeSet<Integer> counts = new TreeSet<>();
        for (int workers = 1; workers <= processors; workers *= 2) {
            counts.add(workers);
        }
        counts.add(processors);
        return counts.stream().map(String::valueOf).toList();
    }
}
