package forkbench.cli;

import forkbench.io.Leftovers;
import forkbench.report.Reporter;
import forkbench.report.export.Markdown;
import forkbench.report.export.ReportFiles;
import forkbench.report.input.InputException;
import forkbench.report.metadata.Interleaving;
import forkbench.report.metadata.RunMetadata;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a benchmark run keeps besides JMH's console output. A plain run (no {@code -rf}, no {@code -rff}) gets a new
 * folder under {@code results/} with JMH's JSON, the run's metadata and a full report, and ends by printing the
 * speedup table. A run that names its own JSON result file gets the metadata written beside that file. An
 * interleaved run's merged result goes where JMH's own would have gone, in the format asked for.
 */
final class RunRecord {

    static final String RESULTS = "results";
    static final String RESULT_FILE = "result.json";

    private final Path folder;
    private final ResultFormatType format;
    private final Path resultFile;
    private final Path jsonResult;
    private RunMetadata started;

    private RunRecord(Path folder, ResultFormatType format, Path resultFile, RunMetadata started) {
        this.folder = folder;
        this.format = format;
        this.resultFile = resultFile;
        this.jsonResult = format == ResultFormatType.JSON ? resultFile : null;
        this.started = started;
    }

    static RunRecord plan(CommandLineOptions cli) throws IOException {
        RunMetadata started = RunMetadata.capture();
        if (!cli.getResult().hasValue() && !cli.getResultFormat().hasValue()) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
            String host = started.hostname().replaceAll("[^A-Za-z0-9._-]", "_");
            Path folder = ReportFiles.freeFolder(Path.of(RESULTS, "run-" + stamp + "-" + host));
            Files.createDirectories(Leftovers.removeIfEmptyAtExit(folder));
            Path result = Leftovers.removeIfEmptyAtExit(folder.resolve(RESULT_FILE));
            return new RunRecord(folder, ResultFormatType.JSON, result, started);
        }
        ResultFormatType format = cli.getResultFormat().orElse(Defaults.RESULT_FORMAT);
        Path file = Path.of(cli.getResult().orElse(Defaults.RESULT_FILE_PREFIX + "."
                + format.toString().toLowerCase(Locale.ROOT)));
        if (!Files.exists(file)) {
            // JMH creates its result file when the run starts and fills it at the end: interrupted, it stays empty.
            Leftovers.removeIfEmptyAtExit(file);
        }
        return new RunRecord(null, format, file, started);
    }

    Options apply(ChainedOptionsBuilder options) {
        if (folder != null) {
            options.resultFormat(ResultFormatType.JSON).result(jsonResult.toString());
        }
        return options.build();
    }

    /**
     * The merged result of an interleaved run, written whole or not at all; the order goes into the metadata.
     *
     * @return where it was written
     */
    Path keepInterleaved(List<RunResult> merged, Interleaving order) throws IOException {
        started = started.withInterleaving(order);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(format, stream).writeOut(merged);
        }
        ReportFiles.writeAtomically(resultFile, text.toString(StandardCharsets.UTF_8));
        return resultFile;
    }

    /** A run that failed leaves no empty result file and no empty results folder behind. */
    void abandon() {
        List<Path> empty = new ArrayList<>(List.of(resultFile));
        if (folder != null) {
            empty.add(folder);
        }
        Leftovers.removeEmpty(empty);
    }

    /** After the run: metadata beside the JSON, and for a plain run the report and its table. */
    void finish(PrintStream out, PrintStream err) throws IOException {
        if (jsonResult == null || !Files.isRegularFile(jsonResult)) {
            return;
        }
        ReportFiles.writeAtomically(RunMetadata.fileFor(jsonResult), started.finished().toJson());
        if (folder == null) {
            return;
        }
        ReportOptions options = ReportOptions.defaults();
        try {
            Report report = Reporter.build(List.of(jsonResult), "workers", options);
            Map<String, String> outputs = Reporter.render(report, options);
            Path reportFolder = folder.resolve("report");
            ReportFiles.write(reportFolder, outputs, false, List.of(jsonResult));
            out.println();
            out.println("# forkbench: speedup per core (report.md, .csv, .json, .html in " + reportFolder + ")");
            out.println();
            out.print(Markdown.speedupTable(report));
        } catch (InputException e) {
            err.println("forkbench: the results are in " + jsonResult + ", but no report could be made: "
                    + e.getMessage());
        }
    }
}
