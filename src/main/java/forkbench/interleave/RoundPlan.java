package forkbench.interleave;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The order a run in rounds measures in: every configuration still measured once per round, each round shuffled
 * afresh. Over the rounds each configuration runs early, late and in between, so a machine that slowly speeds up or
 * slows down spreads its drift over all of them instead of favouring whichever ran first. The seed and the round's
 * number fix the order, so a seed repeats a run's order and a resumed run goes on with the same sequence.
 */
final class RoundPlan {

    static final int MAX_ROUNDS = Target.MAX_ROUNDS;

    private RoundPlan() {
    }

    /** The configurations of round {@code round} (counted from 0) in the order they run. */
    public static List<Configuration> order(List<Configuration> configurations, long seed, int round) {
        if (round < 0 || round >= MAX_ROUNDS) {
            throw new IllegalArgumentException("a round is numbered from 0 to " + (MAX_ROUNDS - 1) + ", got " + round);
        }
        List<Configuration> shuffled = new ArrayList<>(configurations);
        Collections.shuffle(shuffled, new Random(seed * 1_000_003L + round));
        return shuffled;
    }

    /** The rounds every configuration has finished: the fewest forks any of them has (none for a missing one). */
    public static int completeRounds(List<Configuration> configurations, Map<Configuration, Integer> forks) {
        return configurations.stream().mapToInt(c -> forks.getOrDefault(c, 0)).min().orElse(0);
    }

    /** Those of {@code configurations} still without their fork of round {@code round} (counted from 0). */
    public static List<Configuration> due(List<Configuration> configurations, Map<Configuration, Integer> forks,
                                          int round) {
        return configurations.stream().filter(c -> forks.getOrDefault(c, 0) <= round).toList();
    }
}
