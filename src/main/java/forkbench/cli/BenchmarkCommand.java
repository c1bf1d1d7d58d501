package forkbench.cli;

import forkbench.configuration.BenchmarkNames;
import forkbench.configuration.ConfigurationKey;
import forkbench.interleave.Configuration;
import forkbench.io.Leftovers;
import forkbench.interleave.Plan;
import forkbench.interleave.ResultDocument;
import forkbench.interleave.RoundsConsole;
import forkbench.interleave.RoundsRun;
import forkbench.interleave.Target;
import forkbench.report.input.InputException;
import forkbench.strategy.Strategies;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.ProfilersFailedException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar benchmarks.jar [JMH options]}: JMH's own command line, option for option, with forkbench's
 * additions: parameter values and names are checked before anything runs; with no benchmark named, the comparison
 * runs; a {@code workers} sweep is fitted to this machine when {@code -p workers} is absent; a benchmark that throws
 * (a wrong sum included) stops the run unless {@code -foe false} says otherwise; the results are kept with the
 * run's metadata (see {@link RunRecord}); and the configurations run in shuffled rounds, a fixed number or until a
 * precision target, unless {@code -f} asks for JMH's own way (see {@link RoundsOption}).
 */
final class BenchmarkCommand {

    /** What a run with no benchmark named measures: the comparison and its JVM start-up yardstick. */
    static final String DEFAULT_INCLUDE = BenchmarkNames.STRATEGY + "|" + BenchmarkNames.JVM_START;
    private static final String SIZE = "n";
    /** The plain run's job: 2·10⁸ numbers, CPU-bound and yet short enough for the answer in minutes. */
    static final List<String> DEFAULT_SIZES = List.of("200000000");
    private static final int DEFAULT_WARMUP = 3;
    private static final int DEFAULT_MEASURED = 2;
    private static final int DEFAULT_ITERATION_MS = 200;
    /** The seed's own program, measured only where {@code node} is installed. */
    static final String NODE_FORK_BENCHMARK = BenchmarkNames.NODE_FORK;
    static final String DATA_BENCHMARK = BenchmarkNames.DATA;

    private final PrintStream out;
    private final PrintStream err;
    /** Where a quiet run in rounds keeps JMH's output, once it has one: named when the run stops on an error. */
    private Path jmhLog;

    BenchmarkCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] given) {
        if (given.length == 1 && given[0].equals("--version")) {
            out.println(Version.line());
            return ExitCode.OK;
        }
        // JMH's own spelling is -h; the one every other command takes works too.
        String[] allArgs = java.util.Arrays.stream(given).map(arg -> arg.equals("--help") ? "-h" : arg)
                .toArray(String[]::new);
        RoundsOption rounds;
        CommandLineOptions cli;
        String[] args;
        String[] started = allArgs;
        try {
            rounds = RoundsOption.extract(allArgs);
            if (rounds.resume() != null) {
                // Refused before anything else when it cannot go on here; else it goes on with the options it was
                // started with, recorded in its metadata.
                RunRecord.resume(rounds.resume());
                started = RunRecord.startedWith(rounds.resume()).toArray(String[]::new);
                rounds = RoundsOption.extract(started);
            }
            args = rounds.jmhArgs();
            cli = new CommandLineOptions(args);
        } catch (UsageException e) {
            return fail(e.getMessage(), ExitCode.BAD_INPUT);
        } catch (CommandLineOptionException | IllegalArgumentException | IllegalStateException e) {
            // JMH reports some bad values (-bm nonsense) as unchecked exceptions rather than option errors.
            return fail(e.getMessage() + " (-h lists the options)", ExitCode.BAD_INPUT);
        }
        Path resume = RoundsOption.extractResume(allArgs);
        try {
            if (cli.shouldHelp()) {
                cli.showHelp();
                out.print(RoundsOption.HELP);
                return 0;
            }
            if (cli.shouldListProfilers()) {
                cli.listProfilers();
                return 0;
            }
            if (cli.shouldListResultFormats()) {
                cli.listResultFormats();
                return 0;
            }
            if (cli.shouldListWithParams()) {
                new Runner(cli).listWithParams(cli);
                return 0;
            }
            if (cli.shouldList()) {
                new Runner(cli).list();
                return 0;
            }
            ParameterChecks.checkParameters(args, cli);
            if (rounds.rounds() && cli.getForkCount().hasValue()) {
                throw new UsageException("rounds run one fork per configuration per round, so the rounds are the "
                        + "forks: leave out -f (or leave out " + RoundsOption.ROUNDS + "/" + RoundsOption.PRECISION + "/"
                        + RoundsOption.VERDICT + " to run JMH's own way)");
            }
            if (!rounds.given() && !cli.getForkCount().hasValue()) {
                rounds = rounds.withDefaultRounds();
            }
            if (rounds.rounds() && cli.getResultFormat().hasValue()
                    && cli.getResultFormat().get() != ResultFormatType.JSON) {
                throw new UsageException("a run in rounds keeps its result as JSON, saved after every round: use "
                        + "-rf json (or -f N for JMH's own way with -rf " + cli.getResultFormat().get() + ")");
            }
            RunRecord record = resume != null ? RunRecord.resume(resume) : RunRecord.plan(cli, List.of(started));
            try {
                if (rounds.rounds()) {
                    runRounds(withForkbenchDefaults(cli).build(), rounds, record, resume != null);
                } else {
                    ChainedOptionsBuilder options = withForkbenchDefaults(cli);
                    ParameterChecks.memoryOfOneRun(cli, options);
                    new Runner(record.apply(options)).run();
                }
            } catch (RunnerException | IOException | UsageException | InputException | RuntimeException e) {
                record.abandon();
                throw e;
            }
            record.finish(out, err, rounds.rounds());
            return ExitCode.OK;
        } catch (UsageException e) {
            return fail(e.getMessage(), ExitCode.BAD_INPUT);
        } catch (NoBenchmarksException e) {
            return fail("no benchmark matches " + String.join(" ", cli.getIncludes()) + "; -l lists them",
                    ExitCode.BAD_INPUT);
        } catch (ProfilersFailedException e) {
            return fail(e.getMessage(), ExitCode.BAD_INPUT);
        } catch (RunnerException e) {
            // The failing benchmark's own stack trace is already in the output above; summarise it in one line.
            return fail("the run stopped: " + rootMessage(e) + (jmhLog == null ? ""
                    : " (JMH's output of every fork, the failure's included: " + jmhLog + ")"), ExitCode.FAILED);
        } catch (IOException e) {
            return fail(IoErrors.describe(e), ExitCode.FAILED);
        } catch (Exception e) {
            return fail(Subcommands.describe(e), ExitCode.FAILED);
        }
    }

    /**
     * The selected configurations in shuffled rounds, one fork each per round, saved after every round; to a fixed
     * number of rounds, or until the precision target (see {@link RoundsRun}).
     */
    private void runRounds(Options options, RoundsOption rounds, RunRecord record, boolean resumed)
            throws RunnerException, IOException, UsageException, InputException {
        ResultDocument start = resumed ? record.earlierRounds() : ResultDocument.empty();
        Collection<BenchmarkListEntry> entries = ParameterChecks.selected(options.getIncludes(), options.getExcludes());
        List<Configuration> configurations = RoundsRun.configurations(entries, options);
        Target target = rounds.target();
        long shuffle = record.seed(rounds.seed());
        String seed = RoundsOption.SEED + " " + shuffle + " repeats the order";
        out.println("# forkbench: " + (resumed ? "resuming " + record.resultFile() + ": " : "")
                + (target.adaptive()
                ? "rounds to " + target.describe() + " (a pilot of " + Plan.count(target.minRounds(), "round")
                        + ", at most " + target.maxRounds()
                        + (target.maxTime() == null ? "" : ", within " + Plan.minutes(target.maxTime())) + ") for "
                        + Plan.count(configurations.size(), "configuration") + " (" + seed + ")"
                : "interleaving " + Plan.count(configurations.size(), "configuration") + " in "
                        + Plan.count(target.minRounds(), "round") + " ("
                        + seed + ")"));
        // Each fork's own JMH run writes its JSON here; the name says it is not the file to keep.
        Path scratch = Leftovers.ownedTempFile(Path.of(System.getProperty("java.io.tmpdir")),
                "forkbench-one-round-only-", ".json");
        RoundsRun.Progress progress;
        // Quiet unless -v asks for JMH's own output: that goes to a log beside the result, appended to on resume.
        boolean quiet = !options.verbosity().hasValue();
        Path log = record.jmhLog();
        try (PrintStream jmh = quiet ? new PrintStream(new java.io.FileOutputStream(log.toFile(), true), true,
                java.nio.charset.StandardCharsets.UTF_8) : null) {
            if (quiet) {
                jmhLog = log;
                out.println("# forkbench: JMH's output of every fork goes to " + log + " (-v NORMAL shows it here)");
            }
            RoundsConsole console = quiet ? new RoundsConsole(out, jmh, isTerminal()) : RoundsConsole.verbose(out);
            progress = new RoundsRun(options, configurations, target, shuffle, scratch, console,
                    (combined, now) -> record.saveRound(combined, now, target, shuffle),
                    iterationSeconds(entries, options)).run(start, record.planIterations());
        } finally {
            Leftovers.delete(scratch);
        }
        out.println();
        out.println("# forkbench: stopped after " + Plan.count(progress.rounds(), "round") + " (" + progress.stopped()
                + "); every round is in " + record.resultFile());
    }

    /** Whether standard output is a terminal, where a line can be rewritten in place. */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22 and later return a Console for redirected streams too, and say which it is.
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Each benchmark's measurement iteration time, as -r or its @Measurement sets it (JMH's 10 s otherwise). */
    private static Map<String, Double> iterationSeconds(Collection<BenchmarkListEntry> entries, Options options) {
        Map<String, Double> seconds = new java.util.HashMap<>();
        for (BenchmarkListEntry entry : entries) {
            TimeValue time = options.getMeasurementTime().hasValue() ? options.getMeasurementTime().get()
                    : entry.getMeasurementTime().orElse(TimeValue.seconds(10));
            seconds.put(entry.getUsername(), time.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0);
        }
        return seconds;
    }

    private ChainedOptionsBuilder withForkbenchDefaults(CommandLineOptions cli) throws UsageException {
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            out.println("# forkbench: running the strategy comparison (" + DEFAULT_INCLUDE + "); name a benchmark, "
                    + "e.g. " + BenchmarkNames.REPORT + ", to run another");
            options.include(DEFAULT_INCLUDE);
            if (!cli.getParameter(SIZE).hasValue()) {
                out.println("# forkbench: one job, n = " + String.join(", ", DEFAULT_SIZES) + " (CPU-bound, and short "
                        + "enough for minutes); choose with -p n=...");
                options.param(SIZE, DEFAULT_SIZES.toArray(String[]::new));
            }
            if (!cli.getWarmupIterations().hasValue() && !cli.getWarmupTime().hasValue()
                    && !cli.getMeasurementIterations().hasValue() && !cli.getMeasurementTime().hasValue()) {
                // Short forks, and many of them: forks differ more than iterations, and the answer should come in
                // minutes (docs/rounds.md measures what shorter iterations change).
                out.println("# forkbench: short forks: " + DEFAULT_WARMUP + " warm-up and " + DEFAULT_MEASURED
                        + " measured iterations of " + DEFAULT_ITERATION_MS + " ms (choose with -wi, -w, -i, -r)");
                TimeValue time = TimeValue.milliseconds(DEFAULT_ITERATION_MS);
                options.warmupIterations(DEFAULT_WARMUP).warmupTime(time).measurementIterations(DEFAULT_MEASURED)
                        .measurementTime(time);
            }
        }
        if (!cli.getParameter(ConfigurationKey.WORKERS).hasValue()
                && ParameterChecks.knownParameters(cli).contains(ConfigurationKey.WORKERS)) {
            int processors = Runtime.getRuntime().availableProcessors();
            List<String> sweep = WorkerSweep.forProcessors(processors);
            out.println("# forkbench: workers sweep " + String.join(",", sweep) + " (" + processors
                    + " available processors); choose with -p workers=...");
            options.param(ConfigurationKey.WORKERS, sweep.toArray(String[]::new));
        }
        if (!cli.shouldFailOnError().hasValue()) {
            options.shouldFailOnError(true);
        }
        if (Strategies.node().isEmpty()) {
            Collection<BenchmarkListEntry> entries = ParameterChecks.selected(cli.getIncludes(), cli.getExcludes());
            if (entries.stream().anyMatch(ParameterChecks::isNodeFork)) {
                if (entries.stream().allMatch(ParameterChecks::isNodeFork)) {
                    throw new UsageException(Strategies.NODE_FORK + " needs node (Node.js) on the PATH, and there "
                            + "is none");
                }
                out.println("# forkbench: node is not on the PATH: skipping " + Strategies.NODE_FORK
                        + " (the seed's Node.js program)");
                options.exclude(NODE_FORK_BENCHMARK);
            }
        }
        return options;
    }

    /** Reports a problem as exactly one line on stderr, whatever line breaks the message carries. */
    private int fail(String message, int status) {
        err.println("forkbench: " + Subcommands.oneLine(message));
        return status;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
