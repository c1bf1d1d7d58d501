package forkbench.record;

import java.util.List;

/**
 * How an interleaved run ordered its measurements, recorded with its metadata.
 *
 * @param rounds how many rounds: each configuration's forks
 * @param seed   the shuffle's seed: the same seed and configurations give the same order
 * @param order  each round's configurations, in the order they ran
 */
public record Interleaving(int rounds, long seed, List<List<String>> order) {

    public Interleaving {
        order = order == null ? List.of() : order.stream().map(List::copyOf).toList();
    }
}
