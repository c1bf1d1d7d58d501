package forkbench.cli;

import forkbench.memory.MemoryMeasurement;
import forkbench.record.MemoryFootprint;
import forkbench.report.export.ReportFiles;
import forkbench.workload.Workers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code java -jar benchmarks.jar memory [--out FILE]}: memory per worker on this machine. */
@Command(name = "memory", mixinStandardHelpOptions = true, versionProvider = Version.class, usageHelpAutoWidth = true,
        exitCodeListHeading = ExitCode.HEADING, exitCodeList = {ExitCode.OK_HELP, ExitCode.FINDING_HELP,
                ExitCode.BAD_INPUT_HELP, ExitCode.FAILED_HELP},
        description = {"Measures memory per worker on this machine: the resident memory of a child JVM after a job, "
                + "and what one more platform or virtual thread adds to a JVM. Save it beside a run's JSON as "
                + "NAME.memory.json and the report shows it next to the times. Linux only (/proc)."})
final class MemoryCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "write the figures as JSON to FILE")
    private Path file;

    @Option(names = "--force", description = "replace FILE if it exists")
    private boolean force;

    @Option(names = "--children", paramLabel = "N", description = "child JVMs to measure (default: the cores)")
    private Integer children;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2000",
            description = "threads of each kind to average over (default: ${DEFAULT-VALUE})")
    private int threads;

    private final PrintStream out;
    private final PrintStream err;

    private MemoryCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Subcommands.execute(new MemoryCommand(out, err), "memory", args, out, err);
    }

    @Override
    public Integer call() throws InterruptedException {
        int count = children == null ? Runtime.getRuntime().availableProcessors() : children;
        if (count < 1 || count > Workers.MAX || threads < 1 || threads > 100_000) {
            err.println("forkbench memory: --children must be 1 to " + Workers.MAX + " and --threads 1 to 100000");
            return ExitCode.BAD_INPUT;
        }
        if (file != null) {
            // Before measuring: a minute of work must not end in "cannot write".
            String refusal = refusal(file, force);
            if (refusal != null) {
                err.println("forkbench memory: " + refusal);
                return ExitCode.BAD_INPUT;
            }
        }
        MemoryFootprint footprint;
        try {
            footprint = MemoryMeasurement.measure(count, threads);
        } catch (IOException e) {
            err.println("forkbench memory: " + IoErrors.describe(e));
            return ExitCode.FAILED;
        }
        out.printf(Locale.ROOT, "child JVM after a job: %d KiB (median of %d; %d to %d)%n", footprint.childRssKiB(),
                footprint.children(), footprint.childRssKiBMin(), footprint.childRssKiBMax());
        out.printf(Locale.ROOT, "one more platform thread: %.1f KiB; one more virtual thread: %.2f KiB "
                + "(averaged over %d; a bare JVM: %d KiB)%n", footprint.platformThreadKiB(),
                footprint.virtualThreadKiB(), footprint.threads(), footprint.parentBaseKiB());
        if (file != null) {
            try {
                ReportFiles.writeAtomically(file, footprint.toJson());
            } catch (IOException e) {
                err.println("forkbench memory: cannot write " + file + ": " + IoErrors.describe(e));
                return ExitCode.FAILED;
            }
            err.println("forkbench memory: wrote " + file);
        }
        return ExitCode.OK;
    }

    /** Why {@code target} cannot take the figures, or {@code null} when it can. */
    static String refusal(Path target, boolean replace) {
        if (Files.isDirectory(target)) {
            return target + " is a folder; --out takes a file name such as result.memory.json";
        }
        if (Files.exists(target) && !replace) {
            return target + " already exists; pass --force to replace it";
        }
        Path parent = target.toAbsolutePath().getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent != null && (!Files.isDirectory(parent) || !Files.isWritable(parent))) {
            return "cannot write " + target + ": " + parent + (Files.isDirectory(parent) ? " is not writable"
                    : " is not a folder");
        }
        if (parent != null && Files.isDirectory(target.toAbsolutePath().getParent())) {
            // Permissions do not tell (root may write anywhere, /proc takes no new file): try, as the write will.
            try {
                Files.delete(Files.createTempFile(parent, ".forkbench-probe-", ".tmp"));
            } catch (IOException | UnsupportedOperationException e) {
                return "cannot write " + target + ": " + parent + " takes no new file"
                        + (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                        ? " (" + fs.getReason() + ")" : "");
            }
        }
        return null;
    }
}
