package forkbench.interleave;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order an interleaved run measures in: every configuration once per round, each round shuffled afresh. Over
 * the rounds each configuration runs early, late and in between, so a machine that slowly speeds up or slows down
 * spreads its drift over all of them instead of favouring whichever ran first. The seed makes the order
 * reproducible.
 *
 * @param configurations every configuration once, in JMH's own order
 * @param rounds the configurations of each round, in the order they run
 */
public record RoundPlan(List<Configuration> configurations, long seed, List<List<Configuration>> rounds) {

    public static final int MAX_ROUNDS = 1000;

    public RoundPlan {
        configurations = List.copyOf(configurations);
        rounds = rounds.stream().map(List::copyOf).toList();
    }

    public static RoundPlan shuffled(List<Configuration> configurations, int rounds, long seed) {
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("rounds must be from 1 to " + MAX_ROUNDS + ", got " + rounds);
        }
        Random random = new Random(seed);
        List<List<Configuration>> order = new ArrayList<>(rounds);
        for (int round = 0; round < rounds; round++) {
            List<Configuration> shuffled = new ArrayList<>(configurations);
            Collections.shuffle(shuffled, random);
            order.add(shuffled);
        }
        return new RoundPlan(configurations, seed, order);
    }

    /** Each round's configurations by label, in run order: what the run's metadata records. */
    public List<List<String>> labels() {
        return rounds.stream().map(round -> round.stream().map(Configuration::label).toList()).toList();
    }
}
