package forkbench.faults;

import forkbench.strategy.Strategies;
import forkbench.record.RunMetadata;
import forkbench.report.export.MarkdownWriter;
import forkbench.report.markup.Block;
import forkbench.report.markup.Document;
import forkbench.report.markup.Format;
import forkbench.report.markup.Section;
import forkbench.report.markup.Table;
import forkbench.report.markup.Table.Cell;
import forkbench.report.markup.Table.Column;
import forkbench.report.markup.Table.Mark;
import forkbench.statistics.Ratio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The section "When a worker fails", arranged from a {@link BlastRadius}: it computes nothing of its own. */
final class BlastRadiusView {

    private BlastRadiusView() {
    }

    static Document of(BlastRadius radius, TrialSpec settings, int forks, RunMetadata machine) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(String.format(Locale.ROOT, "Each strategy ran %d jobs of %s over n = %s with "
                        + "%d workers, a fault in one part of every %s job, in a JVM of its own (heap %s, children "
                        + "too), %d times in shuffled rounds. A child that gave no answer for %d ms was destroyed; a job "
                        + "with no answer after %d ms was abandoned, and after %d abandoned in a row the rest were "
                        + "counted lost. " + Strategies.PROCESS_POOL + " %s the part of a dead child.", settings.jobs(),
                settings.kernel(), Format.powerOfTen(Long.toString(settings.n())), settings.workers(),
                ordinal(settings.every()), settings.heap(), forks,
                settings.timeoutMillis(), settings.deadlineMillis(), Trial.STUCK_AFTER,
                settings.retry() ? "retried once" : "failed")));
        blocks.add(new Block.Paragraph(machineLine(machine)));
        blocks.add(new Block.TableBlock(matrix(radius)));
        blocks.add(new Block.Paragraph("Crash: the worker's JVM is killed by SIGKILL, as the OOM killer or a native "
                + "crash would end it. OOM: it allocates until OutOfMemoryError. "
                + "Hang: it spins forever; no Java thread can be stopped, so an abandoned job's thread keeps its core "
                + "and its pool slot, while a child is destroyed and replaced. Throws: the kernel throws; that is its "
                + "answer on every strategy, so it fails the job and nothing is retried."));
        blocks.add(new Block.TableBlock(details(radius)));
        Table recovery = recovery(radius);
        if (!recovery.rows().isEmpty()) {
            blocks.add(new Block.TableBlock(recovery));
        }
        return new Document("forkbench: when a worker fails",
                List.of(new Section("faults", "When a worker fails", blocks)));
    }

    /**
     * The answer alone, for a README: where it was measured, the verdicts, and what healing cost the pool.
     */
    static String headline(BlastRadius radius, int forks, RunMetadata machine) {
        StringBuilder md = new StringBuilder(MarkdownWriter.escape("Measured on " + machine.hostname() + ", "
                + machine.logicalCores() + " cores, " + machine.jdk() + ", " + forks + " forks of each strategy "
                + "and fault.")).append("\n\n").append(MarkdownWriter.table(matrix(radius)));
        for (BlastRadius.Cell cell : radius.cells()) {
            cell.replacement().ifPresent(r -> md.append("\n").append(MarkdownWriter.escape(cell.strategy() + " × "
                    + cell.fault() + ": a replacement child answered its first message "
                    + Format.digits(r.replacementMillis()) + " ms after its predecessor's death was seen, "
                    + Format.times(r.againstColdStart()) + "× a cold child's start (" + Format.digits(
                    r.coldStartMillis()) + " ms) in the same trials; a faulted job took "
                    + Format.digits(r.extraJobMillis()) + " ms longer than a normal one (medians, " + r.replacements()
                    + " replacements).")).append("\n"));
        }
        return md.toString();
    }

    /** 10th, 21st, 2nd, 3rd, 11th. */
    static String ordinal(int number) {
        int lastTwo = number % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (number % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return number + suffix;
    }

    private static String machineLine(RunMetadata machine) {
        return "Measured on " + machine.hostname() + ": " + machine.cpuModel() + ", " + machine.logicalCores()
                + " logical cores, " + machine.os() + ", " + machine.jdk() + "; from " + machine.startedAt() + " to "
                + machine.endedAt() + ", load average " + load(machine.loadBefore()) + " before and "
                + load(machine.loadAfter()) + " after.";
    }

    private static String load(Double load) {
        return load == null ? "unknown" : Format.fixed(load, 2);
    }

    /** Strategy × fault, each cell the short verdict: the first screen's answer. */
    private static Table matrix(BlastRadius radius) {
        List<String> faults = radius.faults().stream().filter(f -> !f.equals(TrialSpec.NONE)).toList();
        List<Column> columns = new ArrayList<>(List.of(Column.text("strategy")));
        faults.forEach(fault -> columns.add(Column.text(fault)));
        List<List<Cell>> rows = new ArrayList<>();
        for (String strategy : radius.strategies()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(strategy)));
            for (String fault : faults) {
                row.add(radius.column(fault).stream().filter(cell -> cell.strategy().equals(strategy)).findFirst()
                        .map(BlastRadiusView::verdict).orElse(Cell.of("")));
            }
            rows.add(row);
        }
        return new Table("verdicts", "What each fault did: jobs over all forks, and whether the JVM under test lived",
                columns, rows);
    }

    private static Cell verdict(BlastRadius.Cell cell) {
        long jobs = cell.correct() + cell.failed() + cell.wrong() + cell.lost();
        String wrong = cell.wrong() > 0 ? cell.wrong() + " WRONG; " : "";
        if (cell.died() > 0) {
            return new Cell(wrong + "JVM died (" + cell.died() + "/" + cell.forks() + "): " + (cell.failed()
                    + cell.lost()) + " of " + jobs + " jobs lost", Mark.WARN);
        }
        if (cell.killed() > 0) {
            return new Cell(wrong + "JVM stuck past the limit (" + cell.killed() + "/" + cell.forks() + ")", Mark.WARN);
        }
        if (cell.lost() > 0) {
            return new Cell(wrong + "stuck: " + cell.failed() + " failed, " + cell.lost() + " not run, of " + jobs,
                    Mark.WARN);
        }
        if (cell.failed() == 0 && cell.wrong() == 0) {
            return new Cell("all " + jobs + " correct", Mark.BEST);
        }
        return new Cell(wrong + cell.failed() + " of " + jobs + " failed, JVM lived", Mark.PLAIN);
    }

    private static Table details(BlastRadius radius) {
        List<Column> columns = List.of(Column.text("strategy"), Column.text("fault"), Column.number("forks"),
                Column.number("JVM lived"), Column.number("correct"), Column.number("failed"),
                Column.number("wrong"), Column.number("lost"), Column.number("faults fired"),
                Column.number("job (median)"), Column.number("fault to next good job (median)"),
                Column.text("throughput vs no fault"), Column.text("most frequent cause"),
                Column.text("closing afterwards"));
        List<List<Cell>> rows = new ArrayList<>();
        for (String fault : radius.faults()) {
            for (BlastRadius.Cell cell : radius.column(fault)) {
                rows.add(List.of(Cell.of(cell.strategy()), Cell.of(cell.fault()), Cell.of(Long.toString(cell.forks())),
                        Cell.of(cell.survived() + "/" + cell.forks()), Cell.of(Long.toString(cell.correct())),
                        Cell.of(Long.toString(cell.failed())),
                        new Cell(Long.toString(cell.wrong()), cell.wrong() > 0 ? Mark.WARN : Mark.PLAIN),
                        Cell.of(Long.toString(cell.lost())), Cell.of(Long.toString(cell.faultsFired())),
                        Cell.of(Double.isNaN(cell.medianJobMillis()) ? "" : Format.digits(cell.medianJobMillis())
                                + " ms"),
                        Cell.of(cell.recoveryMillis().map(ms -> Format.digits(ms) + " ms").orElse("")
                                + (cell.unrecovered() > 0 ? " (" + cell.unrecovered() + " never)" : "")),
                        cell.throughput().map(BlastRadiusView::throughput).orElse(Cell.of("")),
                        Cell.of(cell.typicalCause()),
                        Cell.of(cell.closeProblems() == 0 ? "" : cell.closeProblems() + " of " + cell.forks() + ": "
                                + cell.firstCloseProblem())));
            }
        }
        return new Table("trials", "Every strategy under every fault, over all forks; times of correct jobs",
                columns, rows);
    }

    private static Cell throughput(Ratio ratio) {
        String text = Format.ratio(ratio);
        return new Cell(text, Boolean.TRUE.equals(ratio.significant()) ? Mark.PLAIN : Mark.DIM);
    }

    private static Table recovery(BlastRadius radius) {
        List<Column> columns = List.of(Column.text("strategy"), Column.text("fault"),
                Column.number("cold child start (median)"), Column.number("death seen to replacement ready (median)"),
                Column.number("replacements"), Column.number("replacement / cold start"),
                Column.number("faulted job's extra time (median)"));
        List<List<Cell>> rows = new ArrayList<>();
        for (BlastRadius.Cell cell : radius.cells()) {
            cell.replacement().ifPresent(r -> rows.add(List.of(Cell.of(cell.strategy()), Cell.of(cell.fault()),
                    Cell.of(Format.digits(r.coldStartMillis()) + " ms"),
                    Cell.of(Format.digits(r.replacementMillis()) + " ms"), Cell.of(Integer.toString(r.replacements())),
                    new Cell(Format.times(r.againstColdStart()) + "×", r.againstColdStart() <= 1.5 ? Mark.PLAIN
                            : Mark.WARN),
                    Cell.of(Format.digits(r.extraJobMillis()) + " ms"))));
        }
        return new Table("recovery", "What healing costs: a replacement's start against a cold child's, timed in the "
                + "same trials", columns, rows);
    }
}
