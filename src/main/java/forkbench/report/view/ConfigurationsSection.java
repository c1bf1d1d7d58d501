package forkbench.report.view;

import forkbench.configuration.ConfigurationKey;
import forkbench.configuration.ParameterValues;
import forkbench.report.markup.Block;
import forkbench.report.markup.Format;
import forkbench.report.markup.Section;
import forkbench.report.markup.Table;
import forkbench.report.markup.Table.Cell;
import forkbench.report.markup.Table.Column;
import forkbench.report.markup.Table.Mark;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every configuration, one table per job. */
final class ConfigurationsSection {

    private ConfigurationsSection() {
    }

    /** Every configuration, one table per job (host and parameters). */
    static Section configurations(Report report, ReportOptions options) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph("Time is per operation of the whole system, the mean of the fork means, ± "
                + "the half-width of its " + Format.percent(report.confidence()) + " interval over fork means; within"
                + " / between: the noise of iterations within a fork and the spread of fork means, relative to the "
                + "mean. Speedups are ratios of mean times with Fieller intervals, n.s. when the interval contains 1; "
                + "⚠ marks one past the physical limit min(workers, cores). Efficiency is speedup / min(workers, "
                + "cores)."));
        boolean severalHosts = Jobs.hosts(report).size() > 1;
        boolean sized = Jobs.hasSizes(report, options);
        Map<ConfigurationKey, List<Report.Row>> groups = new LinkedHashMap<>();
        for (Report.Row row : report.rows()) {
            // Benchmarks without a size are per-worker costs: they have their own section, never among speedups.
            if (!sized || row.params().containsKey(options.sizeParam())) {
                groups.computeIfAbsent(ConfigurationKey.job(row.host(), row.params()), k -> new ArrayList<>())
                        .add(row);
            }
        }
        // In the answer's order (the inputs' order, sizes ascending); anything without a verdict after it.
        List<ConfigurationKey> answerOrder = report.verdicts().stream()
                .map(v -> ConfigurationKey.job(v.host(), v.params())).toList();
        List<Map.Entry<ConfigurationKey, List<Report.Row>>> ordered = new ArrayList<>(groups.entrySet());
        ordered.sort(Comparator.comparingInt((Map.Entry<ConfigurationKey, List<Report.Row>> e) -> {
                    int at = answerOrder.indexOf(e.getKey());
                    return at < 0 ? Integer.MAX_VALUE : at;
                }).thenComparing(e -> e.getKey().host())
                .thenComparing((a, b) -> Jobs.compareGroups(a.getKey().params(), b.getKey().params(),
                        options.sizeParam())));
        int index = 0;
        for (Map.Entry<ConfigurationKey, List<Report.Row>> group : ordered) {
            Map<String, String> params = group.getKey().params();
            String title = (params.isEmpty() ? "no parameters" : ParameterValues.describe(params))
                    + (severalHosts ? " on " + group.getKey().host() : "");
            List<List<Cell>> rows = new ArrayList<>();
            boolean usage = group.getValue().stream().anyMatch(r -> r.usage().isPresent());
            for (Report.Row r : group.getValue()) {
                List<Cell> cells = new ArrayList<>(List.of(Cell.of(r.label()), Cell.of(String.valueOf(r.workers())),
                        Cell.of(String.valueOf(r.forks())),
                        Cell.of(Format.time(r.timeNanos(), r.timeHalfWidthNanos(), r.noInterval())),
                        Cell.of(Format.share(r.withinForkCv()) + " / " + Format.share(r.betweenForkCv())),
                        Cells.ratio(r.speedup(), r.speedupBeyondLimit()), Cells.ratio(r.selfSpeedup(), r.selfSpeedupBeyondLimit()),
                        r.efficiency() != null && r.efficiency() > 1 ? new Cell(Format.number(r.efficiency(), 2),
                                Mark.WARN) : Cell.of(Format.number(r.efficiency(), 2)),
                        r.karpFlatt() != null && r.karpFlatt() < 0 ? new Cell(Format.number(r.karpFlatt(), 3),
                                Mark.WARN) : Cell.of(Format.number(r.karpFlatt(), 3)),
                        Cell.of(notes(r))));
                if (usage) {
                    cells.addAll(Cells.usageCells(r, true));
                }
                rows.add(cells);
            }
            List<Column> columns = new ArrayList<>(List.of(
                    Column.text("strategy"), Column.number("workers"), Column.number("forks"),
                    Column.number("time/op (" + Format.percent(report.confidence()) + " CI)"),
                    Column.number("within / between"), Column.number("speedup vs " + report.baseline()),
                    Column.number("vs 1 worker"), Column.number("efficiency/core"), Column.number("Karp–Flatt"),
                    Column.text("notes")));
            if (usage) {
                columns.addAll(Cells.USAGE_COLUMNS_IN_FULL);
            }
            blocks.add(new Block.TableBlock(new Table("configurations-" + ++index, title, columns, rows)));
        }
        return new Section("configurations", "Every configuration", blocks);
    }

    /** A row's doubts as short words; the Warnings section has the whole sentences. */
    private static String notes(Report.Row r) {
        List<String> notes = new ArrayList<>();
        for (Report.Warning w : r.anomalies()) {
            notes.add(w.kind() == Report.Kind.BEYOND_LIMIT ? "past the core limit" : "negative Karp–Flatt");
        }
        for (Report.Warning w : r.warnings()) {
            notes.add(switch (w.kind()) {
                case ONE_FORK -> "1 fork";
                case TWO_FORKS -> "2 forks";
                case NOISY -> "noisy";
                case FORKS_DISAGREE -> "forks disagree";
                default -> w.kind().title();
            });
        }
        return String.join(", ", notes);
    }
}
