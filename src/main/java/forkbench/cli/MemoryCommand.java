package forkbench.cli;

import forkbench.memory.MemoryFootprint;
import forkbench.report.export.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code java -jar benchmarks.jar memory [--out FILE]}: memory per worker on this machine. */
@Command(name = "memory", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
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
    public Integer call() throws Exception {
        int count = children == null ? Runtime.getRuntime().availableProcessors() : children;
        if (count < 1 || count > 64 || threads < 1 || threads > 100_000) {
            err.println("forkbench memory: --children must be 1 to 64 and --threads 1 to 100000");
            return 2;
        }
        if (file != null && Files.exists(file) && !force) {
            err.println("forkbench memory: " + file + " already exists; pass --force to replace it");
            return 1;
        }
        MemoryFootprint footprint;
        try {
            footprint = MemoryFootprint.measure(count, threads);
        } catch (IOException e) {
            err.println("forkbench memory: " + e.getMessage());
            return 1;
        }
        out.printf(Locale.ROOT, "child JVM after a job: %d KiB (median of %d; %d to %d)%n", footprint.childRssKiB(),
                footprint.children(), footprint.childRssKiBMin(), footprint.childRssKiBMax());
        out.printf(Locale.ROOT, "one more platform thread: %.1f KiB; one more virtual thread: %.2f KiB "
                + "(averaged over %d; a bare JVM: %d KiB)%n", footprint.platformThreadKiB(),
                footprint.virtualThreadKiB(), footprint.threads(), footprint.parentBaseKiB());
        if (file != null) {
            ReportFiles.writeAtomically(file, footprint.toJson());
            err.println("forkbench memory: wrote " + file);
        }
        return 0;
    }
}
