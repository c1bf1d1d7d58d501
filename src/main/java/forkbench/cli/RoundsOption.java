package forkbench.cli;

import forkbench.interleave.Target;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * forkbench's own options on the benchmark command line, taken out before JMH parses the rest (each also as
 * {@code --option=value}): {@code --interleave ROUNDS}, {@code --verdict} (with {@code --margin}) and
 * {@code --precision PCT}, each with {@code --max-time}, {@code --min-rounds}, {@code --max-rounds} and
 * {@code --plan}, {@code --interleave-seed SEED}, and {@code --resume DIR}.
 *
 * @param target  the rounds to run, or {@code null} for JMH's own way (forks as -f says)
 * @param seed    the shuffle's seed: given, or drawn at random and printed so the order can be repeated
 * @param resume  the folder of a run to continue, or {@code null}
 * @param jmhArgs everything else, for JMH
 * @param given   whether the user chose the rounds (else forkbench's default rounds apply, unless -f is given)
 */
record RoundsOption(Target target, long seed, Path resume, String[] jmhArgs, boolean given) {

    static final String ROUNDS = "--interleave";
    static final String SEED = "--interleave-seed";
    static final String PRECISION = "--precision";
    static final String MAX_TIME = "--max-time";
    static final String MIN_ROUNDS = "--min-rounds";
    static final String MAX_ROUNDS = "--max-rounds";
    static final String PLAN = "--plan";
    static final String VERDICT = "--verdict";
    static final String MARGIN = "--margin";
    static final int DEFAULT_PILOT_ROUNDS = 3;
    static final String RESUME = "--resume";

    /**
     * A run that names no -f and no rounds: a 3-round pilot (with 2 forks a side its strict look decides next to
     * nothing), then to the verdict within 2 min 45 s, so that with the answer's report the run ends within 3.
     */
    static final Target DEFAULT = new Target(null, true, Target.DEFAULT_MARGIN, Duration.ofSeconds(165),
            DEFAULT_PILOT_ROUNDS, Target.DEFAULT_MAX_ROUNDS, false);

    private static final List<String> WITH_VALUE = List.of(ROUNDS, SEED, PRECISION, MARGIN, MAX_TIME, MIN_ROUNDS,
            MAX_ROUNDS, RESUME);

    static final String HELP = """

            forkbench adds:
              --interleave ROUNDS     run each selected configuration (benchmark x parameter values) once per round,
                                      in a new random order each round, one fork each, and merge the rounds into one
                                      result with ROUNDS forks per configuration: slow drift of the machine then
                                      cannot favour whichever configuration ran first (-f is not allowed with it)
              --verdict               interleaved rounds until every configuration's standing against the fastest
                                      of its job (same parameters) is decided: slower (its 95% interval of the
                                      time ratio above 1) or equivalent (the interval within the margin). The first
                                      rounds are a pilot: it decides what is overwhelming (99.9%), the rest gets
                                      the fresh forks its comparison should need, and only those fresh forks are
                                      judged, so the intervals keep their 95% whatever the pilot saw
                --margin PCT          the equivalence margin (default 2)
              --precision PCT         the same design aiming at a fork-level 95% half-width within PCT% of the mean
                                      (with --verdict: for each strategy's fastest configuration of each job)
                --max-time DURATION   the time budget (90s, 10m, 1h30m); the pilot runs even past it, and what the
                                      budget cuts short is reported undecided
                --min-rounds N        the pilot's rounds (default 3, least 2)
                --max-rounds N        the most rounds, the pilot's included (default 100)
                --plan                run the pilot rounds, print the plan, and stop
              --interleave-seed SEED  the shuffle's seed, to repeat an order (default: random, printed)
              --resume DIR            continue a run with a results folder (or FILE.json) that was interrupted or
                                      stopped short of its target, with the options it was started with
            Without -f and without these, a run goes to the verdict within 3 minutes (--verdict --max-time 2m45s); -f N
            runs JMH's own way. A run in rounds prints a line
            per round (and on a terminal a live line naming the fork that runs); JMH's own output of every fork goes
            to jmh.log beside the result, or to the console with -v NORMAL.
            Subcommands: report FILE.json..., compare BASE.json NEW.json, memory, faults (each with -h).
            --version prints forkbench's, JMH's and the JDK's versions.
            Environment: FORKBENCH_HOST names this machine in metadata and reports; FORKBENCH_NO_ARCHIVE=1 starts
            child JVMs without a start-up archive (no training run, slower starts).
            Exit codes (the same for every forkbench command): 0 done; 1 a finding (compare: a significant
            slowdown); 2 bad usage or input (options, parameter values, files); 3 the work failed (a benchmark
            error, a wrong answer, a child JVM failure, an output that could not be written).
            """;

    boolean rounds() {
        return target != null;
    }

    static RoundsOption extract(String[] args) throws UsageException {
        List<String> rest = new ArrayList<>();
        Map<String, String> values = new java.util.LinkedHashMap<>();
        boolean plan = false;
        boolean verdict = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals(PLAN) || name.equals(VERDICT)) {
                if (name.equals(PLAN) ? plan : verdict) {
                    throw new UsageException(name + " is given twice");
                }
                plan |= name.equals(PLAN);
                verdict |= name.equals(VERDICT);
                continue;
            }
            if (!WITH_VALUE.contains(name)) {
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
            if (values.put(name, value) != null) {
                throw new UsageException(name + " is given twice");
            }
        }
        Path resume = values.containsKey(RESUME) ? Path.of(values.get(RESUME)) : null;
        if (resume != null && (!rest.isEmpty() || values.size() > 1 || plan || verdict)) {
            throw new UsageException(RESUME + " DIR continues a run with the options it was started with: give it "
                    + "alone");
        }
        boolean precision = values.containsKey(PRECISION);
        boolean adaptive = precision || verdict;
        for (String option : List.of(MAX_TIME, MIN_ROUNDS, MAX_ROUNDS)) {
            if (values.containsKey(option) && !adaptive) {
                throw new UsageException(option + " only makes sense with " + VERDICT + " or " + PRECISION + " PCT");
            }
        }
        if (plan && !adaptive) {
            throw new UsageException(PLAN + " only makes sense with " + VERDICT + " or " + PRECISION + " PCT");
        }
        if (values.containsKey(MARGIN) && !verdict) {
            throw new UsageException(MARGIN + " only makes sense with " + VERDICT);
        }
        if (adaptive && values.containsKey(ROUNDS)) {
            throw new UsageException(ROUNDS + " runs a fixed number of rounds and " + (verdict ? VERDICT : PRECISION)
                    + " as many as it takes: give one of them");
        }
        if (values.containsKey(SEED) && !adaptive && !values.containsKey(ROUNDS)) {
            throw new UsageException(SEED + " only makes sense with " + ROUNDS + ", " + VERDICT + " or " + PRECISION);
        }
        long seed = parseSeed(values.get(SEED));
        String[] jmh = rest.toArray(String[]::new);
        try {
            if (adaptive) {
                Target target = new Target(precision ? parsePercent(PRECISION, values.get(PRECISION)) : null, verdict,
                        values.containsKey(MARGIN) ? parsePercent(MARGIN, values.get(MARGIN)) / 100
                                : Target.DEFAULT_MARGIN,
                        values.containsKey(MAX_TIME) ? parseDuration(values.get(MAX_TIME)) : null,
                        values.containsKey(MIN_ROUNDS) ? count(MIN_ROUNDS, values.get(MIN_ROUNDS))
                                : DEFAULT_PILOT_ROUNDS,
                        values.containsKey(MAX_ROUNDS) ? count(MAX_ROUNDS, values.get(MAX_ROUNDS))
                                : Target.DEFAULT_MAX_ROUNDS, plan);
                return new RoundsOption(target, seed, null, jmh, true);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (values.containsKey(ROUNDS)) {
            return new RoundsOption(Target.fixed(count(ROUNDS, values.get(ROUNDS))), seed, null, jmh, true);
        }
        return new RoundsOption(null, seed, resume, jmh, resume != null);
    }

    /** The folder (or file) {@code --resume} names in {@code args}, or {@code null}. */
    static Path extractResume(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(RESUME) && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith(RESUME + "=")) {
                return Path.of(args[i].substring(RESUME.length() + 1));
            }
        }
        return null;
    }

    /** These options with forkbench's default rounds, for a run that chose neither rounds nor forks. */
    RoundsOption withDefaultRounds() {
        return new RoundsOption(DEFAULT, seed, resume, jmhArgs, false);
    }

    private static int count(String option, String text) throws UsageException {
        try {
            int rounds = Integer.parseInt(text.strip());
            if (rounds >= 1 && rounds <= Target.MAX_ROUNDS) {
                return rounds;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException(option + " takes a number of rounds from 1 to " + Target.MAX_ROUNDS + ", got '"
                + text + "'");
    }

    private static double parsePercent(String option, String text) throws UsageException {
        try {
            double percent = Double.parseDouble(text.strip().replace("%", ""));
            if (percent > 0 && percent < 100) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException(option + " takes a percentage above 0 and below 100 (e.g. 2), got '" + text + "'");
    }

    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    /** {@code 90s}, {@code 10m}, {@code 1h30m}; a plain number is minutes. */
    static Duration parseDuration(String text) throws UsageException {
        String value = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (value.matches("\\d+")) {
            value = value + "m";
        }
        Matcher matcher = DURATION.matcher(value);
        if (!value.isEmpty() && value.length() < 16 && matcher.matches()) {
            Duration duration = Duration.ZERO;
            long[] unit = {3600, 60, 1};
            for (int group = 1; group <= 3; group++) {
                if (matcher.group(group) != null) {
                    duration = duration.plusSeconds(Long.parseLong(matcher.group(group)) * unit[group - 1]);
                }
            }
            if (!duration.isZero() && duration.compareTo(Duration.ofDays(7)) <= 0) {
                return duration;
            }
        }
        throw new UsageException(MAX_TIME + " takes a duration such as 90s, 10m or 1h30m (at most 7 days), got '"
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
