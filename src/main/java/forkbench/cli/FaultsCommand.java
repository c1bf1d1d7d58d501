package forkbench.cli;

import forkbench.faults.FaultRun;
import forkbench.io.OutputRefusedException;
import forkbench.record.RunMetadata;
import forkbench.report.export.ReportFiles;
import forkbench.strategy.Params;
import forkbench.strategy.Strategies;
import forkbench.workload.Fault;
import forkbench.workload.FaultKernel;
import forkbench.workload.Kernels;
import forkbench.workload.Workers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code java -jar benchmarks.jar faults}: the blast radius of every strategy under every fault, each trial in a JVM
 * of its own; writes a folder with the section "When a worker fails" in every format and the raw trials.
 */
@Command(name = "faults", mixinStandardHelpOptions = true, versionProvider = Version.class, usageHelpAutoWidth = true,
        exitCodeListHeading = ExitCode.HEADING, exitCodeList = {ExitCode.OK_HELP, ExitCode.FINDING_HELP,
                ExitCode.BAD_INPUT_HELP, ExitCode.FAILED_HELP},
        description = {"Measures what a failing worker does to each strategy: a crash, an out-of-memory error, a hang "
                + "or an exception in one part of every K-th job, each strategy in a JVM of its own so that one "
                + "that dies is a finding. Writes report.md/html/json, csv/ and the raw trials.json to a new folder.",
                "Exits 1 when some strategy answered a job wrongly."})
final class FaultsCommand implements Callable<Integer> {

    @Option(names = "--strategies", split = ",", paramLabel = "ID",
            description = "strategies to put through the faults (default: every Java strategy)")
    private List<String> strategies = Strategies.IDS;

    @Option(names = "--faults", split = ",", paramLabel = "FAULT",
            description = "faults to inject: crash, oom, hang, throws (default: all)")
    private List<String> faults = Fault.ids();

    @Option(names = "--workers", defaultValue = "2", description = "workers of each strategy (default: ${DEFAULT-VALUE})")
    private int workers;

    @Option(names = "--kernel", defaultValue = "sum", description = "the normal work around the faults "
            + "(default: ${DEFAULT-VALUE})")
    private String kernel;

    @Option(names = "--n", defaultValue = "2e8", paramLabel = "N", description = "elements per job (default: "
            + "${DEFAULT-VALUE})")
    private String n;

    @Option(names = "--jobs", defaultValue = "30", description = "jobs per trial (default: ${DEFAULT-VALUE})")
    private int jobs;

    @Option(names = "--every", defaultValue = "10", paramLabel = "K",
            description = "a fault in one part of every K-th job (default: ${DEFAULT-VALUE})")
    private int every;

    @Option(names = "--forks", defaultValue = "5", description = "trials of each strategy and fault, in shuffled "
            + "rounds (default: ${DEFAULT-VALUE})")
    private int forks;

    @Option(names = "--timeout", defaultValue = "1000", paramLabel = "MS",
            description = "a child with no answer for this long is destroyed (default: ${DEFAULT-VALUE} ms)")
    private long timeoutMillis;

    @Option(names = "--heap", defaultValue = "512m", paramLabel = "SIZE",
            description = "-Xmx of every JVM: the one under test and each child (default: ${DEFAULT-VALUE})")
    private String heap;

    @Option(names = "--no-retry", description = "the process pool fails a dead child's job instead of retrying its part")
    private boolean noRetry;

    @Option(names = "--seed", defaultValue = "1", description = "places the faults and orders the rounds "
            + "(default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/faults-TIME-HOST)")
    private Path out;

    @Option(names = "--force", description = "replace an earlier fault run in --out DIR")
    private boolean force;

    @Option(names = "--again", paramLabel = "DIR", description = "make the report of an earlier fault run again "
            + "from the trials it recorded (DIR/trials.json), in place; runs nothing")
    private Path again;

    private final PrintStream stdout;
    private final PrintStream err;

    private FaultsCommand(PrintStream out, PrintStream err) {
        this.stdout = out;
        this.err = err;
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Subcommands.execute(new FaultsCommand(out, err), "faults", args, out, err);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (again != null) {
            return again();
        }
        FaultRun.Settings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            err.println("forkbench faults: " + Subcommands.oneLine(e.getMessage()));
            return ExitCode.BAD_INPUT;
        }
        // Named as the scripts name their run folders: UTC time, the host with anything unusual replaced.
        Path folder = out != null ? out : Path.of("results", "faults-" + LocalDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)) + "-"
                + RunMetadata.capture().hostname().replaceAll("[^A-Za-z0-9._-]", "_"));
        try {
            // Before the trials: twenty minutes of work must not end in "cannot write".
            ReportFiles.check(folder, FaultRun.OUTPUT_NAMES, force, List.of());
        } catch (OutputRefusedException e) {
            err.println("forkbench faults: " + Subcommands.oneLine(e.getMessage()));
            return ExitCode.BAD_INPUT;
        }
        err.printf(Locale.ROOT, "forkbench faults: %d rounds of %d trials (%d strategies, each without a fault and "
                        + "under %d), one line per trial%n", settings.forks(), settings.trialsPerRound(),
                settings.strategies().size(), settings.faults().size());
        FaultRun.Outputs outputs;
        try {
            outputs = FaultRun.measure(settings, err);
            ReportFiles.write(folder, outputs.files(), force, List.of(), FaultRun.OUTPUT_NAMES);
        } catch (OutputRefusedException e) {
            err.println("forkbench faults: " + Subcommands.oneLine(e.getMessage()));
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println("forkbench faults: " + IoErrors.describe(e));
            return ExitCode.FAILED;
        }
        stdout.print(outputs.markdown());
        err.println("forkbench faults: wrote " + folder);
        return outputs.markdown().contains(" WRONG") ? ExitCode.FINDING : ExitCode.OK;
    }

    /** Rebuilds an earlier run's outputs from its trials, replacing the folder's files whole. */
    private int again() {
        if (!java.nio.file.Files.isRegularFile(again.resolve("trials.json"))) {
            err.println("forkbench faults: " + again + " holds no trials.json: not a fault run's folder");
            return ExitCode.BAD_INPUT;
        }
        FaultRun.Outputs outputs;
        try {
            outputs = FaultRun.again(again);
        } catch (IOException e) {
            err.println("forkbench faults: cannot read " + again + ": " + Subcommands.oneLine(IoErrors.describe(e)));
            return ExitCode.BAD_INPUT;
        }
        try {
            ReportFiles.write(again, outputs.files(), true, List.of(), FaultRun.OUTPUT_NAMES);
        } catch (OutputRefusedException e) {
            err.println("forkbench faults: " + Subcommands.oneLine(e.getMessage()));
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println("forkbench faults: " + IoErrors.describe(e));
            return ExitCode.FAILED;
        }
        err.println("forkbench faults: made " + again + " again from its trials");
        return ExitCode.OK;
    }

    private FaultRun.Settings settings() {
        for (String id : strategies) {
            if (id.equals(Strategies.NODE_FORK)) {
                throw new IllegalArgumentException(Strategies.NODE_FORK + " runs the seed's own Node.js program, which cannot carry "
                        + "a fault; choose from " + Strategies.IDS);
            }
            if (!Strategies.IDS.contains(id)) {
                throw new IllegalArgumentException("unknown strategy '" + id + "'; known: " + Strategies.IDS);
            }
        }
        if (strategies.isEmpty() || strategies.stream().distinct().count() != strategies.size()) {
            throw new IllegalArgumentException("--strategies needs each strategy once, got " + strategies);
        }
        List<Fault> chosen = new ArrayList<>();
        for (String id : faults) {
            chosen.add(Fault.byId(id));
        }
        if (chosen.isEmpty() || chosen.stream().distinct().count() != chosen.size()) {
            throw new IllegalArgumentException("--faults needs each fault once, got " + faults);
        }
        if (workers < 1 || workers > Workers.MAX) {
            throw new IllegalArgumentException("--workers must be 1 to " + Workers.MAX + ", got " + workers);
        }
        if (Kernels.byName(kernel) instanceof FaultKernel) {
            throw new IllegalArgumentException("--kernel is the normal work the faults are put into, not a fault");
        }
        long size = Params.parseN(n);
        if (jobs < 1 || jobs > 100_000) {
            throw new IllegalArgumentException("--jobs must be 1 to 100000, got " + jobs);
        }
        if (every < 1 || every > jobs) {
            throw new IllegalArgumentException("--every must be 1 to --jobs (" + jobs + "), got " + every
                    + ": no job would meet a fault");
        }
        if (forks < 1 || forks > 1000) {
            throw new IllegalArgumentException("--forks must be 1 to 1000, got " + forks);
        }
        if (timeoutMillis < 100 || timeoutMillis > 3_600_000) {
            throw new IllegalArgumentException("--timeout must be 100 to 3600000 ms, got " + timeoutMillis);
        }
        if (!heap.matches("[1-9][0-9]{0,6}[kKmMgG]")) {
            throw new IllegalArgumentException("--heap takes a size such as 512m or 2g, got '" + heap + "'");
        }
        return new FaultRun.Settings(strategies, chosen, workers, kernel, size, jobs, every, forks, timeoutMillis,
                heap, !noRetry, seed);
    }
}
