package forkbench.report.export;

import forkbench.memory.MemoryFootprint;
import forkbench.report.metadata.RunMetadata;
import forkbench.report.model.Analysis;
import forkbench.report.model.Report;
import forkbench.report.model.ScalingFit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** report.md: tables to paste into a pull request or a README. Every cell taken from input is escaped. */
public final class Markdown {

    private Markdown() {
    }

    /** The speedup-per-core table alone: what a benchmark run prints at its end. */
    public static String speedupTable(Report report) {
        boolean severalHosts = severalHosts(report);
        String confidence = percent(report.confidence());
        StringBuilder md = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("strategy", "params", "workers", "forks",
                "time/op (" + confidence + " CI)", "speedup vs " + cell(report.baseline()) + " [" + confidence + " CI]",
                "vs 1 worker", "efficiency/core", "notes"));
        List<String> align = new ArrayList<>(List.of("---", "---", "--:", "--:", "--:", "--:", "--:", "--:", "---"));
        if (severalHosts) {
            header.add(0, "host");
            align.add(0, "---");
        }
        md.append(row(header)).append(row(align));
        for (Report.Row r : report.rows()) {
            List<String> notes = new ArrayList<>(r.anomalies());
            notes.addAll(r.warnings());
            List<String> cells = new ArrayList<>(List.of(cell(r.label()), cell(Analysis.describe(r.params())),
                    String.valueOf(r.workers()), String.valueOf(r.forks()),
                    Format.time(r.timeNanos(), r.timeHalfWidthNanos(), r.noInterval()),
                    Format.ratio(r.speedup(), r.coreLimit()), Format.ratio(r.selfSpeedup(), r.coreLimit()),
                    Format.number(r.efficiency(), 2), cell(String.join("; ", notes))));
            if (severalHosts) {
                cells.add(0, cell(r.host()));
            }
            md.append(row(cells));
        }
        return md.toString();
    }

    public static String render(Report report) {
        StringBuilder md = new StringBuilder("# forkbench report\n\n");
        md.append("## Speedup per core\n\n")
                .append("Time is per operation of the whole system, the mean of the fork means; every interval is ")
                .append("built over fork means (the fork is the unit of replication), so a configuration run in one ")
                .append("fork has none. Speedups are ratios of mean times with Fieller ")
                .append(percent(report.confidence())).append(" intervals; n.s. marks a speedup whose interval ")
                .append("contains 1; ⚠ marks one past the physical limit min(workers, cores). Efficiency is ")
                .append("speedup / min(workers, cores).\n\n")
                .append(speedupTable(report));

        List<String> hosts = HostComparison.hosts(report);
        if (hosts.size() > 1) {
            md.append("\n## Hosts side by side\n\nSpeedup against ").append(cell(report.baseline()))
                    .append(" on each host (time where there is no baseline).\n\n");
            List<String> header = new ArrayList<>(List.of("strategy", "params", "workers"));
            List<String> align = new ArrayList<>(List.of("---", "---", "--:"));
            hosts.forEach(host -> {
                header.add(cell(host));
                align.add("--:");
            });
            md.append(row(header)).append(row(align));
            for (HostComparison.Line line : HostComparison.lines(report)) {
                List<String> cells = new ArrayList<>(List.of(cell(line.label()), cell(Analysis.describe(line.params())),
                        String.valueOf(line.workers())));
                hosts.forEach(host -> cells.add(HostComparison.cell(line.byHost().get(host))));
                md.append(row(cells));
            }
        }

        md.append("\n## Scaling fits and recommended workers\n\n")
                .append("Least-squares fits of throughput X(N) with lambda free; σ: contention, κ: coherency, each ")
                .append("± its ").append(percent(report.confidence())).append(" half-width. Amdahl is fitted to ")
                .append("min(workers, cores). A model needs 2 residual degrees of freedom; one with R² below ")
                .append(Format.number(ScalingFit.MEANINGFUL_R_SQUARED, 1)).append(" does not describe the data. ")
                .append("Recommended: the fewest workers not significantly slower than the best, judged on the ")
                .append("difference's fork-level interval.\n\n");
        md.append(row(List.of("host", "strategy", "params", "Amdahl σ", "Amdahl R²", "USL σ", "USL κ", "USL R²",
                "USL peak workers", "best workers", "recommended")));
        md.append(row(List.of("---", "---", "---", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:")));
        for (Report.Scaling s : report.scaling()) {
            ScalingFit usl = s.usl();
            md.append(row(List.of(cell(s.host()), cell(s.label()), cell(Analysis.describe(s.params())),
                    fitted(s.amdahl(), s.amdahl().sigma(), s.amdahl().sigmaError()), rSquared(s.amdahl()),
                    fitted(usl, usl.sigma(), usl.sigmaError()), fitted(usl, usl.kappa(), usl.kappaError()),
                    rSquared(usl),
                    !usl.fitted() ? "" : usl.peakWorkers() == null ? "none" : Format.number(usl.peakWorkers(), 1),
                    String.valueOf(s.bestWorkers()), String.valueOf(s.recommendedWorkers()))));
        }
        List<String> unfitted = report.scaling().stream().flatMap(s -> java.util.stream.Stream.of(s.amdahl(), s.usl()))
                .filter(fit -> !fit.fitted()).map(fit -> fit.model() + " " + fit.note()).distinct().toList();
        if (!unfitted.isEmpty()) {
            md.append("\n— : not fitted (").append(cell(String.join("; ", unfitted))).append(").\n");
        }

        if (!report.breakEven().isEmpty()) {
            md.append("\n## Break-even\n\nThe smallest measured size from which each strategy, with 2 or more ")
                    .append("workers, beats ").append(cell(report.baseline()))
                    .append(" significantly, there and at every larger size measured.\n\n");
            md.append(row(List.of("host", "strategy", "other params", "from size", "with workers", "speedup there")));
            md.append(row(List.of("---", "---", "---", "--:", "--:", "--:")));
            for (Report.BreakEven b : report.breakEven()) {
                md.append(row(List.of(cell(b.host()), cell(b.label()), cell(Analysis.describe(b.otherParams())),
                        b.size() == null ? "never, at the sizes measured" : cell(b.size()),
                        b.workers() == null ? "" : String.valueOf(b.workers()), Format.ratio(b.speedup()))));
            }
        }

        md.append("\n## Runs\n\n");
        md.append(row(List.of("file", "host", "CPU", "cores (quota)", "JDK", "started", "load before → after",
                "order")));
        md.append(row(List.of("---", "---", "---", "--:", "---", "---", "---", "---")));
        for (Report.Run run : report.runs()) {
            RunMetadata m = run.metadata();
            md.append(row(m == null
                    ? List.of(cell(run.source()), cell(run.host()), "not recorded", "", "", "", "", "")
                    : List.of(cell(run.source()), cell(run.host()), cell(m.cpuModel()), m.logicalCores()
                            + (m.cpuQuota() == null ? "" : " (" + Format.number(m.cpuQuota(), 2) + ")"),
                            cell(m.jdk()), cell(m.startedAt()),
                            Format.number(m.loadBefore(), 2) + " → " + Format.number(m.loadAfter(), 2),
                            cell(m.order()))));
        }
        if (report.runs().stream().anyMatch(run -> run.memory() != null)) {
            md.append("\n## Memory per worker\n\nResident memory (RSS) measured on the run's machine.\n\n");
            md.append(row(List.of("file", "host", "child JVM after a job", "platform thread", "virtual thread",
                    "bare JVM")));
            md.append(row(List.of("---", "---", "--:", "--:", "--:", "--:")));
            for (Report.Run run : report.runs()) {
                MemoryFootprint m = run.memory();
                if (m != null) {
                    md.append(row(List.of(cell(run.source()), cell(run.host()), Format.kib(m.childRssKiB()),
                            Format.kib(m.platformThreadKiB()), Format.kib(m.virtualThreadKiB()),
                            Format.kib(m.parentBaseKiB()))));
                }
            }
        }
        if (!report.warnings().isEmpty()) {
            md.append("\n## Warnings\n\n");
            for (String warning : report.warnings()) {
                md.append("- ").append(cell(warning)).append('\n');
            }
        }
        return md.toString();
    }

    static boolean severalHosts(Report report) {
        return HostComparison.hosts(report).size() > 1;
    }

    private static String rSquared(ScalingFit fit) {
        if (!fit.fitted()) {
            return "";
        }
        return Format.number(fit.rSquared(), 3) + (fit.describesData() ? "" : " (does not describe the data)");
    }

    private static String fitted(ScalingFit fit, Double value, Double error) {
        if (!fit.fitted()) {
            return "—";
        }
        Double half = fit.halfWidth(error);
        return Format.scientific(value) + (half == null ? "" : " ± " + Format.scientific(half));
    }

    static String percent(double confidence) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * confidence);
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /**
     * Text from the input, made safe anywhere in report.md or compare.md: no column or line breaks (every control
     * character becomes a space), no raw HTML, and no link or image syntax ({@code ![x](http://...)} would make a
     * Markdown viewer fetch a remote image).
     */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\\', '|', '[', ']', '!', '`' -> "\\" + c;
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? " " : null;
            };
            if (replacement != null && safe == null) {
                safe = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (safe != null) {
                safe.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return safe == null ? text : safe.toString();
    }
}
