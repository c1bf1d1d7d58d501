package forkbench.report.view;

import forkbench.report.markup.Block;
import forkbench.report.markup.Format;
import forkbench.report.markup.Section;
import forkbench.report.markup.Table;
import forkbench.report.markup.Table.Cell;
import forkbench.report.markup.Table.Column;
import forkbench.record.Precision;
import forkbench.record.RunMetadata;
import forkbench.report.model.Report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The runs behind the report: the precision they reached, their machines, and the warnings by kind. */
final class RunSections {

    private RunSections() {
    }

    static java.util.Optional<Section> precision(Report report) {
        List<Block> blocks = new ArrayList<>();
        for (Report.Run run : report.runs()) {
            Precision p = run.metadata() == null ? null : run.metadata().precision();
            if (p == null) {
                continue;
            }
            String target = (p.verdict() ? "the verdict (equivalent within ±" + Format.digits(p.marginPercent()) + "%)"
                    : "") + (p.verdict() && p.targetPercent() != null ? " and " : "")
                    + (p.targetPercent() == null ? "" : "±" + Format.digits(p.targetPercent()) + "% over fork means");
            blocks.add(new Block.Paragraph(run.source() + ": target " + target + "; " + p.converged() + " of "
                    + p.configurations().size() + " configurations reached it; stopped: " + p.stopped()
                    + (p.plan() == null ? "" : "; plan after the pilot: " + p.plan()) + "."
                    + (p.twoStage() ? " Two stages: the first " + p.pilotForks() + " forks of each "
                    + "configuration were a pilot that planned the rest; a configuration measured again is judged on "
                    + "its forks after the pilot alone, against its job's fastest in the pilot." : "")));
            List<List<Cell>> rows = p.configurations().stream().filter(c -> !c.converged())
                    .map(c -> List.of(Cell.of(c.configuration()), Cell.of(String.valueOf(c.forks())),
                            Cell.of(c.halfWidthPercent() == null ? "no interval"
                                    : "±" + Format.fixed(c.halfWidthPercent(), 1) + "%"))).toList();
            if (!rows.isEmpty()) {
                blocks.add(new Block.TableBlock(new Table("precision-" + blocks.size(), "Short of the target",
                        List.of(Column.text("configuration"), Column.number("forks"),
                                Column.number("half-width reached")), rows)));
            }
        }
        return blocks.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new Section("precision", "Precision reached", blocks));
    }

    static Section runs(Report report) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Report.Run run : report.runs()) {
            RunMetadata m = run.metadata();
            rows.add(m == null
                    ? List.of(Cell.of(run.source()), Cell.of(run.host()), Cell.of("not recorded"), Cell.of(""),
                    Cell.of(""), Cell.of(""), Cell.of(""), Cell.of(""))
                    : List.of(Cell.of(run.source()), Cell.of(run.host()), Cell.of(m.cpuModel()),
                    Cell.of(m.logicalCores() + (m.cpuQuota() == null ? "" : " (quota "
                            + Format.number(m.cpuQuota(), 2) + ")")), Cell.of(m.jdk()), Cell.of(m.startedAt()),
                    Cell.of(Format.number(m.loadBefore(), 2) + " → " + Format.number(m.loadAfter(), 2)),
                    Cell.of(m.order())));
        }
        return new Section("runs", "Runs", List.of(new Block.TableBlock(new Table("runs", null, List.of(
                Column.text("file"), Column.text("host"), Column.text("CPU"), Column.number("cores"),
                Column.text("JDK"), Column.text("started"), Column.text("load before → after"),
                Column.text("order")), rows))));
    }

    /** One line per kind (run-level first) with its count and worst cases; every case folded beneath. */
    static Section warnings(Report report) {
        Map<Report.Kind, List<Report.Warning>> byKind = new EnumMap<>(Report.Kind.class);
        report.warnings().forEach(w -> byKind.computeIfAbsent(w.kind(), k -> new ArrayList<>()).add(w));
        List<Block> blocks = new ArrayList<>();
        byKind.forEach((kind, list) -> {
            List<Report.Warning> worst = list.stream()
                    .sorted(Comparator.comparingDouble(Report.Warning::severity).reversed()).toList();
            String examples = worst.stream().limit(2).map(w -> w.where().isEmpty() ? shorten(w.text()) : w.where())
                    .collect(Collectors.joining("; "));
            blocks.add(new Block.Folded(kind.title() + ": " + list.size() + (list.size() == 1 ? "" : ", worst: ")
                    + (list.size() == 1 ? " — " + examples : examples), worst.stream().map(Report.Warning::line)
                    .toList()));
        });
        if (blocks.isEmpty()) {
            blocks.add(new Block.Paragraph("None."));
        }
        return new Section("warnings", "Warnings", blocks);
    }

    private static String shorten(String text) {
        return text.length() > 90 ? text.substring(0, 87) + "..." : text;
    }
}
