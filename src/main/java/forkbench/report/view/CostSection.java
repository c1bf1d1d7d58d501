package forkbench.report.view;

import forkbench.configuration.BenchmarkNames;
import forkbench.record.MemoryFootprint;
import forkbench.report.markup.Block;
import forkbench.report.markup.Format;
import forkbench.report.markup.Section;
import forkbench.report.markup.Table;
import forkbench.report.markup.Table.Cell;
import forkbench.report.markup.Table.Column;
import forkbench.report.model.DataMovement;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Cost anatomy: what each kind of worker costs, and the memory each one takes. */
final class CostSection {

    private CostSection() {
    }

    /** What the overhead benchmarks measure, per worker, in words. */
    /** Benchmarks without a size: what each kind of worker costs, beside the memory each one takes. */
    static java.util.Optional<Section> costs(Report report, ReportOptions options) {
        List<Report.Row> overheads = !Jobs.hasSizes(report, options) ? List.of() : report.rows().stream()
                .filter(r -> !r.params().containsKey(options.sizeParam()) && !r.label().equals(report.baseline())
                        && !DataMovement.isAnchor(r.label()))
                .sorted(Comparator.comparingDouble(Report.Row::timeNanos)).toList();
        List<Block> blocks = new ArrayList<>();
        if (!overheads.isEmpty()) {
            List<List<Cell>> rows = new ArrayList<>();
            Map<String, Long> perLabel = overheads.stream()
                    .collect(java.util.stream.Collectors.groupingBy(Report.Row::label,
                            java.util.stream.Collectors.counting()));
            for (Report.Row r : overheads) {
                // A benchmark measured at several worker counts or parameters says which row is which.
                String name = perLabel.get(r.label()) > 1 ? r.configuration().toString() : r.label();
                rows.add(List.of(Cell.of(name), Cell.of(BenchmarkNames.WORKER_COSTS.getOrDefault(r.label(), "")),
                        Cell.of(String.valueOf(r.forks())),
                        Cell.of(Format.time(r.timeNanos(), r.timeHalfWidthNanos(), r.noInterval()))));
            }
            blocks.add(new Block.Paragraph("What one worker of each kind costs to start and join with an empty task, "
                    + "beside a direct call; the strategies that pay it per worker per job are named."));
            blocks.add(new Block.TableBlock(new Table("cost", null, List.of(Column.text("benchmark"),
                    Column.text("per worker"), Column.number("forks"),
                    Column.number("time (" + Format.percent(report.confidence()) + " CI)")), rows)));
        }
        List<List<Cell>> memory = new ArrayList<>();
        for (Report.Run run : report.runs()) {
            MemoryFootprint m = run.memory();
            if (m != null) {
                memory.add(List.of(Cell.of(run.host()), Cell.of(Format.kib(m.childRssKiB())),
                        Cell.of(Format.kib(m.platformThreadKiB())), Cell.of(Format.kib(m.virtualThreadKiB())),
                        Cell.of(Format.kib(m.parentBaseKiB()))));
            }
        }
        if (!memory.isEmpty()) {
            blocks.add(new Block.TableBlock(new Table("memory", "Memory per worker (resident, measured on the run's "
                    + "machine)", List.of(Column.text("host"), Column.number("child JVM after a job"),
                    Column.number("platform thread"), Column.number("virtual thread"), Column.number("bare JVM")),
                    memory)));
        }
        return blocks.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new Section("cost", "Cost anatomy: what each worker costs", blocks));
    }
}
