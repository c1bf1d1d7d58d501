package forkbench.interleave;

import forkbench.record.Precision;
import forkbench.statistics.TwoStage;
import forkbench.report.model.Replicates;
import forkbench.report.model.Report;
import forkbench.report.input.InputException;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import forkbench.process.JvmMemory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Runs configurations in shuffled rounds, one fork each per round, each fork its own JMH run with every other option
 * as the user gave it. After every round the forks so far are one JMH result (see {@link ResultDocument}), handed to
 * a {@link Listener} that saves it: an interrupted run keeps every finished round, and {@code --resume} continues
 * from that file. With a verdict or a precision {@link Target}, the first rounds are a pilot and a {@link Plan}
 * made from it gives every configuration still undecided the fresh forks it needs (and the iterations per fork),
 * within the most rounds and the time budget (see {@link forkbench.statistics.TwoStage}).
 */
public final class RoundsRun {

    /** Told after every round; saving the result there is what makes an interrupted run keep its rounds. */
    public interface Listener {
        void roundDone(ResultDocument combined, Progress progress) throws IOException;
    }

    /**
     * @param rounds     rounds run so far, resumed ones included
     * @param reached    every configuration's forks, the half-width it reached and whether it met the target
     * @param plan       the plan, once there is one
     * @param order      this run's rounds, each as the labels in the order they ran
     * @param iterations measured iterations per fork now used ({@code null}: the benchmarks' own)
     * @param stopped    why the run stopped, or {@code null} while it goes on
     */
    public record Progress(int rounds, List<Precision.Reached> reached, Plan plan, List<List<String>> order,
                           Integer iterations, String stopped) {
    }

    private final Options options;
    private final List<Configuration> configurations;
    private final Target target;
    private final long seed;
    private final Path scratch;
    private final RoundsConsole console;
    private final Listener listener;
    private final Map<String, Double> iterationSeconds;

    /**
     * @param iterationSeconds each benchmark's measurement iteration time, as its options and annotations set it
     */
    public RoundsRun(Options options, List<Configuration> configurations, Target target, long seed, Path scratch,
                     RoundsConsole console, Listener listener, Map<String, Double> iterationSeconds) {
        this.options = options;
        this.iterationSeconds = Map.copyOf(iterationSeconds);
        this.configurations = List.copyOf(configurations);
        this.target = target;
        this.seed = seed;
        this.scratch = scratch;
        this.console = console;
        this.listener = listener;
    }

    /**
     * Every configuration of {@code entries} under {@code options}: each benchmark times every combination of its
     * parameter values, given or declared (see {@link Configurations}).
     */
    public static List<Configuration> configurations(Collection<org.openjdk.jmh.runner.BenchmarkListEntry> entries,
                                                     Options options) {
        return Configurations.expand(entries, options);
    }

    /** Runs rounds after those already in {@code start} (empty for a new run), until the target says stop. */
    public Progress run(ResultDocument start) throws RunnerException, IOException, InputException {
        return run(start, OptionalInt.empty());
    }

    /**
     * As {@link #run(ResultDocument)}, for a resumed run whose plan chose {@code planIterations} measured iterations
     * per fork: its plan is made again from the same pilot forks, and its second stage goes on measuring alike.
     */
    public Progress run(ResultDocument start, OptionalInt planIterations)
            throws RunnerException, IOException, InputException {
        long began = System.nanoTime();
        ResultDocument combined = start;
        // Each configuration goes on from the forks it has: one missing from a resumed file starts at its first.
        Map<Configuration, Integer> forks = new LinkedHashMap<>(start.forks());
        int rounds = roundsSoFar(forks);
        int pilot = target.adaptive() ? target.minRounds() : 0;
        Map<Configuration, Status> statuses = combined.isEmpty() ? Map.of()
                : Status.of(combined, pilot, target.margin());
        Map<Configuration, List<Double>> forkSeconds = new LinkedHashMap<>();
        List<List<String>> order = new ArrayList<>();
        Integer iterations = options.getMeasurementIterations().hasValue()
                ? options.getMeasurementIterations().get() : null;
        Plan plan = null;
        String stopped = null;
        while (true) {
            boolean inPilot = rounds < target.minRounds();
            List<Configuration> due;
            if (inPilot) {
                due = RoundPlan.due(configurations, forks, rounds);
            } else if (!target.adaptive()) {
                break;
            } else {
                if (plan == null) {
                    Map<Configuration, Replicates> pilotForks = Status.pilot(combined, pilot);
                    plan = Plan.of(target, pilotForks, costs(forkSeconds, statuses), measured(pilotForks.values()),
                            planIterations);
                    String from = rounds == target.minRounds() ? "the " + rounds + " pilot rounds"
                            : "the pilot of a resumed run";
                    console.line("# forkbench: plan from " + from + ": " + plan.describe());
                    iterations = plan.iterations();
                    if (target.planOnly()) {
                        stopped = "plan only";
                        break;
                    }
                }
                due = plan.due(forks);
                if (due.isEmpty()) {
                    stopped = "every planned fork measured";
                    break;
                }
                if (rounds >= target.maxRounds()) {
                    stopped = "the maximum of " + target.maxRounds() + " rounds";
                    break;
                }
                if (overBudget(began)) {
                    stopped = "the time budget of " + Plan.minutes(target.maxTime()) + " ran out";
                    break;
                }
            }
            List<Configuration> shuffled = RoundPlan.order(due, seed, rounds);
            ResultDocument round = ResultDocument.empty();
            List<String> ran = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                if (!inPilot && overBudget(began)) {
                    stopped = "the time budget of " + Plan.minutes(target.maxTime()) + " ran out";
                    break;
                }
                Configuration configuration = shuffled.get(i);
                console.now("# forkbench: round " + (rounds + 1) + (target.adaptive() ? "" : "/" + target.minRounds())
                        + ", " + (i + 1) + "/" + shuffled.size() + ": " + configuration.label());
                long forkStart = System.nanoTime();
                round = round.plus(runOne(configuration, iterations));
                forkSeconds.computeIfAbsent(configuration, c -> new ArrayList<>())
                        .add((System.nanoTime() - forkStart) / 1e9);
                ran.add(configuration.label());
                forks.merge(configuration, 1, Integer::sum);
            }
            if (!ran.isEmpty()) {
                rounds++;
                order.add(ran);
                combined = combined.plus(round);
                statuses = Status.of(combined, pilot, target.margin());
                console.line(roundLine(rounds, ran.size(), inPilot, plan, forks, began));
            }
            if (stopped != null) {
                break;
            }
            // Saved after every round; the last one is saved once, below, with why the run stopped.
            listener.roundDone(combined, new Progress(rounds, reached(statuses, plan), plan, order, iterations,
                    null));
        }
        if (plan != null && stopped != null && !stopped.equals("plan only")) {
            console.line(verdictLine(statuses));
        }
        Progress last = new Progress(rounds, reached(statuses, plan), plan, order, iterations,
                stopped == null ? "the " + Plan.count(rounds, "round") + " asked for" : stopped);
        listener.roundDone(combined, last);
        return last;
    }

    /** The rounds run so far: in the pilot, the fewest forks any configuration has; past it, the most. */
    private int roundsSoFar(Map<Configuration, Integer> forks) {
        int fewest = RoundPlan.completeRounds(configurations, forks);
        if (!target.adaptive() || fewest < target.minRounds()) {
            return fewest;
        }
        return configurations.stream().mapToInt(c -> forks.getOrDefault(c, 0)).max().orElse(0);
    }

    /** One line per round: where the pilot or the second stage stands, elapsed, and the forecast. */
    private String roundLine(int rounds, int ran, boolean inPilot, Plan plan, Map<Configuration, Integer> forks,
                             long began) {
        String elapsed = "elapsed " + Plan.minutes(Duration.ofNanos(System.nanoTime() - began));
        if (!target.adaptive()) {
            return "# forkbench: round " + rounds + "/" + target.minRounds() + " done (" + Plan.count(ran, "fork")
                    + "); " + elapsed;
        }
        if (inPilot) {
            return "# forkbench: round " + rounds + " of the " + target.minRounds() + " pilot rounds done ("
                    + Plan.count(ran, "fork") + "); " + elapsed;
        }
        int planned = 0;
        int done = 0;
        for (Map.Entry<Configuration, Integer> e : plan.totals().entrySet()) {
            planned += e.getValue() - target.minRounds();
            done += Math.min(e.getValue(), forks.getOrDefault(e.getKey(), 0)) - target.minRounds();
        }
        Duration left = plan.remaining(forks);
        return "# forkbench: round " + rounds + ": second stage " + done + "/" + planned + " forks; " + elapsed
                + "; forecast " + Plan.minutes(left) + " more to " + target.describe()
                + (target.maxTime() != null && Duration.ofNanos(System.nanoTime() - began).plus(left)
                .compareTo(target.maxTime()) > 0 ? " (past the time budget of " + Plan.minutes(target.maxTime())
                + ": some comparisons will stay undecided)" : "");
    }

    /** At the end: how many comparisons are decided, how, and the one furthest from it. */
    private String verdictLine(Map<Configuration, Status> statuses) {
        List<Status> compared = statuses.values().stream().filter(s -> s.against() != null).toList();
        Map<Report.Decision, Long> by = new java.util.EnumMap<>(Report.Decision.class);
        compared.forEach(s -> by.merge(s.decision(), 1L, Long::sum));
        long decided = compared.stream().filter(s -> s.decision().decided()).count();
        String how = by.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ')).collect(java.util.stream.Collectors.joining(", "));
        String words = target.verdict() ? "verdict: " + decided + " of " + compared.size() + " comparisons with "
                + "their job's fastest decided" + (how.isEmpty() ? "" : " (" + how + ")")
                : "precision: " + statuses.values().stream().filter(s -> s.reached(target.percent())).count()
                + " of " + statuses.size() + " configurations within ±" + Plan.percent(target.percent()) + "%";
        Status worst = compared.stream().filter(s -> s.decision() == Report.Decision.UNDECIDED)
                .max(Comparator.comparingDouble(s -> s.ratio().interval().map(i -> Math.min(i.high(), 1e9)
                        / Math.max(i.low(), 1e-9)).orElse(0.0))).orElse(null);
        return "# forkbench: " + words + (worst == null || !target.verdict() ? "" : String.format(Locale.ROOT,
                "; the widest open one: %s against %s, %.3g× [%.3g, %.3g]%s", worst.configuration().label(),
                worst.against(), worst.ratio().value(), worst.ratio().low(),
                worst.ratio().high() == null ? Double.POSITIVE_INFINITY : worst.ratio().high(),
                forksToDecide(worst, statuses)));
    }

    /** {@code ; ≈40 forks each would decide it in a new run}, planned from its forks as from a pilot. */
    private String forksToDecide(Status open, Map<Configuration, Status> statuses) {
        return statuses.values().stream().filter(s -> s.configuration().label().equals(open.against()))
                .findFirst().filter(reference -> open.replicates().forks() >= 2 && reference.replicates().forks() >= 2)
                .map(reference -> {
                    int most = Report.Standing.MOST_FORKS_TO_DECIDE;
                    int forks = TwoStage.forksToDecide(open.replicates().sample(), reference.replicates().sample(),
                            target.margin(), most);
                    return forks >= most ? "; deciding it would take over " + most + " forks each"
                            : "; ≈" + forks + " forks each would decide it in a new run";
                }).orElse("");
    }

    private boolean overBudget(long began) {
        return target.maxTime() != null && Duration.ofNanos(System.nanoTime() - began).compareTo(target.maxTime()) >= 0;
    }

    /** One fork of one configuration as its own JMH run, its results as JMH's JSON. */
    private ResultDocument runOne(Configuration configuration, Integer iterations)
            throws RunnerException, IOException {
        // A child builder adds its includes to its parent's, so narrowing to one benchmark takes an exclude:
        // everything whose name is not exactly this one.
        ChainedOptionsBuilder one = new OptionsBuilder().parent(options)
                .exclude("^(?!" + Pattern.quote(configuration.benchmark()) + "$)")
                .forks(1);
        if (options.getResult().hasValue() || options.getResultFormat().hasValue()) {
            // Inherited, the user's result file would be overwritten by every fork.
            one.resultFormat(ResultFormatType.JSON).result(scratch.toString());
        }
        if (iterations != null) {
            one.measurementIterations(iterations);
        }
        configuration.params().forEach(one::param);
        // A configuration's heap and collector are its JVM's own flags, after the user's.
        List<String> memory = JvmMemory.of(configuration.params().get("heap"), configuration.params().get("gc"))
                .benchmarkJvmFlags();
        if (!memory.isEmpty()) {
            List<String> append = new ArrayList<>(options.getJvmArgsAppend().orElse(List.of()));
            append.addAll(memory);
            one.jvmArgsAppend(append.toArray(String[]::new));
        }
        Options built = one.build();
        Collection<RunResult> results = new Runner(built, OutputFormatFactory.createFormatInstance(console.jmh(),
                built.verbosity().orElse(VerboseMode.NORMAL))).run();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(json, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, stream).writeOut(results);
        }
        return ResultDocument.parse(json.toString(StandardCharsets.UTF_8));
    }

    /** What each configuration reached, as a run's metadata keeps it. */
    private List<Precision.Reached> reached(Map<Configuration, Status> statuses, Plan plan) {
        List<Precision.Reached> reached = new ArrayList<>();
        statuses.forEach((configuration, status) -> {
            boolean met = (!target.verdict() || status.decision() == Report.Decision.FASTEST
                    || status.decision().decided())
                    && (target.percent() == null || status.reached(target.percent()));
            reached.add(new Precision.Reached(configuration.label(), status.forks(),
                    Double.isNaN(status.halfWidthPercent()) ? null : status.halfWidthPercent(),
                    target.adaptive() && met, plan == null ? null : plan.stages().get(configuration).name(),
                    plan == null ? null : plan.totals().get(configuration) - target.minRounds()));
        });
        return List.copyOf(reached);
    }

    /** Measured iterations per fork of these forks (the median fork's). */
    private static int measured(Collection<Replicates> forks) {
        List<Integer> counts = new ArrayList<>();
        forks.forEach(r -> {
            for (int n : r.iterations()) {
                counts.add(n);
            }
        });
        counts.sort(null);
        return counts.isEmpty() ? 1 : counts.get(counts.size() / 2);
    }

    /**
     * What a fork and an iteration cost: the fork's wall time as measured here, and an iteration as the longer of
     * the measurement time asked for and one operation.
     */
    private Map<Configuration, Plan.Cost> costs(Map<Configuration, List<Double>> forkSeconds,
                                                Map<Configuration, Status> statuses) {
        Map<Configuration, Plan.Cost> costs = new LinkedHashMap<>();
        statuses.forEach((configuration, status) -> {
            List<Double> seconds = forkSeconds.getOrDefault(configuration, List.of());
            double fork = seconds.isEmpty() ? 2.0 : seconds.stream().mapToDouble(Double::doubleValue).average()
                    .orElseThrow();
            double iteration = iterationSeconds.getOrDefault(configuration.benchmark(), 1.0);
            costs.put(configuration, new Plan.Cost(fork, Math.max(iteration, status.replicates().mean() / 1e9)));
        });
        return costs;
    }
}
