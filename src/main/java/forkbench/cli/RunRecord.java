package forkbench.cli;

import forkbench.configuration.ConfigurationKey;
import forkbench.io.Leftovers;
import forkbench.report.Reporter;
import forkbench.report.export.ReportFiles;
import forkbench.report.input.InputException;
import forkbench.report.input.JmhResults;
import forkbench.interleave.Plan;
import forkbench.interleave.ResultDocument;
import forkbench.interleave.RoundsRun;
import forkbench.interleave.Target;
import forkbench.record.Interleaving;
import forkbench.record.Precision;
import forkbench.record.RunMetadata;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark run keeps besides JMH's console output. A plain run (no {@code -rf}, no {@code -rff}) gets a new
 * folder under {@code results/} with JMH's JSON, the run's metadata and a full report, and ends by printing the
 * speedup table. A run that names its own JSON result file gets the metadata written beside that file. A run in
 * rounds writes its result (where JMH's own would have gone) and metadata after every round.
 */
final class RunRecord {

    static final String RESULTS = "results";
    static final String RESULT_FILE = "result.json";

    private final Path folder;
    private final Path resultFile;
    private final Path jsonResult;
    private final boolean resumed;
    private final List<List<String>> earlierOrder;
    private RunMetadata started;

    private RunRecord(Path folder, ResultFormatType format, Path resultFile, RunMetadata started, boolean resumed) {
        this.folder = folder;
        this.resultFile = resultFile;
        this.jsonResult = format == ResultFormatType.JSON ? resultFile : null;
        this.started = started;
        this.resumed = resumed;
        this.earlierOrder = started.interleaving() == null ? List.of() : started.interleaving().order();
    }

    /**
     * @param arguments the command line as given, kept in the metadata so that {@code --resume} can continue it
     */
    static RunRecord plan(CommandLineOptions cli, List<String> arguments) throws IOException {
        RunMetadata started = RunMetadata.capture().withArguments(arguments);
        if (!cli.getResult().hasValue() && !cli.getResultFormat().hasValue()) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
            String host = started.hostname().replaceAll("[^A-Za-z0-9._-]", "_");
            if (!Files.exists(Path.of(RESULTS))) {
                // Made for this run: a run stopped before its first result leaves no empty results/ either.
                Leftovers.removeIfEmptyAtExit(Path.of(RESULTS));
            }
            Path folder = Leftovers.removeIfEmptyAtExit(ReportFiles.claimFolder(Path.of(RESULTS,
                    "run-" + stamp + "-" + host)));
            Path result = Leftovers.removeIfEmptyAtExit(folder.resolve(RESULT_FILE));
            return new RunRecord(folder, ResultFormatType.JSON, result, started, false);
        }
        ResultFormatType format = cli.getResultFormat().orElse(Defaults.RESULT_FORMAT);
        Path file = Path.of(cli.getResult().orElse(Defaults.RESULT_FILE_PREFIX + "."
                + format.toString().toLowerCase(Locale.ROOT)));
        if (!Files.exists(file)) {
            // JMH creates its result file when the run starts and fills it at the end: interrupted, it stays empty.
            Leftovers.removeIfEmptyAtExit(file);
        }
        return new RunRecord(null, format, file, started, false);
    }

    /**
     * The run kept in {@code place} (a run folder holding result.json, or a result file), to be continued: only a
     * run in rounds, on the machine and JDK it started on (more rounds elsewhere would pool forks that are not
     * comparable, and a different core count would change the workers sweep under it).
     */
    static RunRecord resume(Path place) throws UsageException {
        Path file = resultFileIn(place);
        RunMetadata metadata = metadataOf(file);
        if (metadata.interleaving() == null) {
            throw new UsageException("--resume " + place + ": that run was made JMH's own way (-f), not in rounds, "
                    + "so there is nothing to resume; start a new run instead");
        }
        String differs = metadata.sameMachineAs(RunMetadata.capture());
        if (differs != null) {
            throw new UsageException("--resume " + place + ": " + differs + "; more rounds here would not be "
                    + "comparable with the earlier ones: resume it where it started, or start a new run");
        }
        List<String> missing = missingFromClassPath(metadata.classPath());
        if (!missing.isEmpty()) {
            throw new UsageException("--resume " + place + ": the run had " + String.join(", ", missing) + " on its "
                    + "class path (a kernel of your own?) and this JVM has not; resume it with scripts/bench --resume "
                    + place + ", which puts it back");
        }
        Path folder = Files.isDirectory(place) ? place : null;
        return new RunRecord(folder, ResultFormatType.JSON, file, metadata, true);
    }

    /** The entries of a run's class path this JVM lacks, told apart by file name (the same jar may have moved). */
    private static List<String> missingFromClassPath(List<String> recorded) {
        List<String> here = java.util.Arrays.stream(System.getProperty("java.class.path")
                .split(java.io.File.pathSeparator)).filter(entry -> !entry.isEmpty())
                .map(entry -> String.valueOf(Path.of(entry).getFileName())).toList();
        return recorded.stream().filter(entry -> !here.contains(String.valueOf(Path.of(entry).getFileName())))
                .toList();
    }

    /** The rounds a resumed run already has, checked as {@code report} checks its input. */
    ResultDocument earlierRounds() throws UsageException {
        try {
            JmhResults.read(resultFile, ConfigurationKey.WORKERS, started.hostname());
            return ResultDocument.read(resultFile);
        } catch (InputException e) {
            throw new UsageException("--resume: " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("--resume: " + resultFile + ": " + IoErrors.describe(e));
        }
    }

    /** The command line the run kept in {@code place} was started with. */
    static List<String> startedWith(Path place) throws UsageException {
        Path file = resultFileIn(place);
        List<String> arguments = metadataOf(file).arguments();
        if (arguments.isEmpty()) {
            throw new UsageException(RunMetadata.fileFor(file) + " does not record the command line the run was "
                    + "started with (made by an older forkbench): it cannot be resumed");
        }
        return arguments;
    }

    private static Path resultFileIn(Path place) throws UsageException {
        Path file = Files.isDirectory(place) ? place.resolve(RESULT_FILE) : place;
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--resume " + place + ": no " + (Files.isDirectory(place) ? RESULT_FILE + " in it"
                    : "such result file"));
        }
        return file;
    }

    private static RunMetadata metadataOf(Path file) throws UsageException {
        try {
            RunMetadata metadata = RunMetadata.readFor(file);
            if (metadata == null) {
                throw new UsageException("--resume: no " + RunMetadata.fileFor(file).getFileName() + " beside " + file
                        + ": nothing says how the run was started");
            }
            return metadata;
        } catch (IOException e) {
            throw new UsageException("--resume: " + RunMetadata.fileFor(file) + " is unreadable ("
                    + IoErrors.describe(e) + ")");
        }
    }

    Path resultFile() {
        return resultFile;
    }

    /**
     * The measured iterations per fork the plan of the run being resumed chose; empty for a new run and for one
     * interrupted before its plan.
     */
    java.util.OptionalInt planIterations() {
        Precision precision = resumed ? started.precision() : null;
        return precision == null || precision.plan() == null || precision.iterations() == null
                ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(precision.iterations());
    }

    /** Where a quiet run keeps JMH's own output: jmh.log in the run's folder, else NAME.jmh.log beside NAME.json. */
    Path jmhLog() {
        String name = resultFile.getFileName().toString();
        return folder != null ? folder.resolve("jmh.log")
                : resultFile.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name)
                        + ".jmh.log");
    }

    /** The seed a resumed run was started with, so that its rounds go on in the same sequence; else {@code fallback}. */
    long seed(long fallback) {
        return resumed && started.interleaving() != null ? started.interleaving().seed() : fallback;
    }

    Options apply(ChainedOptionsBuilder options) {
        if (folder != null) {
            options.resultFormat(ResultFormatType.JSON).result(jsonResult.toString());
        }
        return options.build();
    }

    /**
     * After each round: the result so far and its metadata, each written whole, so that an interrupted run keeps
     * every finished round in a file that {@code report} reads and {@code --resume} continues.
     */
    void saveRound(ResultDocument combined, RoundsRun.Progress progress, Target target, long seed)
            throws IOException {
        List<List<String>> order = new ArrayList<>(earlierOrder);
        order.addAll(progress.order());
        RunMetadata now = started.withInterleaving(new Interleaving(progress.rounds(), seed, order));
        if (target.adaptive()) {
            now = now.withPrecision(new Precision(target.percent(), target.maxTime() == null ? null
                    : Plan.minutes(target.maxTime()), target.minRounds(), target.maxRounds(),
                    progress.plan() == null ? null : progress.plan().describe(), progress.iterations(),
                    progress.stopped(), progress.reached(), target.verdict(),
                    target.verdict() ? 100 * target.margin() : null, target.minRounds()));
        }
        started = now;
        ReportFiles.writeAtomically(resultFile, combined.toJson());
        ReportFiles.writeAtomically(RunMetadata.fileFor(resultFile), now.finished().toJson());
    }

    /** A run that failed leaves no empty result file and no empty results folder behind. */
    void abandon() {
        List<Path> empty = new ArrayList<>(List.of(resultFile));
        if (folder != null) {
            empty.add(folder);
        }
        Leftovers.removeEmpty(empty);
    }

    /**
     * After the run: metadata beside the JSON; for a plain run the report; and for a plain run or a run in rounds
     * (which has no JMH summary of its own) the speedup table.
     */
    void finish(PrintStream out, PrintStream err, boolean inRounds) throws IOException {
        if (jsonResult == null || !Files.isRegularFile(jsonResult)) {
            return;
        }
        ReportFiles.writeAtomically(RunMetadata.fileFor(jsonResult), started.finished().toJson());
        if (folder == null && !inRounds) {
            return;
        }
        ReportOptions options = ReportOptions.defaults();
        List<String> arguments = List.of();
        Precision precision = started.precision();
        if (precision != null && precision.marginPercent() != null) {
            // The answer judges equivalence with the margin the run measured toward, and report --again keeps it.
            options = new ReportOptions(options.baseline(), options.sizeParam(), options.cores(),
                    options.confidence(), precision.marginPercent() / 100);
            arguments = List.of("--margin", String.valueOf(precision.marginPercent()));
        }
        try {
            Report report = Reporter.build(List.of(jsonResult), ConfigurationKey.WORKERS, options);
            String where = "";
            if (folder != null) {
                Path reportFolder = folder.resolve("report");
                Reporter.write(reportFolder, report, options, List.of(jsonResult), arguments, resumed);
                where = " (report.md, .csv, .json, .html in " + reportFolder + ")";
            }
            out.println();
            out.println("# forkbench: the answer, intervals over fork means" + where);
            out.println();
            out.print(Reporter.headline(report, options));
        } catch (InputException e) {
            err.println("forkbench: the results are in " + jsonResult + ", but no report could be made: "
                    + e.getMessage());
        }
    }
}
