package forkbench.cli;

import forkbench.interleave.Configuration;
import forkbench.io.IoErrors;
import forkbench.io.Leftovers;
import forkbench.interleave.Configurations;
import forkbench.interleave.InterleavedRun;
import forkbench.interleave.RoundPlan;
import forkbench.report.metadata.Interleaving;
import forkbench.strategy.Params;
import forkbench.workload.Kernels;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.ProfilersFailedException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code java -jar benchmarks.jar [JMH options]}: JMH's own command line, option for option, with forkbench's
 * additions: parameter values and names are checked before anything runs; with no benchmark named, the comparison
 * runs; a {@code workers} sweep is fitted to this machine when {@code -p workers} is absent; a benchmark that throws
 * (a wrong sum included) stops the run unless {@code -foe false} says otherwise; the results are kept with the
 * run's metadata (see {@link RunRecord}); and {@code --interleave ROUNDS} runs the configurations in shuffled
 * rounds (see {@link InterleaveOption}).
 */
final class BenchmarkCommand {

    /** What a run with no benchmark named measures: the comparison and its JVM start-up yardstick. */
    static final String DEFAULT_INCLUDE = "StrategyBenchmark|JvmStartBaseline";

    private final PrintStream out;
    private final PrintStream err;

    BenchmarkCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] allArgs) {
        InterleaveOption interleave;
        CommandLineOptions cli;
        String[] args;
        try {
            interleave = InterleaveOption.extract(allArgs);
            args = interleave.jmhArgs();
            cli = new CommandLineOptions(args);
        } catch (UsageException e) {
            return fail(e.getMessage(), ExitCode.BAD_INPUT);
        } catch (CommandLineOptionException | IllegalArgumentException | IllegalStateException e) {
            // JMH reports some bad values (-bm nonsense) as unchecked exceptions rather than option errors.
            return fail(e.getMessage() + " (-h lists the options)", ExitCode.BAD_INPUT);
        }
        try {
            if (cli.shouldHelp()) {
                cli.showHelp();
                out.print(InterleaveOption.HELP);
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
            checkParameters(args, cli);
            if (interleave.interleaved() && cli.getForkCount().hasValue()) {
                throw new UsageException(InterleaveOption.ROUNDS + " runs one fork per configuration per round, so "
                        + "the rounds are the forks: leave out -f");
            }
            RunRecord record = RunRecord.plan(cli);
            try {
                if (interleave.interleaved()) {
                    runInterleaved(withForkbenchDefaults(cli).build(), interleave, record);
                } else {
                    new Runner(record.apply(withForkbenchDefaults(cli))).run();
                }
            } catch (RunnerException | IOException | UsageException | RuntimeException e) {
                record.abandon();
                throw e;
            }
            record.finish(out, err);
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
            return fail("the run stopped: " + rootMessage(e), ExitCode.FAILED);
        } catch (IOException e) {
            return fail(IoErrors.describe(e), ExitCode.FAILED);
        } catch (Exception e) {
            return fail(Subcommands.describe(e), ExitCode.FAILED);
        }
    }

    /** Fails on a value or a parameter name that would otherwise surface as a stack trace inside a fork. */
    private static void checkParameters(String[] args, CommandLineOptions cli) throws UsageException {
        TreeSet<String> known = knownParameters(cli);
        for (String name : parameterNames(args)) {
            if (!known.contains(name)) {
                throw new UsageException("unknown parameter -p " + name + "; the selected benchmarks take " + known);
            }
        }
        check(cli, "n", Params::parseN);
        check(cli, "workers", Params::parseWorkers);
        // Loads each named kernel here, so a typo or a class missing from the class path is one line, not a fork's
        // stack trace; the children load it the same way.
        check(cli, "kernel", Kernels::byName);
    }

    private static void check(CommandLineOptions cli, String name, Consumer<String> parser) throws UsageException {
        if (!cli.getParameter(name).hasValue()) {
            return;
        }
        for (String value : cli.getParameter(name).get()) {
            try {
                parser.accept(value);
            } catch (IllegalArgumentException e) {
                throw new UsageException("-p " + name + "=" + value + ": " + e.getMessage());
            }
        }
    }

    /** The names given with {@code -p name=values}; JMH's parser keeps values by name but cannot list the names. */
    private static List<String> parameterNames(String[] args) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-p")) {
                String assignment = args[i + 1];
                int equals = assignment.indexOf('=');
                names.add(equals < 0 ? assignment : assignment.substring(0, equals));
            }
        }
        return names;
    }

    /**
     * Every selected configuration once per round, each round in a new random order, merged into one result with
     * a fork per round; JMH's own summary of the merged result ends the output.
     */
    private void runInterleaved(Options options, InterleaveOption interleave, RunRecord record)
            throws RunnerException, IOException, UsageException {
        List<Configuration> configurations = Configurations.expand(
                selected(options.getIncludes(), options.getExcludes()), options);
        RoundPlan plan = RoundPlan.shuffled(configurations, interleave.rounds(), interleave.seed());
        out.println("# forkbench: interleaving " + configurations.size() + " configurations in "
                + interleave.rounds() + " rounds (" + InterleaveOption.SEED + " " + plan.seed() + " repeats the order)");
        // JMH announces each round's own result file; the name says it is not the one to keep.
        Path scratch = Leftovers.track(Files.createTempFile("forkbench-one-round-only-", ".result"));
        List<RunResult> merged;
        try {
            merged = InterleavedRun.run(options, plan, scratch, out);
        } finally {
            Leftovers.delete(scratch);
        }
        Path kept = record.keepInterleaved(merged, new Interleaving(interleave.rounds(), plan.seed(), plan.labels()));
        out.println();
        out.println("# forkbench: the " + interleave.rounds() + " rounds merged, one fork per round, into " + kept);
        ResultFormatFactory.getInstance(ResultFormatType.TEXT, out).writeOut(merged);
    }

    private static Collection<BenchmarkListEntry> selected(List<String> includes, List<String> excludes)
            throws UsageException {
        Collection<BenchmarkListEntry> entries = BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                includes.isEmpty() ? List.of(DEFAULT_INCLUDE) : includes, excludes);
        if (entries.isEmpty()) {
            throw new UsageException("no benchmark matches " + String.join(" ", includes) + "; -l lists them");
        }
        return entries;
    }

    private static TreeSet<String> knownParameters(CommandLineOptions cli) throws UsageException {
        TreeSet<String> known = new TreeSet<>();
        Collection<BenchmarkListEntry> entries = selected(cli.getIncludes(), cli.getExcludes());
        for (BenchmarkListEntry entry : entries) {
            if (entry.getParams().hasValue()) {
                known.addAll(entry.getParams().get().keySet());
            }
        }
        return known;
    }

    private ChainedOptionsBuilder withForkbenchDefaults(CommandLineOptions cli) {
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            out.println("# forkbench: running the strategy comparison (" + DEFAULT_INCLUDE + "); name a benchmark, "
                    + "e.g. ReportBenchmark, to run another");
            options.include(DEFAULT_INCLUDE);
        }
        if (!cli.getParameter("workers").hasValue()) {
            int processors = Runtime.getRuntime().availableProcessors();
            List<String> sweep = WorkerSweep.forProcessors(processors);
            out.println("# forkbench: workers sweep " + String.join(",", sweep) + " (" + processors
                    + " available processors); choose with -p workers=...");
            options.param("workers", sweep.toArray(String[]::new));
        }
        if (!cli.shouldFailOnError().hasValue()) {
            options.shouldFailOnError(true);
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
