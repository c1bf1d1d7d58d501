package forkbench.report.view;

import forkbench.strategy.Strategies;
import forkbench.report.markup.Block;
import forkbench.report.markup.Format;
import forkbench.report.markup.Section;
import forkbench.report.markup.Table;
import forkbench.report.markup.Table.Cell;
import forkbench.report.markup.Table.Column;
import forkbench.report.markup.Table.Mark;
import forkbench.statistics.Ratio;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The answer: per job, each strategy at its recommended workers, fastest first; and, where every JVM's
 * usage was measured, the process pool against the thread pool.
 */
final class AnswerSection {

    private AnswerSection() {
    }

    private static boolean anyUndecided(Report report) {
        return report.verdicts().stream().flatMap(v -> v.standings().stream())
                .anyMatch(s -> s.decision() == Report.Decision.UNDECIDED);
    }

    /** The verdict: per job, each strategy at its recommended workers, fastest first. */
    static Section answer(Report report, ReportOptions options) {
        List<Block> blocks = new ArrayList<>();
        String margin = Format.plain(100 * options.margin());
        blocks.add(new Block.Paragraph(Jobs.summary(report) + " Each strategy at its recommended worker count (the "
                + "fewest shown equivalent to its best within ±" + margin + "%, else its best); against the fastest: "
                + "its time / the fastest time, with a " + Format.percent(report.confidence()) + " interval over fork "
                + "means — slower where the interval lies above 1, equivalent where it lies "
                + "within ±" + margin + "%, otherwise undecided (or too noisy to tell), which is not the same."
                + (anyUndecided(report) ? " An undecided one says how many forks each side a new run should measure "
                + "after its pilot to decide it (80% power, planned from these forks)." : "")));
        Set<String> varying = Jobs.varyingParams(report, options);
        boolean severalHosts = Jobs.hosts(report).size() > 1;
        processesAgainstThreads(report, options, varying, severalHosts).ifPresent(table -> {
            blocks.add(new Block.Paragraph("Processes against threads: the process pool's time over the thread "
                    + "pool's on the same job, memory and workers (below 1: the processes were faster), with its "
                    + Format.percent(report.confidence()) + " interval over fork means, n.s. where it contains 1 (not "
                    + "shown to differ, which is not shown to be the same); beside it, what all the JVMs of each "
                    + "allocated per job, their GC time share and, where measured, the resident memory they held at "
                    + "once."));
            blocks.add(new Block.TableBlock(table));
        });
        int index = 0;
        for (Report.Verdict verdict : report.verdicts()) {
            List<List<Cell>> rows = new ArrayList<>();
            List<Report.Row> standingRows = verdict.standings().stream().map(standing -> report.rows().stream()
                    .filter(r -> r.host().equals(verdict.host()) && r.params().equals(verdict.params())
                            && r.label().equals(standing.label()) && r.workers() == standing.workers())
                    .findFirst().orElse(null)).toList();
            boolean usage = standingRows.stream().anyMatch(r -> r != null && r.usage().isPresent());
            for (int s = 0; s < verdict.standings().size(); s++) {
                Report.Standing standing = verdict.standings().get(s);
                List<Cell> cells = new ArrayList<>(List.of(Cell.of(standing.label()),
                        Cell.of(String.valueOf(standing.workers())),
                        Cell.of(Format.time(standing.timeNanos(), standing.timeHalfWidthNanos())),
                        Cells.againstFastest(standing)));
                if (usage) {
                    cells.addAll(Cells.usageCells(standingRows.get(s), false));
                }
                rows.add(cells);
            }
            Report.Standing fastest = verdict.standings().get(0);
            String job = Jobs.jobTitle(verdict.params(), options, varying) + (severalHosts ? " on " + verdict.host() : "");
            List<Column> columns = new ArrayList<>(List.of(Column.text("strategy"), Column.number("workers"),
                    Column.number("time/op (" + Format.percent(report.confidence()) + " CI)"),
                    Column.number("against the fastest")));
            if (usage) {
                columns.addAll(Cells.USAGE_COLUMNS);
            }
            blocks.add(new Block.TableBlock(new Table("answer-" + ++index, job + ": fastest " + fastest.label()
                    + " with " + fastest.workers() + " worker" + (fastest.workers() == 1 ? "" : "s"), columns, rows)));
        }
        if (report.verdicts().isEmpty()) {
            blocks.add(new Block.Paragraph("No job with the parameter " + options.sizeParam() + " was measured: the "
                    + "sections below have what was."));
        }
        return new Section("answer", "The answer", blocks);
    }

    /**
     * The process pool against the thread pool, job by job: the table a run of allocating work is read by, shown
     * where the run measured every JVM's allocation (report.json has the comparison for every run).
     */
    private static java.util.Optional<Table> processesAgainstThreads(Report report, ReportOptions options,
                                                                   Set<String> varying, boolean severalHosts) {
        if (report.processesAgainstThreads().stream().noneMatch(pair -> pair.pool().isPresent()
                || pair.threads().isPresent())) {
            return java.util.Optional.empty();
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Report.ProcessesAgainstThreads pair : report.processesAgainstThreads()) {
            Ratio ratio = pair.poolOverThreads();
            String text = Format.times(ratio.value()) + "×" + Format.interval(ratio);
            rows.add(List.of(Cell.of(Jobs.jobTitle(pair.params(), options, varying)
                            + (severalHosts ? " on " + pair.host() : "")), Cell.of(String.valueOf(pair.workers())),
                    Boolean.TRUE.equals(ratio.significant()) ? new Cell(text, ratio.value() < 1 ? Mark.BEST
                            : Mark.PLAIN) : new Cell(text + " n.s.", Mark.DIM),
                    Cell.of(pair.pool().map(u -> Format.kib(u.bytesPerOp() / 1024)).orElse("") + " / "
                            + pair.threads().map(u -> Format.kib(u.bytesPerOp() / 1024)).orElse("")),
                    Cell.of(pair.pool().map(u -> Format.share(u.gcSharePercent() / 100)).orElse("") + " / "
                            + pair.threads().map(u -> Format.share(u.gcSharePercent() / 100)).orElse(""))));
        }
        List<Column> columns = new ArrayList<>(List.of(Column.text("job"), Column.number("workers"),
                Column.number(Strategies.PROCESS_POOL + " / " + Strategies.THREAD_POOL), Column.number("allocated/op, all JVMs: processes / threads"),
                Column.number("GC time share: processes / threads")));
        boolean resident = report.processesAgainstThreads().stream().anyMatch(pair -> Cells.resident(pair.pool()).isPresent()
                || Cells.resident(pair.threads()).isPresent());
        if (resident) {
            columns.add(Column.number("resident memory, all JVMs: processes / threads"));
            for (int i = 0; i < rows.size(); i++) {
                Report.ProcessesAgainstThreads pair = report.processesAgainstThreads().get(i);
                List<Cell> row = new ArrayList<>(rows.get(i));
                row.add(Cell.of(Cells.resident(pair.pool()).orElse("") + " / " + Cells.resident(pair.threads()).orElse("")));
                rows.set(i, row);
            }
        }
        return java.util.Optional.of(new Table("processes-against-threads", Strategies.PROCESS_POOL + " against " + Strategies.THREAD_POOL,
                columns, rows));
    }
}
