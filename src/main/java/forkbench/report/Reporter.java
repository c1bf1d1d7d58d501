package forkbench.report;

import forkbench.memory.MemoryFootprint;
import forkbench.report.export.Csv;
import forkbench.report.export.Html;
import forkbench.report.export.Json;
import forkbench.report.export.Markdown;
import forkbench.report.input.Duplicates;
import forkbench.report.input.InputException;
import forkbench.report.input.JmhResults;
import forkbench.report.input.Measurement;
import forkbench.report.metadata.RunMetadata;
import forkbench.report.model.Analysis;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** From JMH JSON files (and the metadata beside them) to a report and its four renderings. */
public final class Reporter {

    /** The host name of results whose run recorded no metadata. */
    public static final String UNRECORDED_HOST = "unrecorded";

    /** What a report folder holds at its top level: the four renderings and the charts folder. */
    public static final List<String> OUTPUT_NAMES = List.of("report.md", "report.csv", "report.json", "report.html",
            "charts");

    private Reporter() {
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
        for (Path file : files) {
            RunMetadata metadata;
            try {
                metadata = RunMetadata.readFor(file);
            } catch (IOException e) {
                throw new InputException(RunMetadata.fileFor(file), "unreadable run metadata ("
                        + e.getMessage().lines().findFirst().orElse("") + ")");
            }
            MemoryFootprint memory;
            try {
                memory = MemoryFootprint.readFor(file);
            } catch (IOException e) {
                throw new InputException(MemoryFootprint.fileFor(file), "unreadable memory figures ("
                        + e.getMessage().lines().findFirst().orElse("") + ")");
            }
            String host = metadata == null || metadata.hostname() == null ? UNRECORDED_HOST : metadata.hostname();
            measurements.addAll(JmhResults.read(file, workerParam, host));
            runs.add(new Report.Run(file.toString(), host, metadata, memory, runWarnings(file, metadata)));
        }
        if (!merge) {
            Duplicates.refuse(measurements);
        }
        return Analysis.analyze(measurements, runs, options);
    }

    /**
     * The four renderings and every chart as its own SVG file ({@code charts/...}), by file name, in the order they
     * are written. One after the other: rendering them side by
     * side was slower on 2 cores, where the JIT compiler threads need the second core while the code is cold.
     */
    public static Map<String, String> render(Report report, ReportOptions options) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("report.md", Markdown.render(report));
        outputs.put("report.csv", Csv.render(report));
        outputs.put("report.json", Json.render(report));
        Map<String, String> charts = Html.charts(report, options.sizeParam());
        outputs.put("report.html", Html.render(report, options.sizeParam(), charts));
        charts.forEach((name, svg) -> outputs.put("charts/" + name, svg));
        return outputs;
    }

    private static List<String> runWarnings(Path file, RunMetadata metadata) {
        List<String> warnings = new ArrayList<>();
        if (metadata == null) {
            warnings.add(file + ": no run metadata beside it (" + RunMetadata.fileFor(file).getFileName()
                    + "): host, cores and load unknown");
            return warnings;
        }
        double cores = metadata.usableCores();
        for (Double load : new Double[] {metadata.loadBefore(), metadata.loadAfter()}) {
            if (load != null && load > cores) {
                warnings.add(String.format(Locale.ROOT, "%s: load average %.2f above the %s usable cores: "
                        + "other work competed with the benchmark", file, load, describeCores(cores)));
                break;
            }
        }
        return warnings;
    }

    private static String describeCores(double cores) {
        return cores == Math.rint(cores) ? String.valueOf((long) cores) : String.format(Locale.ROOT, "%.2f", cores);
    }
}
