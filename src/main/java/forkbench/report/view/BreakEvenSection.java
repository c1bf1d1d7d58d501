package forkbench.report.view;

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
import java.util.List;

/** Break-even: the smallest size from which each strategy beats the baseline. */
final class BreakEvenSection {

    private BreakEvenSection() {
    }

    static java.util.Optional<Section> breakEven(Report report, ReportOptions options) {
        if (report.breakEven().isEmpty()) {
            return java.util.Optional.empty();
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Report.BreakEven b : report.breakEven()) {
            rows.add(List.of(Cell.of(b.label()), Cell.of(ParameterValues.describe(b.otherParams())),
                    b.size() == null ? new Cell("never, at the sizes measured", Mark.DIM) : Cell.of(b.size()),
                    Cell.of(b.workers() == null ? "" : String.valueOf(b.workers())), Cell.of(Format.ratio(b.speedup()))));
        }
        return java.util.Optional.of(new Section("break-even", "Break-even", List.of(new Block.Paragraph(
                "The smallest measured " + options.sizeParam() + " from which each strategy, with 2 or more workers, "
                        + "beats " + report.baseline() + " significantly, there and at every larger size measured."),
                new Block.TableBlock(new Table("break-even", null, List.of(Column.text("strategy"),
                        Column.text("other params"), Column.number("from " + options.sizeParam()),
                        Column.number("with workers"), Column.number("speedup there")), rows)))));
    }
}
