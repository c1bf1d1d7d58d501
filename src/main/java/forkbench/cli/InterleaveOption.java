package forkbench.cli;

import forkbench.interleave.RoundPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * forkbench's own options on the benchmark command line, taken out before JMH parses the rest:
 * {@code --interleave ROUNDS} and {@code --interleave-seed SEED} (also as {@code --option=value}).
 *
 * @param rounds  0 for JMH's own order, else how many interleaved rounds
 * @param seed    the shuffle's seed: given, or drawn at random and printed so the order can be repeated
 * @param jmhArgs everything else, for JMH
 */
record InterleaveOption(int rounds, long seed, String[] jmhArgs) {

    static final String ROUNDS = "--interleave";
    static final String SEED = "--interleave-seed";

    static final String HELP = """

            forkbench adds:
              --interleave ROUNDS     run each selected configuration (benchmark x parameter values) once per round,
                                      in a new random order each round, one fork each, and merge the rounds into one
                                      result with ROUNDS forks per configuration: slow drift of the machine then
                                      cannot favour whichever configuration ran first (-f is not allowed with it)
              --interleave-seed SEED  the shuffle's seed, to repeat an order (default: random, printed)
            Subcommands: report FILE.json..., compare BASE.json NEW.json, memory (each with -h).
            Exit codes (the same for every forkbench command): 0 done; 1 a finding (compare: a significant
            slowdown); 2 bad usage or input (options, parameter values, files); 3 the work failed (a benchmark
            error, a wrong answer, a child JVM failure, an output that could not be written).
            """;

    boolean interleaved() {
        return rounds > 0;
    }

    static InterleaveOption extract(String[] args) throws UsageException {
        List<String> rest = new ArrayList<>();
        String rounds = null;
        String seed = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!name.equals(ROUNDS) && !name.equals(SEED)) {
                rest.add(arg);
                continue;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(name + " needs a value");
            }
            if (name.equals(ROUNDS)) {
                rounds = value;
            } else {
                seed = value;
            }
        }
        if (rounds == null) {
            if (seed != null) {
                throw new UsageException(SEED + " only makes sense with " + ROUNDS + " ROUNDS");
            }
            return new InterleaveOption(0, 0, rest.toArray(String[]::new));
        }
        return new InterleaveOption(parseRounds(rounds), parseSeed(seed), rest.toArray(String[]::new));
    }

    private static int parseRounds(String text) throws UsageException {
        try {
            int rounds = Integer.parseInt(text.strip());
            if (rounds >= 1 && rounds <= RoundPlan.MAX_ROUNDS) {
                return rounds;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException(ROUNDS + " takes a number of rounds from 1 to " + RoundPlan.MAX_ROUNDS + ", got '"
                + text + "'");
    }

    private static long parseSeed(String text) throws UsageException {
        if (text == null) {
            return ThreadLocalRandom.current().nextLong();
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(SEED + " takes a whole number, got '" + text + "'");
        }
    }
}
