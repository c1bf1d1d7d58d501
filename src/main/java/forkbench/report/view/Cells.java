package forkbench.report.view;

import forkbench.report.markup.Format;
import forkbench.report.markup.Table.Cell;
import forkbench.report.markup.Table.Column;
import forkbench.report.markup.Table.Mark;
import forkbench.report.model.JvmUsage;
import forkbench.statistics.Ratio;
import forkbench.report.model.Report;

import java.util.List;

/**
 * The cells and columns several sections share: a ratio with its interval, a time against the fastest, what
 * every JVM allocated and collected.
 */
final class Cells {

    private Cells() {
    }

    static java.util.Optional<String> resident(java.util.Optional<JvmUsage> usage) {
        return usage.flatMap(JvmUsage::residentBytes).map(bytes -> Format.kib(bytes / 1024));
    }

    /** What every JVM allocated and collected: in the answer, the two figures that decide; in full, all four. */
    static final List<Column> USAGE_COLUMNS = List.of(Column.number("allocated/op, all JVMs"),
            Column.number("GC time share"));

    static final List<Column> USAGE_COLUMNS_IN_FULL = List.of(Column.number("allocated/op, all JVMs"),
            Column.number("of which children"), Column.number("GC time/op"), Column.number("GC time share"));

    static List<Cell> usageCells(Report.Row row, boolean full) {
        if (row == null || row.usage().isEmpty()) {
            return java.util.Collections.nCopies(full ? USAGE_COLUMNS_IN_FULL.size() : USAGE_COLUMNS.size(),
                    Cell.of(""));
        }
        JvmUsage usage = row.usage().get();
        Cell allocated = Cell.of(Format.kib(usage.bytesPerOp() / 1024));
        Cell share = Cell.of(Format.share(usage.gcSharePercent() / 100));
        return full ? List.of(allocated, Cell.of(Format.kib(usage.childBytesPerOp() / 1024)),
                Cell.of(Format.time(usage.gcMillisPerOp() * 1e6)), share) : List.of(allocated, share);
    }

    static Cell againstFastest(Report.Standing standing) {
        Ratio ratio = standing.againstFastest();
        return switch (standing.decision()) {
            case FASTEST -> new Cell("fastest", Mark.BEST);
            case SLOWER -> Cell.of(Format.times(ratio.value()) + "× slower" + Format.interval(ratio));
            case FASTER -> Cell.of(Format.times(1 / ratio.value()) + "× faster" + Format.interval(ratio));
            case EQUIVALENT -> Cell.of("equivalent" + Format.interval(ratio));
            case UNDECIDED -> new Cell("undecided: " + Format.times(ratio.value()) + "×" + Format.interval(ratio)
                    + (standing.forksToDecide() == null ? "" : "; " + forksToDecide(standing.forksToDecide())),
                    Mark.DIM);
            case TOO_NOISY -> new Cell("too noisy to tell (" + standing.forks() + (standing.forks() == 1 ? " fork)"
                    : " forks)"), Mark.DIM);
            case NO_INTERVAL -> new Cell(Format.times(ratio.value()) + "× slower" + Format.interval(ratio), Mark.DIM);
        };
    }

    /** {@code ≈40 forks each to decide}, or that it would take more than anyone should run. */
    private static String forksToDecide(int forks) {
        return forks >= Report.Standing.MOST_FORKS_TO_DECIDE
                ? "over " + Report.Standing.MOST_FORKS_TO_DECIDE + " forks each to decide"
                : "≈" + forks + " forks each to decide";
    }

    static Cell ratio(Ratio ratio, boolean beyondLimit) {
        if (ratio == null) {
            return Cell.of("");
        }
        String text = Format.ratio(ratio);
        return beyondLimit ? new Cell(text, Mark.WARN)
                : Boolean.FALSE.equals(ratio.significant()) ? new Cell(text, Mark.DIM) : Cell.of(text);
    }
}
