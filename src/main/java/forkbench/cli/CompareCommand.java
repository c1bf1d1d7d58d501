package forkbench.cli;

import forkbench.configuration.ConfigurationKey;
import forkbench.compare.Comparison;
import forkbench.io.OutputRefusedException;
import forkbench.record.RunMetadata;
import forkbench.report.export.HtmlWriter;
import forkbench.report.export.MarkdownWriter;
import forkbench.report.markup.Document;
import forkbench.report.export.ReportFiles;
import forkbench.report.input.Duplicates;
import forkbench.report.input.InputException;
import forkbench.report.input.JmhResults;
import forkbench.report.input.Measurement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code java -jar benchmarks.jar compare BASE.json NEW.json}: what changed, configuration by configuration. Exits
 * 1 when a change is significantly slower by more than {@code --threshold} percent, so it can gate a CI job.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Version.class, usageHelpAutoWidth = true,
        description = {"Compares two JMH JSON results configuration by configuration: the change in time per "
                + "operation with its confidence interval, as compare.md and compare.html.",
                "Exits 1 when some configuration is significantly slower by more than the threshold: a CI gate."},
        exitCodeListHeading = ExitCode.HEADING, exitCodeList = {ExitCode.OK_HELP, ExitCode.FINDING_HELP,
                ExitCode.BAD_INPUT_HELP, ExitCode.FAILED_HELP})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASE.json", description = "the reference run")
    private Path base;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "the run to judge")
    private Path fresh;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5",
            description = "a significant slowdown larger than this fails (default: ${DEFAULT-VALUE}%%)")
    private double threshold;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: compare/ beside NEW.json, "
            + "or compare-2/... if taken)")
    private Path out;

    @Option(names = "--force", description = "replace a comparison already in --out DIR")
    private boolean force;

    @Option(names = "--workers-param", paramLabel = "NAME", defaultValue = ConfigurationKey.WORKERS,
            description = "the @Param holding the worker count (default: ${DEFAULT-VALUE})")
    private String workerParam;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "confidence level of the intervals (default: ${DEFAULT-VALUE})")
    private double confidence;

    private static final List<String> OUTPUT_NAMES = List.of("compare.md", "compare.html");

    private final PrintStream stdout;
    private final PrintStream err;

    private CompareCommand(PrintStream out, PrintStream err) {
        this.stdout = out;
        this.err = err;
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Subcommands.execute(new CompareCommand(out, err), "compare", args, out, err);
    }

    /** Where the two runs were made on different machines (host, cores, JDK), what differs; else nothing. */
    private List<String> machines() throws InputException {
        RunMetadata before = metadata(base);
        RunMetadata after = metadata(fresh);
        String difference = before == null || after == null ? null : before.sameMachineAs(after);
        return difference == null ? List.of() : List.of("the base run was " + difference.replace("; this is",
                "; the new run on") + ": a change may be the machine's, not the code's");
    }

    private static RunMetadata metadata(Path run) throws InputException {
        try {
            return RunMetadata.readFor(run);
        } catch (IOException e) {
            throw new InputException(RunMetadata.fileFor(run), "unreadable run metadata ("
                    + IoErrors.describe(e) + ")");
        }
    }

    @Override
    public Integer call() {
        if (!(confidence > 0 && confidence < 1)) {
            err.println("forkbench compare: --confidence must be between 0 and 1, got " + confidence);
            return ExitCode.BAD_INPUT;
        }
        if (!(threshold >= 0 && threshold < 1e6)) {
            err.println("forkbench compare: --threshold must be a percentage from 0 to 1000000, got " + threshold);
            return ExitCode.BAD_INPUT;
        }
        Path folder = out != null ? out
                : ReportFiles.freeFolder(fresh.toAbsolutePath().getParent().resolve("compare"));
        List<Path> inputs = List.of(base, fresh);
        Comparison comparison;
        Map<String, String> outputs = new LinkedHashMap<>();
        try {
            ReportFiles.check(folder, OUTPUT_NAMES, force, inputs);
            if (Duplicates.sameFile(base, fresh)) {
                err.println("forkbench compare: " + base + " and " + fresh + " are one file: compare a run with "
                        + "another run");
                return ExitCode.BAD_INPUT;
            }
            List<Measurement> before = JmhResults.read(base, workerParam, "base");
            List<Measurement> after = JmhResults.read(fresh, workerParam, "new");
            Duplicates.refuse(before);
            Duplicates.refuse(after);
            List<Measurement> both = new java.util.ArrayList<>(before);
            both.addAll(after);
            Duplicates.refuseMixedModes(both, true);
            comparison = Comparison.of(before, after, confidence, threshold).withCautions(machines());
            if (comparison.changes().isEmpty()) {
                err.println("forkbench compare: " + base + " and " + fresh + " share no benchmark configuration");
                return ExitCode.BAD_INPUT;
            }
            Document document = comparison.document();
            outputs.put("compare.md", MarkdownWriter.write(document));
            outputs.put("compare.html", HtmlWriter.write(document, Map.of()));
            ReportFiles.write(folder, outputs, force, inputs, OUTPUT_NAMES);
        } catch (InputException | OutputRefusedException e) {
            err.println("forkbench compare: " + Subcommands.oneLine(e.getMessage()));
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println("forkbench compare: cannot write the comparison: " + IoErrors.describe(e));
            return ExitCode.FAILED;
        }
        comparison.cautions().forEach(caution -> err.println("forkbench compare: caution: " + caution));
        stdout.print(outputs.get("compare.md"));
        err.println("forkbench compare: wrote compare.md and compare.html to " + folder);
        return comparison.hasRegression() ? ExitCode.FINDING : ExitCode.OK;
    }
}
