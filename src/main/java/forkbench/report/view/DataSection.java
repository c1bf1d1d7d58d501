package forkbench.report.view;

import forkbench.configuration.BenchmarkNames;
import forkbench.workload.data.Transport;
import forkbench.configuration.ParameterValues;
import forkbench.report.markup.Block;
import forkbench.report.markup.Format;
import forkbench.report.markup.Section;
import forkbench.report.markup.Table;
import forkbench.report.markup.Table.Cell;
import forkbench.report.markup.Table.Column;
import forkbench.report.markup.Table.Mark;
import forkbench.report.model.DataMovement;
import forkbench.statistics.Ratio;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import forkbench.workload.data.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** When data moves: throughput per strategy and transport, processes against the best thread strategy. */
final class DataSection {

    private DataSection() {
    }

    /**
     * For data jobs: throughput per strategy, each process strategy against the best thread strategy and against
     * the pipe's floor, and the size from which it matches the threads.
     */
    static java.util.Optional<Section> dataMovement(Report report, ReportOptions options) {
        DataMovement data = report.dataMovement();
        if (data.isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean severalHosts = Jobs.hosts(report).size() > 1;
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(Jobs.summary(report) + " Jobs whose input (" + options.sizeParam()
                + " bytes) each part reads: "
                + "threads read it in place; under copy a child is sent its slice through a pipe, under shared it "
                + "maps it from shared memory. Throughput is bytes over time per job (GB/s = 10⁹ bytes/s); each "
                + "process strategy is set against the best thread strategy at the same size, with a "
                + Format.percent(report.confidence()) + " interval over fork means where the verdict gives one, "
                + "and under copy its throughput per child (each reads its own pipe) against the floor of one pipe "
                + "measured in the same run."));
        if (!data.anchors().isEmpty()) {
            List<List<Cell>> rows = new ArrayList<>();
            for (DataMovement.Anchor anchor : data.anchors()) {
                rows.add(List.of(Cell.of(anchor.label() + (severalHosts ? " on " + anchor.host() : "")),
                        Cell.of(Bytes.describe(anchor.bytes())),
                        Cell.of(Format.time(anchor.timeNanos(), anchor.timeHalfWidthNanos())),
                        Cell.of(Format.fixed(anchor.gigabytesPerSecond(), 2))));
            }
            blocks.add(new Block.TableBlock(new Table("data-floors", "The floors: bytes into a child JVM through "
                    + "one pipe (" + BenchmarkNames.PIPE_TO_CHILD + "), and copied within the heap (" + BenchmarkNames.HEAP_COPY + ")", List.of(Column.text("floor"),
                    Column.number("bytes"), Column.number("time (" + Format.percent(report.confidence()) + " CI)"),
                    Column.number("GB/s")), rows)));
        }
        int index = 0;
        for (DataMovement.Group group : data.groups()) {
            boolean copy = group.transport().equals(Transport.COPY.id());
            List<Column> columns = new ArrayList<>(List.of(Column.number(options.sizeParam()),
                    Column.text("best thread strategy"), Column.number("its GB/s")));
            List<String> processes = group.points().stream().flatMap(p -> p.processes().stream())
                    .map(DataMovement.Versus::label).distinct().toList();
            for (String process : processes) {
                columns.add(Column.number(process + " GB/s"));
                columns.add(Column.number("time against the threads"));
                if (copy) {
                    columns.add(Column.number("per pipe, of the floor"));
                }
            }
            List<List<Cell>> rows = new ArrayList<>();
            for (DataMovement.Point point : group.points()) {
                List<Cell> row = new ArrayList<>(List.of(Cell.of(Bytes.describe(point.bytes())),
                        Cell.of(point.bestThread() + " ×" + point.bestThreadWorkers()),
                        Cell.of(Format.fixed(point.bestThreadGbps(), 2))));
                for (String process : processes) {
                    DataMovement.Versus versus = point.processes().stream().filter(v -> v.label().equals(process))
                            .findFirst().orElse(null);
                    if (versus == null) {
                        row.addAll(copy ? List.of(Cell.of(""), Cell.of(""), Cell.of(""))
                                : List.of(Cell.of(""), Cell.of("")));
                        continue;
                    }
                    row.add(Cell.of(Format.fixed(versus.gbps(), 2) + " ×" + versus.workers()));
                    Ratio ratio = versus.againstBestThread();
                    String interval = Format.interval(ratio);
                    row.add(ratio.value() <= DataMovement.MATCH ? new Cell(Format.times(ratio.value()) + "×"
                            + interval, Mark.BEST) : Cell.of(Format.times(ratio.value()) + "×" + interval));
                    if (copy) {
                        row.add(Cell.of(versus.ofPipeFloor() == null ? "" : Format.fixed(versus.ofPipeFloor(), 2)
                                + "×"));
                    }
                }
                rows.add(row);
            }
            Map<String, String> others = new TreeMap<>(group.params());
            others.remove(DataMovement.TRANSPORT);
            String title = ParameterValues.describe(others) + ", transport " + group.transport()
                    + (severalHosts ? " on " + group.host() : "") + ": " + crossover(group);
            blocks.add(new Block.TableBlock(new Table("data-" + ++index, title, columns, rows)));
        }
        return java.util.Optional.of(new Section("data", "When data moves", blocks));
    }

    /** Where each process strategy starts to match the threads, in words. */
    private static String crossover(DataMovement.Group group) {
        List<String> parts = new ArrayList<>();
        group.crossover().forEach((label, from) -> parts.add(label + (from == null
                ? " never within " + Format.times(DataMovement.MATCH) + "× of the threads at the sizes measured"
                : " within " + Format.times(DataMovement.MATCH) + "× of the threads from " + Bytes.describe(from))));
        return parts.isEmpty() ? "no process strategy measured" : String.join("; ", parts);
    }
}
