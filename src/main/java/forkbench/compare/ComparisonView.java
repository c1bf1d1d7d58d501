package forkbench.compare;

import forkbench.report.markup.Block;
import forkbench.report.markup.Document;
import forkbench.report.markup.Format;
import forkbench.report.markup.Section;
import forkbench.report.markup.Table;
import forkbench.report.markup.Table.Cell;
import forkbench.report.markup.Table.Column;
import forkbench.report.markup.Table.Mark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A {@link Comparison} as a document: what changed between two runs, and whether it matters. */
final class ComparisonView {

    private ComparisonView() {
    }

    public static Document of(Comparison comparison) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Comparison.Change change : comparison.changes()) {
            Mark mark = change.regression() ? Mark.WARN : change.improvement() ? Mark.BEST
                    : change.testable() && !change.significant() ? Mark.DIM : Mark.PLAIN;
            rows.add(List.of(Cell.of(change.configuration()),
                    Cell.of(change.baseForks() + " / " + change.newForks()), Cell.of(Format.time(change.baseNanos())),
                    Cell.of(Format.time(change.newNanos())), Cell.of(Format.ratio(change.ratio())),
                    Cell.of(percent(change.percent())), Cell.of(pValues(change)), new Cell(verdict(change), mark)));
        }
        List<Block> blocks = new ArrayList<>(List.of(new Block.Paragraph(summary(comparison))));
        comparison.cautions().forEach(caution -> blocks.add(new Block.Paragraph("Caution: " + caution)));
        blocks.add(new Block.TableBlock(new Table("changes", null, List.of(Column.text("configuration"),
                Column.number("forks base / new"), Column.number("base"), Column.number("new"),
                Column.number("new / base [" + Format.percent(comparison.confidence()) + " CI]"),
                Column.number("change"), Column.number("p (Holm)"), Column.text("verdict")), rows)));
        List<Section> sections = new ArrayList<>(List.of(new Section("changes", "Changes", blocks)));
        unmatched(sections, "only-in-base", "Only in the base run", comparison.onlyInBase());
        unmatched(sections, "only-in-new", "Only in the new run", comparison.onlyInNew());
        return new Document("forkbench compare", sections);
    }

    private static void unmatched(List<Section> sections, String id, String title, List<String> configurations) {
        if (!configurations.isEmpty()) {
            sections.add(new Section(id, title, List.of(new Block.TableBlock(new Table(id, null,
                    List.of(Column.text("configuration")), configurations.stream().map(c -> List.of(Cell.of(c)))
                    .toList())))));
        }
    }

    static String summary(Comparison comparison) {
        long worse = comparison.changes().stream().filter(Comparison.Change::regression).count();
        long better = comparison.changes().stream().filter(Comparison.Change::improvement).count();
        String setAside = comparison.setAside().isEmpty() ? "" : " Matched without " + String.join(", ",
                comparison.setAside()) + ": a parameter only one run has, with one value.";
        long untestable = comparison.untestable();
        String unjudged = untestable == 0 ? "" : " " + untestable + " configuration" + (untestable == 1 ? "" : "s")
                + " with a single fork on a side cannot be judged: no fork-to-fork variation to test against (run >= 3 "
                + "forks, e.g. --interleave 3).";
        return counts(comparison, worse, better) + unjudged + setAside;
    }

    private static String counts(Comparison comparison, long worse, long better) {
        String threshold = Format.plain(comparison.thresholdPercent());
        if (comparison.tested() == 0) {
            return comparison.changes().size() + " configurations compared; none could be tested.";
        }
        return String.format(Locale.ROOT, "%d configurations compared: %d significantly slower and %d significantly "
                + "faster by more than %s%%. Significant means after Holm's correction for testing %d configurations "
                + "at once (family-wise level %s), with Welch's t over fork means; p: before (after) the correction; "
                + "intervals are %s Fieller intervals on new / base.", comparison.changes().size(), worse, better,
                threshold, comparison.tested(), Format.digits(1 - comparison.confidence()),
                Format.percent(comparison.confidence()));
    }

    private static String pValues(Comparison.Change change) {
        return change.testable() ? p(change.p()) + " (" + p(change.adjustedP()) + ")" : "1 fork: untested";
    }

    private static String p(double value) {
        return value < 0.0001 ? "<0.0001" : Format.digits(value);
    }

    private static String verdict(Comparison.Change change) {
        if (change.regression()) {
            return "slower";
        }
        if (change.improvement()) {
            return "faster";
        }
        if (!change.testable()) {
            return "not judged (1 fork)";
        }
        return change.significant() ? "within threshold" : "no significant change";
    }

    private static String percent(double value) {
        return (value >= 0 ? "+" : "") + Format.fixed(value, 1) + "%";
    }
}
