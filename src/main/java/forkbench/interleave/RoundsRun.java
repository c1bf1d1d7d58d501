package forkbench.interleave;

import forkbench.record.Precision;
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
import java.util.regex.Pattern;

/**
 * Runs configurations in shuffled rounds, one fork each per round, each fork its own JMH run with every other option
 * as the user gave it. After every round the forks so far are one JMH result (see {@link ResultDocument}), handed to
 * a {@link Listener} that saves it: an interrupted run keeps every finished round, and {@code --resume} continues
 * from that file. With a precision {@link Target}, rounds go on until every configuration's fork-level half-width is
 * within the target (a converged configuration is no longer measured), or the time budget ends; after the pilot
 * rounds a {@link Plan} chooses the iterations per fork for the rest.
 */
public final class RoundsRun {

    /** Told after every round; saving the result there is what makes an interrupted run keep its rounds. */
    public interface Listener {
        void roundDone(ResultDocument combined, Progress progress) throws IOException;
    }

    /**
     * @param rounds     rounds run so far, resumed ones included
     * @param reached    every configuration's forks, the half-width it reached and whether it converged
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
        long began = System.nanoTime();
        ResultDocument combined = start;
        // Each configuration goes on from the forks it has: one missing from a resumed file starts at its first.
        Map<Configuration, Integer> forks = new LinkedHashMap<>(start.forks());
        int rounds = RoundPlan.completeRounds(configurations, forks);
        Map<Configuration, Status> statuses = combined.isEmpty() ? Map.of() : Status.of(combined, target);
        List<Configuration> active = new ArrayList<>(configurations);
        Map<Configuration, Status> resumed = statuses;
        active.removeIf(c -> resumed.containsKey(c) && resumed.get(c).converged());
        Map<Configuration, List<Double>> forkSeconds = new LinkedHashMap<>();
        List<List<String>> order = new ArrayList<>();
        Integer iterations = options.getMeasurementIterations().hasValue()
                ? options.getMeasurementIterations().get() : null;
        Plan plan = null;
        String stopped = null;
        while (stopped == null) {
            if (active.isEmpty()) {
                stopped = "every configuration converged";
                break;
            }
            if (rounds >= (target.adaptive() ? target.maxRounds() : target.minRounds())) {
                stopped = target.adaptive() ? "the maximum of " + target.maxRounds() + " rounds" : null;
                break;
            }
            List<Configuration> shuffled = RoundPlan.order(RoundPlan.due(active, forks, rounds), seed, rounds);
            ResultDocument round = ResultDocument.empty();
            List<String> ran = new ArrayList<>();
            boolean outOfTime = false;
            for (int i = 0; i < shuffled.size(); i++) {
                if (overBudget(began) && rounds >= target.minRounds()) {
                    outOfTime = true;
                    break;
                }
                Configuration configuration = shuffled.get(i);
                console.now("# forkbench: " + (target.adaptive() ? "round " + (rounds + 1)
                        : "interleaved round " + (rounds + 1) + "/" + target.minRounds()) + ", " + (i + 1) + "/"
                        + shuffled.size() + ": " + configuration.label());
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
                statuses = Status.of(combined, target);
            }
            if (outOfTime) {
                stopped = "the time budget of " + Plan.minutes(target.maxTime()) + " ran out";
            }
            if (!target.adaptive() && console.quiet() && !ran.isEmpty()) {
                console.line("# forkbench: round " + rounds + "/" + target.minRounds() + " done ("
                        + Plan.count(ran.size(), "fork") + "); elapsed "
                        + Plan.minutes(Duration.ofNanos(System.nanoTime() - began)));
            }
            if (target.adaptive() && stopped == null) {
                List<Status> open = active.stream().map(statuses::get).filter(s -> s != null && !s.converged())
                        .toList();
                if (rounds < target.minRounds()) {
                    console.line("# forkbench: round " + rounds + " of the " + target.minRounds() + " pilot rounds; "
                            + "elapsed " + Plan.minutes(Duration.ofNanos(System.nanoTime() - began)));
                } else if (plan == null || !open.isEmpty()) {
                    Plan now = Plan.of(target, open, costs(forkSeconds, statuses), measured(statuses), rounds);
                    if (plan == null) {
                        plan = now;
                        String from = rounds == target.minRounds() ? "the " + rounds + " pilot rounds"
                                : "the " + Plan.count(rounds, "round") + " so far";
                        console.line("# forkbench: plan from " + from + ": " + plan.describe());
                        iterations = plan.iterations();
                        if (target.planOnly()) {
                            stopped = "plan only";
                        }
                    }
                    progress(rounds, statuses, active, began, now);
                }
                Map<Configuration, Status> judged = statuses;
                List<Configuration> done = active.stream().filter(c -> judged.get(c) != null
                        && judged.get(c).converged()).toList();
                if (!done.isEmpty() && stopped == null) {
                    active.removeAll(done);
                    console.line("# forkbench: " + done.size() + " converged configuration" + (done.size() == 1 ? "" : "s")
                            + " no longer measured");
                }
            }
            if (stopped == null) {
                // Saved after every round; the last one is saved once, below, with why the run stopped.
                listener.roundDone(combined, new Progress(rounds, reached(statuses), plan, order, iterations, null));
            }
        }
        Progress last = new Progress(rounds, reached(statuses), plan, order, iterations,
                stopped == null ? "the " + Plan.count(rounds, "round") + " asked for" : stopped);
        listener.roundDone(combined, last);
        return last;
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

    /** One line after each round: converged / total, the worst, elapsed, and a forecast. */
    private void progress(int rounds, Map<Configuration, Status> statuses, List<Configuration> active, long began,
                          Plan forecast) {
        long converged = statuses.values().stream().filter(Status::converged).count();
        Status worst = statuses.values().stream().filter(s -> !Double.isNaN(s.halfWidthPercent()))
                .max(Comparator.comparingDouble(Status::halfWidthPercent)).orElse(null);
        console.line(String.format(Locale.ROOT, "# forkbench: round %d: %d/%d converged (±%s%%)%s; elapsed %s; "
                        + "%s%s", rounds, converged, statuses.size(), Plan.percent(target.percent()),
                worst == null ? "" : String.format(Locale.ROOT, "; worst ±%.1f%% %s", worst.halfWidthPercent(),
                        worst.configuration().label()),
                Plan.minutes(Duration.ofNanos(System.nanoTime() - began)), forecast.forecast(),
                active.size() < configurations.size() ? "; " + (configurations.size() - active.size())
                        + " converged earlier, no longer measured" : ""));
    }

    /** What each configuration reached, as a run's metadata keeps it. */
    private static List<Precision.Reached> reached(Map<Configuration, Status> statuses) {
        List<Precision.Reached> reached = new ArrayList<>();
        statuses.forEach((configuration, status) -> reached.add(new Precision.Reached(configuration.label(),
                status.forks(), Double.isNaN(status.halfWidthPercent()) ? null : status.halfWidthPercent(),
                status.converged())));
        return List.copyOf(reached);
    }

    /** Measured iterations per fork so far (the median fork's). */
    private static int measured(Map<Configuration, Status> statuses) {
        List<Integer> counts = new ArrayList<>();
        statuses.values().forEach(s -> {
            for (int n : s.replicates().iterations()) {
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
