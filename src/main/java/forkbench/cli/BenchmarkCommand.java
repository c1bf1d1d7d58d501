package forkbench.cli;

import forkbench.configuration.BenchmarkNames;
import forkbench.configuration.ConfigurationKey;
import forkbench.interleave.Configuration;
import forkbench.io.IoErrors;
import forkbench.io.Leftovers;
import forkbench.interleave.Configurations;
import forkbench.interleave.Plan;
import forkbench.interleave.ResultDocument;
import forkbench.interleave.RoundsRun;
import forkbench.interleave.Target;
import forkbench.report.input.InputException;
import forkbench.strategy.NodeFork;
import forkbench.process.JvmMemory;
import forkbench.strategy.Params;
import forkbench.strategy.Strategies;
import forkbench.workload.Kernels;
import forkbench.workload.data.DataJob;
import forkbench.workload.data.DataKernels;
import forkbench.workload.data.DataSetupException;
import forkbench.workload.data.Transport;
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
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

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
    /** The seed's own program, measured only where {@code node} is installed. */
    private static final String NODE_FORK_BENCHMARK = BenchmarkNames.NODE_FORK;
    private static final String DATA_BENCHMARK = BenchmarkNames.DATA;

    private final PrintStream out;
    private final PrintStream err;

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
            checkParameters(args, cli);
            if (rounds.rounds() && cli.getForkCount().hasValue()) {
                throw new UsageException("rounds run one fork per configuration per round, so the rounds are the "
                        + "forks: leave out -f (or leave out " + RoundsOption.ROUNDS + "/" + RoundsOption.PRECISION
                        + " to run JMH's own way)");
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
                    memoryOfOneRun(cli, options);
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
        check(cli, ConfigurationKey.WORKERS, Params::parseWorkers);
        // Loads each named kernel here, so a typo or a class missing from the class path is one line, not a fork's
        // stack trace; the children load it the same way.
        check(cli, "kernel", Kernels::byName);
        check(cli, "dataKernel", DataKernels::byName);
        check(cli, "transport", Transport::parse);
        check(cli, HEAP, heap -> JvmMemory.of(heap, null));
        check(cli, GC, gc -> JvmMemory.of(null, gc));
        checkMemory(cli);
        if (cli.getParameter("kernel").hasValue()
                && cli.getParameter("kernel").get().stream().anyMatch(kernel -> !isSum(kernel))
                && selected(cli.getIncludes(), cli.getExcludes()).stream().anyMatch(BenchmarkCommand::isNodeFork)) {
            throw new UsageException(Strategies.NODE_FORK + " runs the seed's summation only (kernel=sum): leave "
                    + NODE_FORK_BENCHMARK + " out of a run of other kernels");
        }
        checkDataRoom(cli);
    }

    /**
     * A data job must fit where its transport keeps it: checked here for each size, kernel, transport and heap asked
     * for, against the forks' own heap (their -Xmx, not this JVM's), so that a size past the heap or the shared
     * folder is one line, not a stack trace in every fork (which checks again).
     */
    private static void checkDataRoom(CommandLineOptions cli) throws UsageException {
        if (!cli.getParameter("n").hasValue() || selected(cli.getIncludes(), cli.getExcludes()).stream()
                .noneMatch(entry -> entry.getUsername().contains("." + DATA_BENCHMARK + "."))) {
            return;
        }
        Collection<String> transports = cli.getParameter("transport").hasValue()
                ? cli.getParameter("transport").get() : java.util.Arrays.stream(Transport.values())
                .map(Transport::id).toList();
        Collection<String> kernels = cli.getParameter("dataKernel").orElse(DataKernels.BUILT_IN);
        Collection<String> heaps = cli.getParameter(HEAP).orElse(List.of(JvmMemory.DEFAULT_VALUE));
        for (String n : cli.getParameter("n").get()) {
            for (String transport : transports) {
                for (String kernel : kernels) {
                    for (String heap : heaps) {
                        try {
                            DataJob.checkRoom(kernel, Params.parseN(n), Transport.parse(transport), forkHeap(cli,
                                    heap));
                        } catch (DataSetupException e) {
                            throw new UsageException("-p n=" + n + " with transport=" + transport + " and "
                                    + "dataKernel=" + kernel + ": " + e.getMessage());
                        }
                    }
                }
            }
        }
    }

    /**
     * The maximum heap of a fork: JMH starts it with -jvmArgsPrepend, then -jvmArgs (by default this JVM's own
     * flags), then -jvmArgsAppend, then a configuration's heap; without any -Xmx, the JVM's ergonomic default.
     */
    private static long forkHeap(CommandLineOptions cli, String heap) {
        List<String> own = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> flags = new ArrayList<>(cli.getJvmArgsPrepend().orElse(List.of()));
        flags.addAll(cli.getJvmArgs().orElse(own));
        flags.addAll(cli.getJvmArgsAppend().orElse(List.of()));
        flags.addAll(JvmMemory.of(heap, null).benchmarkJvmFlags());
        boolean sameAsThisJvm = !cli.getJvmArgs().hasValue() && own.stream().noneMatch(f -> f.startsWith("-Xmx"));
        long ergonomic = sameAsThisJvm ? Runtime.getRuntime().maxMemory()
                : ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / 4;
        return JvmMemory.maxHeap(flags, ergonomic);
    }

    /**
     * Every heap and collector asked for must run: a heap whose share per child is too small at the most workers
     * asked for, or a collector this JDK does not offer, is one line before any fork.
     */
    private static void checkMemory(CommandLineOptions cli) throws UsageException {
        Collection<String> heaps = cli.getParameter(HEAP).orElse(List.of(JvmMemory.DEFAULT_VALUE));
        Collection<String> collectors = cli.getParameter(GC).orElse(List.of(JvmMemory.DEFAULT_VALUE));
        // JMH's own Optional, which has no map.
        int workers = cli.getParameter(ConfigurationKey.WORKERS).hasValue() ? cli.getParameter(ConfigurationKey.WORKERS).get().stream()
                .mapToInt(Params::parseWorkers).max().orElse(1) : Runtime.getRuntime().availableProcessors();
        String java = cli.getJvm().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String heap : heaps) {
            for (String gc : collectors) {
                try {
                    JvmMemory.of(heap, gc).check(workers, java);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
        }
    }

    /**
     * Under JMH's own forks one run starts every fork with the same flags: a heap or a collector can apply to the
     * whole run, but several of them need rounds, which start each configuration's fork with its own.
     */
    private static void memoryOfOneRun(CommandLineOptions cli, ChainedOptionsBuilder options) throws UsageException {
        Collection<String> heaps = cli.getParameter(HEAP).orElse(List.of(JvmMemory.DEFAULT_VALUE));
        Collection<String> collectors = cli.getParameter(GC).orElse(List.of(JvmMemory.DEFAULT_VALUE));
        if (heaps.size() > 1 || collectors.size() > 1) {
            throw new UsageException("several values of -p " + HEAP + " or -p " + GC + " need rounds, which start "
                    + "each configuration's JVM with its own flags: leave out -f");
        }
        List<String> flags = JvmMemory.of(heaps.iterator().next(), collectors.iterator().next()).benchmarkJvmFlags();
        if (!flags.isEmpty()) {
            List<String> append = new ArrayList<>(cli.getJvmArgsAppend().orElse(List.of()));
            append.addAll(flags);
            options.jvmArgsAppend(append.toArray(String[]::new));
        }
    }

    private static boolean isSum(String kernel) {
        return Kernels.byName(kernel) instanceof forkbench.workload.Summation;
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
     * The selected configurations in shuffled rounds, one fork each per round, saved after every round; to a fixed
     * number of rounds, or until the precision target (see {@link RoundsRun}).
     */
    private void runRounds(Options options, RoundsOption rounds, RunRecord record, boolean resumed)
            throws RunnerException, IOException, UsageException, InputException {
        ResultDocument start = resumed ? record.earlierRounds() : ResultDocument.empty();
        Collection<BenchmarkListEntry> entries = selected(options.getIncludes(), options.getExcludes());
        List<Configuration> configurations = Configurations.expand(entries, options);
        Target target = rounds.target();
        long shuffle = record.seed(rounds.seed());
        String seed = RoundsOption.SEED + " " + shuffle + " repeats the order";
        out.println("# forkbench: " + (resumed ? "resuming " + record.resultFile() + ": " : "")
                + (target.adaptive()
                ? "rounds until every configuration is within ±" + Plan.percent(target.percent()) + "% (at least "
                        + Plan.count(target.minRounds(), "round") + ", at most " + target.maxRounds()
                        + (target.maxTime() == null ? "" : ", within " + Plan.minutes(target.maxTime())) + ") for "
                        + Plan.count(configurations.size(), "configuration") + " (" + seed + ")"
                : "interleaving " + Plan.count(configurations.size(), "configuration") + " in "
                        + Plan.count(target.minRounds(), "round") + " ("
                        + seed + ")"));
        // Each fork's own JMH run writes its JSON here; the name says it is not the file to keep.
        Path scratch = Leftovers.ownedTempFile(Path.of(System.getProperty("java.io.tmpdir")),
                "forkbench-one-round-only-", ".json");
        RoundsRun.Progress progress;
        try {
            progress = new RoundsRun(options, configurations, target, shuffle, scratch, out,
                    (combined, now) -> record.saveRound(combined, now, target, shuffle),
                    iterationSeconds(entries, options)).run(start);
        } finally {
            Leftovers.delete(scratch);
        }
        out.println();
        out.println("# forkbench: stopped after " + Plan.count(progress.rounds(), "round") + " (" + progress.stopped()
                + "); every round is in " + record.resultFile());
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

    private static boolean isNodeFork(BenchmarkListEntry entry) {
        return entry.getUsername().endsWith("." + NODE_FORK_BENCHMARK + "." + Strategies.NODE_FORK);
    }

    /** The parameters that set the memory of a job's JVMs ({@link JvmMemory}). */
    private static final String HEAP = "heap";
    private static final String GC = "gc";

    private ChainedOptionsBuilder withForkbenchDefaults(CommandLineOptions cli) throws UsageException {
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            out.println("# forkbench: running the strategy comparison (" + DEFAULT_INCLUDE + "); name a benchmark, "
                    + "e.g. ReportBenchmark, to run another");
            options.include(DEFAULT_INCLUDE);
        }
        if (!cli.getParameter(ConfigurationKey.WORKERS).hasValue() && knownParameters(cli).contains(ConfigurationKey.WORKERS)) {
            int processors = Runtime.getRuntime().availableProcessors();
            List<String> sweep = WorkerSweep.forProcessors(processors);
            out.println("# forkbench: workers sweep " + String.join(",", sweep) + " (" + processors
                    + " available processors); choose with -p workers=...");
            options.param(ConfigurationKey.WORKERS, sweep.toArray(String[]::new));
        }
        if (!cli.shouldFailOnError().hasValue()) {
            options.shouldFailOnError(true);
        }
        if (NodeFork.nodeExecutable().isEmpty()) {
            Collection<BenchmarkListEntry> entries = selected(cli.getIncludes(), cli.getExcludes());
            if (entries.stream().anyMatch(BenchmarkCommand::isNodeFork)) {
                if (entries.stream().allMatch(BenchmarkCommand::isNodeFork)) {
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
