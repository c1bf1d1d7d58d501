package forkbench.cli;

import forkbench.strategy.StrategyType;
import forkbench.configuration.ConfigurationKey;
import forkbench.io.OutputRefusedException;
import forkbench.report.RecordedInputs;
import forkbench.report.Reporter;
import forkbench.report.export.ReportFiles;
import forkbench.report.input.InputException;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code java -jar benchmarks.jar report FILE.json... [--out DIR]}: JMH results to tables, fits and charts. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class, usageHelpAutoWidth = true,
        exitCodeListHeading = ExitCode.HEADING, exitCodeList = {ExitCode.OK_HELP, ExitCode.FINDING_HELP,
                ExitCode.BAD_INPUT_HELP, ExitCode.FAILED_HELP},
        description = {"Turns JMH JSON results (-rf json) into an answer (the fastest strategy per job and what the "
                + "others cost), speedup-per-core tables, scaling fits and recommended worker counts: report.md, "
                + "report.html, report.json, report.csv, headline.md, csv/*.csv and charts/*.svg in the output folder. Prints the "
                + "answer.",
                "Works for forkbench's results and for any JMH scaling sweep (a worker parameter, or -t threads)."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE.json", description = "JMH JSON result files; runs from several "
            + "hosts are laid side by side")
    private List<Path> files = List.of();

    @Option(names = "--again", paramLabel = "DIR", description = "rebuild the report in DIR from the inputs and "
            + "options it records (DIR/inputs.json), replacing it: what scripts/regenerate does")
    private Path again;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: report/ beside the first "
            + "file, or report-2/, report-3/... if that one already holds a report)")
    private Path out;

    @Option(names = "--force", description = "replace an earlier report in --out DIR (a folder holding anything "
            + "else, or an input, is never replaced)")
    private boolean force;

    @Option(names = "--merge", description = "pool the forks of a configuration that appears in several results "
            + "(by default such a repeat is refused: pooled silently, it would narrow every interval)")
    private boolean merge;

    @Option(names = "--workers-param", paramLabel = "NAME", defaultValue = ConfigurationKey.WORKERS,
            description = "the @Param holding the worker count; results without it use JMH's thread count "
                    + "(default: ${DEFAULT-VALUE})")
    private String workerParam;

    @Option(names = "--baseline", paramLabel = "NAME", defaultValue = StrategyType.SEQUENTIAL_ID,
            description = "the benchmark method every other is compared with (default: ${DEFAULT-VALUE})")
    private String baseline;

    @Option(names = "--size-param", paramLabel = "NAME", defaultValue = "n",
            description = "the @Param holding the problem size, for break-even points (default: ${DEFAULT-VALUE})")
    private String sizeParam;

    @Option(names = "--cores", paramLabel = "N", description = "cores, for runs that recorded no metadata "
            + "(default: efficiency per worker)")
    private Double cores;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "confidence level of every interval (default: ${DEFAULT-VALUE})")
    private double confidence;

    @Option(names = "--margin", paramLabel = "PERCENT", defaultValue = "2",
            description = "two results count as equivalent only when shown within this of each other "
                    + "(default: ±${DEFAULT-VALUE}%%)")
    private double marginPercent;

    private final PrintStream out_;
    private final PrintStream err;

    private ReportCommand(PrintStream out, PrintStream err) {
        this.out_ = out;
        this.err = err;
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Subcommands.execute(new ReportCommand(out, err), "report", args, out, err);
    }

    @Override
    public Integer call() {
        if (again != null) {
            return again();
        }
        if (files.isEmpty()) {
            err.println("forkbench report: give the JMH JSON files to report on (FILE.json...), or --again DIR "
                    + "(report --help lists the options)");
            return ExitCode.BAD_INPUT;
        }
        ReportOptions options;
        try {
            options = new ReportOptions(baseline, sizeParam, cores, confidence, marginPercent / 100);
        } catch (IllegalArgumentException e) {
            err.println("forkbench report: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        Path folder = out != null ? out : ReportFiles.freeFolder(defaultFolder());
        List<Path> inputs = Reporter.inputsOf(files);
        try {
            // Before the work: a wrong --out is a one-line refusal, not a lost report at the end.
            ReportFiles.check(folder, Reporter.OUTPUT_NAMES, force, inputs);
            Report report = Reporter.build(files, workerParam, options, merge);
            Map<String, String> outputs = Reporter.write(folder, report, options, files, options(), force);
            out_.print(outputs.get("headline.md"));
            long charts = outputs.keySet().stream().filter(name -> name.startsWith("charts/")).count();
            long tables = outputs.keySet().stream().filter(name -> name.startsWith("csv/")).count();
            err.println("forkbench report: wrote report.md, report.html, report.json, report.csv, headline.md, " + tables
                    + " table" + (tables == 1 ? "" : "s") + " (csv/*.csv) and " + charts + " chart"
                    + (charts == 1 ? "" : "s") + " (charts/*.svg) to " + folder);
            return ExitCode.OK;
        } catch (InputException | OutputRefusedException e) {
            err.println("forkbench report: " + Subcommands.oneLine(e.getMessage()));
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println("forkbench report: cannot write the report: " + IoErrors.describe(e));
            return ExitCode.FAILED;
        }
    }

    /** This report's options as a command line, for inputs.json. */
    private List<String> options() {
        List<String> options = new ArrayList<>(List.of("--workers-param", workerParam, "--baseline", baseline,
                "--size-param", sizeParam, "--confidence", String.valueOf(confidence), "--margin",
                String.valueOf(marginPercent)));
        if (cores != null) {
            options.addAll(List.of("--cores", String.valueOf(cores)));
        }
        if (merge) {
            options.add("--merge");
        }
        return options;
    }

    /** The report in {@code again}, rebuilt from the inputs and options it records. */
    private int again() {
        if (!files.isEmpty() || out != null) {
            err.println("forkbench report: --again DIR rebuilds the report in DIR from what it records: give it "
                    + "alone");
            return ExitCode.BAD_INPUT;
        }
        if (!java.nio.file.Files.exists(again.resolve(RecordedInputs.FILE))
                && java.nio.file.Files.exists(again.resolve("report").resolve(RecordedInputs.FILE))) {
            // A run's folder: its report is one level down.
            again = again.resolve("report");
        }
        RecordedInputs recorded;
        try {
            recorded = RecordedInputs.readFrom(again);
        } catch (IOException e) {
            err.println("forkbench report: " + again.resolve(RecordedInputs.FILE) + " is unreadable: "
                    + IoErrors.describe(e));
            return ExitCode.BAD_INPUT;
        }
        if (recorded == null && java.nio.file.Files.isRegularFile(again.resolve(RunRecord.RESULT_FILE))) {
            err.println("forkbench report: " + again + " is a run's folder with no report in it yet: make one with "
                    + "report " + again.resolve(RunRecord.RESULT_FILE) + " --out " + again.resolve("report"));
            return ExitCode.BAD_INPUT;
        }
        if (recorded == null) {
            err.println("forkbench report: " + again + " records no inputs (" + RecordedInputs.FILE + "): made by an "
                    + "older forkbench; rebuild it once by hand with report FILE.json... --out " + again + " --force");
            return ExitCode.BAD_INPUT;
        }
        List<String> args = new ArrayList<>(recorded.arguments());
        recorded.files(again).forEach(file -> args.add(file.toString()));
        args.addAll(List.of("--out", again.toString(), "--force"));
        return run(args.toArray(String[]::new), out_, err);
    }

    private Path defaultFolder() {
        Path parent = files.get(0).toAbsolutePath().getParent();
        return parent.resolve("report");
    }
}
