package forkbench.report;

import forkbench.record.MemoryFootprint;
import forkbench.report.chart.Charts;
import forkbench.report.export.CsvWriter;
import forkbench.report.export.HtmlWriter;
import forkbench.report.export.ReportData;
import forkbench.report.export.MarkdownWriter;
import forkbench.report.export.ReportFiles;
import forkbench.report.markup.Block;
import forkbench.report.markup.Document;
import forkbench.report.markup.Format;
import forkbench.report.view.ReportView;
import forkbench.report.input.Duplicates;
import forkbench.report.input.InputException;
import forkbench.report.input.JmhResults;
import forkbench.report.input.Measurement;
import forkbench.statistics.TwoStage;
import forkbench.configuration.ConfigurationKey;
import forkbench.record.RunMetadata;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** From JMH JSON files (and the metadata beside them) to a report and its four renderings. */
public final class Reporter {

    /** The host name of results whose run recorded no metadata. */
    public static final String UNRECORDED_HOST = "unrecorded";

    /** processes.md: the process pool against the thread pool alone, for a README; written only where both ran. */
    public static final String PROCESSES = "processes.md";

    /** What a report folder holds at its top level. */
    public static final List<String> OUTPUT_NAMES = List.of("report.md", "report.html", "report.json", "report.csv",
            "headline.md", PROCESSES, RecordedInputs.FILE, "csv", "charts");

    private Reporter() {
    }

    /**
     * Renders {@code report} and writes it whole into {@code folder} with the inputs.json that lets
     * {@code report --again} rebuild it: the one way every command (report, a plain run, a resumed one) writes one.
     *
     * @param arguments the report's options as a command line, for inputs.json
     * @param replace   whether an earlier report in {@code folder} may be replaced
     * @return every output written, by name
     */
    public static Map<String, String> write(Path folder, Report report, ReportOptions options, List<Path> files,
                                            List<String> arguments, boolean replace) throws IOException {
        Map<String, String> outputs = render(report, options);
        outputs.put(RecordedInputs.FILE, RecordedInputs.of(folder, files, arguments).toJson());
        ReportFiles.write(folder, outputs, replace, inputsOf(files), OUTPUT_NAMES);
        return outputs;
    }

    /** The files a report reads: each JMH result, and the metadata and memory figures beside it. */
    public static List<Path> inputsOf(List<Path> files) {
        List<Path> inputs = new ArrayList<>();
        for (Path file : files) {
            inputs.add(file);
            inputs.add(RunMetadata.fileFor(file));
            inputs.add(MemoryFootprint.fileFor(file));
        }
        return inputs;
    }

    public static Report build(List<Path> files, String workerParam, ReportOptions options) throws InputException {
        return build(files, workerParam, options, false);
    }

    /**
     * @param merge pool the forks of a configuration measured in several results; without it, such a repeat is
     *              refused, since pooling would narrow the intervals without anyone having asked for it
     */
    public static Report build(List<Path> files, String workerParam, ReportOptions options, boolean merge)
            throws InputException {
        Duplicates.refuseRepeatedFiles(files);
        List<Measurement> measurements = new ArrayList<>();
        List<Report.Run> runs = new ArrayList<>();
        Map<ConfigurationKey, ConfigurationKey> references = new LinkedHashMap<>();
        for (Path file : files) {
            RunMetadata metadata = beside(file, RunMetadata::readFor, RunMetadata.fileFor(file), "run metadata");
            MemoryFootprint memory = beside(file, MemoryFootprint::readFor, MemoryFootprint.fileFor(file),
                    "memory figures");
            String host = metadata == null || metadata.hostname() == null ? UNRECORDED_HOST : metadata.hostname();
            List<Measurement> read = JmhResults.read(file, workerParam, host);
            if (metadata != null && metadata.precision() != null && metadata.precision().twoStage()) {
                read = judgedForks(read, metadata.precision().pilotForks(), references);
            }
            measurements.addAll(read);
            List<Report.Warning> warnings = runWarnings(file, metadata);
            differingMachine(file, metadata, runs).ifPresent(warnings::add);
            runs.add(new Report.Run(file.toString(), host, metadata, memory, warnings));
        }
        if (!merge) {
            Duplicates.refuse(measurements);
        }
        Duplicates.refuseMixedModes(measurements, false);
        return Report.of(measurements, runs, options, references);
    }

    /**
     * A two-stage run's measurements as it is judged: each configuration by its forks after the pilot (or by its
     * pilot, where it got fewer than two more), and each job's reference, its fastest in the pilot, added to
     * {@code references} (see {@link TwoStage}).
     */
    private static List<Measurement> judgedForks(List<Measurement> measurements, int pilot,
                                                 Map<ConfigurationKey, ConfigurationKey> references) {
        List<Measurement> judged = new ArrayList<>();
        Map<ConfigurationKey, Double> fastest = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            int forks = m.forks().length;
            TwoStage.Forks kept = TwoStage.judged(forks, pilot);
            judged.add(m.forkRange(kept.from(), kept.to()));
            double pilotMean = java.util.Arrays.stream(m.forkRange(0, Math.min(pilot, forks)).forkMeans()).average()
                    .orElseThrow();
            ConfigurationKey job = ConfigurationKey.job(m.host(), m.params());
            if (!fastest.containsKey(job) || pilotMean < fastest.get(job)) {
                fastest.put(job, pilotMean);
                references.put(job, m.configuration());
            }
        }
        return judged;
    }

    /** How a file kept beside a result is read ({@code null} when there is none). */
    private interface BesideReader<T> {
        T read(Path result) throws IOException;
    }

    /** What {@code reader} reads beside {@code result}; an unreadable file is bad input naming {@code where}. */
    private static <T> T beside(Path result, BesideReader<T> reader, Path where, String what) throws InputException {
        try {
            return reader.read(result);
        } catch (IOException e) {
            throw new InputException(where, "unreadable " + what + " ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /**
     * Every output by file name, in the order they are written: report.md, report.html (charts inline),
     * report.json, report.csv (the data, unrounded), headline.md (the answer alone, for a README), each table as csv/ID.csv and each chart as
     * charts/NAME.svg. One after the other: rendering them side by side was slower on 2 cores, where the JIT
     * compiler threads need the second core while the code is cold.
     */
    public static Map<String, String> render(Report report, ReportOptions options) {
        Map<String, Double> cores = new LinkedHashMap<>();
        report.runs().forEach(run -> {
            if (run.metadata() != null) {
                cores.put(run.host(), run.metadata().usableCores());
            } else if (options.cores() != null) {
                cores.put(run.host(), options.cores());
            }
        });
        Map<String, String> charts = Charts.of(report, options.sizeParam(), cores);
        Document document = ReportView.of(report, options, List.copyOf(charts.keySet()));
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("report.md", MarkdownWriter.write(document));
        outputs.put("report.html", HtmlWriter.write(document, charts));
        outputs.put("report.json", ReportData.json(report));
        outputs.put("report.csv", ReportData.csv(report));
        outputs.put("headline.md", headline(document));
        String processes = processes(document);
        if (!processes.isEmpty()) {
            outputs.put(PROCESSES, processes);
        }
        CsvWriter.write(document).forEach((name, csv) -> outputs.put("csv/" + name, csv));
        charts.forEach((name, svg) -> outputs.put("charts/" + name, svg));
        return outputs;
    }

    /** The answer's machine line and its processes-against-threads table, as Markdown; empty when it has none. */
    static String processes(Document document) {
        return answer(document).map(answer -> {
            List<Block> blocks = answer.blocks();
            for (int i = 1; i < blocks.size(); i++) {
                if (blocks.get(i) instanceof Block.TableBlock t && t.table().id().equals("processes-against-threads")) {
                    String md = MarkdownWriter.excerpt(List.of(blocks.get(0), blocks.get(i - 1), t));
                    return md.substring(0, md.length() - 1);
                }
            }
            return "";
        }).orElse("");
    }

    /** The answer section alone, as Markdown: what a run prints at its end and what a README's headline quotes. */
    public static String headline(Document document) {
        return answer(document).map(answer -> MarkdownWriter.excerpt(answer.blocks())).orElse("");
    }

    private static java.util.Optional<forkbench.report.markup.Section> answer(Document document) {
        return document.sections().stream().filter(section -> section.id().equals("answer")).findFirst();
    }

    /** The headline of a report built from {@code report}, for a run's closing lines. */
    public static String headline(Report report, ReportOptions options) {
        return headline(ReportView.of(report, options, List.of()));
    }

    /**
     * A run whose host name an earlier run shares while its cores or JDK differ: the report puts both under one
     * host, so its comparisons (and a merge) would mix machines without anyone saying so.
     */
    private static Optional<Report.Warning> differingMachine(Path file, RunMetadata metadata, List<Report.Run> earlier) {
        if (metadata == null) {
            return Optional.empty();
        }
        return earlier.stream().filter(run -> run.metadata() != null && run.host().equals(metadata.hostname()))
                .map(run -> run.metadata().sameMachineAs(metadata)).filter(java.util.Objects::nonNull).findFirst()
                .map(difference -> new Report.Warning(Report.Kind.MACHINES_DIFFER, file.toString(), "the same host "
                        + "name as an earlier input, not the same machine: " + difference + "; set "
                        + RunMetadata.HOST_VARIABLE + " to tell them apart", 1));
    }

    private static List<Report.Warning> runWarnings(Path file, RunMetadata metadata) {
        List<Report.Warning> warnings = new ArrayList<>();
        if (metadata == null) {
            warnings.add(new Report.Warning(Report.Kind.NO_METADATA, file.toString(), "no run metadata beside it ("
                    + RunMetadata.fileFor(file).getFileName() + "): host, cores and load unknown", 1));
            return warnings;
        }
        double cores = metadata.usableCores();
        for (Double load : new Double[] {metadata.loadBefore(), metadata.loadAfter()}) {
            if (load != null && load > cores) {
                warnings.add(new Report.Warning(Report.Kind.LOAD, file.toString(), String.format(Locale.ROOT,
                        "load average %.2f above the %s usable cores: other work competed with the benchmark", load,
                        describeCores(cores)), load / cores));
                break;
            }
        }
        return warnings;
    }

    private static String describeCores(double cores) {
        return Format.plain(cores);
    }
}
