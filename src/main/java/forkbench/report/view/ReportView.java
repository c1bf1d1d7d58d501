package forkbench.report.view;

import forkbench.configuration.ConfigurationKey;
import forkbench.configuration.ParameterValues;
import forkbench.record.MemoryFootprint;
import forkbench.report.markup.Block;
import forkbench.report.markup.Document;
import forkbench.report.markup.Format;
import forkbench.report.markup.Section;
import forkbench.report.markup.Table;
import forkbench.report.markup.Table.Cell;
import forkbench.report.markup.Table.Column;
import forkbench.report.markup.Table.Mark;
import forkbench.record.Precision;
import forkbench.record.RunMetadata;
import forkbench.report.model.DataMovement;
import forkbench.report.model.JvmUsage;
import forkbench.report.model.Ratio;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import forkbench.report.model.ScalingFit;
import forkbench.workload.data.Bytes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A report as a {@link Document}, answer first: the verdict per job, break-even sizes, what each kind of worker
 * costs, the charts, then every configuration grouped by job, the fits, the runs and the warnings grouped by kind.
 * Built once; the Markdown, HTML and CSV writers only write it out.
 */
public final class ReportView {

    /** What the overhead benchmarks measure, per worker, in words. */
    private static final Map<String, String> WORKER_COSTS = Map.ofEntries(
            Map.entry("directCall", "a direct call of the empty task (the baseline)"),
            Map.entry("forkJoinTask", "a ForkJoin task (forkJoin, parallelStream)"),
            Map.entry("threadPoolSubmit", "a task submitted to a running thread pool (threadPool)"),
            Map.entry("virtualThread", "a new virtual thread (virtualThreads)"),
            Map.entry("pooledChildRoundTrip", "one round trip to a pooled child JVM (processPool)"),
            Map.entry("platformThread", "a new platform thread (platformThreads)"),
            Map.entry("coldChildToFirstMessage", "a cold child JVM, up to its first message (processCold)"),
            Map.entry("coldChildrenToFirstMessage", "that many cold child JVMs started at once, up to every first "
                    + "message (processCold with that many workers)"),
            Map.entry("helloWorld", "a bare java HelloWorld, for scale"));

    private ReportView() {
    }

    /**
     * @param charts the chart files ({@code speedup-*.svg}, {@code time-*.svg}) to show, by name
     */
    public static Document of(Report report, ReportOptions options, List<String> charts) {
        List<Section> sections = new ArrayList<>();
        sections.add(answer(report, options));
        // For data jobs, processes against threads across sizes is the answer a reader came for: first, before the
        // per-job tables.
        dataMovement(report, options).ifPresent(data -> sections.add(0, data));
        breakEven(report, options).ifPresent(sections::add);
        costs(report, options).ifPresent(sections::add);
        if (!charts.isEmpty()) {
            sections.add(new Section("charts", "Charts", List.of(new Block.Paragraph("Speedup against workers where "
                    + "parallelism pays at that size (the dotted line is the ideal, min(workers, cores); bars are "
                    + Format.percent(report.confidence()) + " intervals over fork means), and time against "
                    + options.sizeParam() + " on log axes."), new Block.Charts(charts))));
        }
        sections.add(configurations(report, options));
        sections.add(fits(report, options));
        precision(report).ifPresent(sections::add);
        sections.add(runs(report));
        sections.add(warnings(report));
        return new Document("forkbench report", sections);
    }

    /** The verdict: per job, each strategy at its recommended workers, fastest first. */
    private static Section answer(Report report, ReportOptions options) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(summary(report) + " Each strategy at its recommended worker count (the fewest "
                + "not significantly slower than its best); against the fastest: its time / the fastest time, with a "
                + Format.percent(report.confidence()) + " interval over fork means."));
        Set<String> varying = varyingParams(report, options);
        boolean severalHosts = hosts(report).size() > 1;
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
                        againstFastest(standing)));
                if (usage) {
                    cells.addAll(usageCells(standingRows.get(s), false));
                }
                rows.add(cells);
            }
            Report.Standing fastest = verdict.standings().get(0);
            String job = jobTitle(verdict.params(), options, varying) + (severalHosts ? " on " + verdict.host() : "");
            List<Column> columns = new ArrayList<>(List.of(Column.text("strategy"), Column.number("workers"),
                    Column.number("time/op (" + Format.percent(report.confidence()) + " CI)"),
                    Column.number("against the fastest")));
            if (usage) {
                columns.addAll(USAGE_COLUMNS);
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
    public static java.util.Optional<Table> processesAgainstThreads(Report report, ReportOptions options,
                                                                   Set<String> varying, boolean severalHosts) {
        if (report.processesAgainstThreads().stream().noneMatch(pair -> pair.pool().isPresent()
                || pair.threads().isPresent())) {
            return java.util.Optional.empty();
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Report.ProcessesAgainstThreads pair : report.processesAgainstThreads()) {
            Ratio ratio = pair.poolOverThreads();
            String text = Format.times(ratio.value()) + "×" + (ratio.low() == null ? " (no interval)"
                    : " [" + Format.times(ratio.low()) + ", " + Format.times(ratio.high()) + "]");
            rows.add(List.of(Cell.of(jobTitle(pair.params(), options, varying)
                            + (severalHosts ? " on " + pair.host() : "")), Cell.of(String.valueOf(pair.workers())),
                    Boolean.TRUE.equals(ratio.significant()) ? new Cell(text, ratio.value() < 1 ? Mark.BEST
                            : Mark.PLAIN) : new Cell(text + " n.s.", Mark.DIM),
                    Cell.of(pair.pool().map(u -> Format.kib(u.bytesPerOp() / 1024)).orElse("") + " / "
                            + pair.threads().map(u -> Format.kib(u.bytesPerOp() / 1024)).orElse("")),
                    Cell.of(pair.pool().map(u -> Format.share(u.gcSharePercent() / 100)).orElse("") + " / "
                            + pair.threads().map(u -> Format.share(u.gcSharePercent() / 100)).orElse(""))));
        }
        List<Column> columns = new ArrayList<>(List.of(Column.text("job"), Column.number("workers"),
                Column.number("processPool / threadPool"), Column.number("allocated/op, all JVMs: processes / threads"),
                Column.number("GC time share: processes / threads")));
        boolean resident = report.processesAgainstThreads().stream().anyMatch(pair -> resident(pair.pool()).isPresent()
                || resident(pair.threads()).isPresent());
        if (resident) {
            columns.add(Column.number("resident memory, all JVMs: processes / threads"));
            for (int i = 0; i < rows.size(); i++) {
                Report.ProcessesAgainstThreads pair = report.processesAgainstThreads().get(i);
                List<Cell> row = new ArrayList<>(rows.get(i));
                row.add(Cell.of(resident(pair.pool()).orElse("") + " / " + resident(pair.threads()).orElse("")));
                rows.set(i, row);
            }
        }
        return java.util.Optional.of(new Table("processes-against-threads", "processPool against threadPool",
                columns, rows));
    }

    private static java.util.Optional<String> resident(java.util.Optional<JvmUsage> usage) {
        return usage.flatMap(JvmUsage::residentBytes).map(bytes -> Format.kib(bytes / 1024));
    }

    /** What every JVM allocated and collected: in the answer, the two figures that decide; in full, all four. */
    private static final List<Column> USAGE_COLUMNS = List.of(Column.number("allocated/op, all JVMs"),
            Column.number("GC time share"));
    private static final List<Column> USAGE_COLUMNS_IN_FULL = List.of(Column.number("allocated/op, all JVMs"),
            Column.number("of which children"), Column.number("GC time/op"), Column.number("GC time share"));

    private static List<Cell> usageCells(Report.Row row, boolean full) {
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

    private static Cell againstFastest(Report.Standing standing) {
        Ratio ratio = standing.againstFastest();
        if (ratio == null) {
            return new Cell("fastest", Mark.BEST);
        }
        String value = Format.times(ratio.value()) + "× slower";
        if (ratio.low() == null) {
            return new Cell(value + " (no interval)", Mark.DIM);
        }
        String interval = " [" + Format.times(ratio.low()) + ", " + Format.times(ratio.high()) + "]";
        return Boolean.TRUE.equals(standing.distinguishable()) ? Cell.of(value + interval)
                : new Cell("not distinguishable" + interval, Mark.DIM);
    }

    /** One line: the runs, their host and cores, the forks behind the numbers. */
    private static String summary(Report report) {
        int fewest = report.rows().stream().mapToInt(Report.Row::forks).min().orElse(0);
        int most = report.rows().stream().mapToInt(Report.Row::forks).max().orElse(0);
        List<String> machines = new ArrayList<>();
        for (Report.Run run : report.runs()) {
            RunMetadata m = run.metadata();
            double cores = m == null ? 0 : m.usableCores();
            String machine = m == null ? run.host() + " (no metadata)" : run.host() + ", "
                    + (cores == Math.rint(cores) ? String.valueOf((long) cores) : Format.digits(cores))
                    + (cores == 1 ? " core, " : " cores, ") + m.jdk();
            if (!machines.contains(machine)) {
                machines.add(machine);
            }
        }
        return "Measured on " + String.join("; ", machines) + ", " + (fewest == most ? fewest + "" : fewest + "-"
                + most) + (most == 1 ? " fork" : " forks") + " per configuration.";
    }

    private static java.util.Optional<Section> breakEven(Report report, ReportOptions options) {
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

    /**
     * For data jobs: throughput per strategy, each process strategy against the best thread strategy and against
     * the pipe's floor, and the size from which it matches the threads.
     */
    private static java.util.Optional<Section> dataMovement(Report report, ReportOptions options) {
        DataMovement data = DataMovement.of(report, options);
        if (data.isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean severalHosts = hosts(report).size() > 1;
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(summary(report) + " Jobs whose input (" + options.sizeParam()
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
                    + "one pipe (pipeToChild), and copied within the heap (heapCopy)", List.of(Column.text("floor"),
                    Column.number("bytes"), Column.number("time (" + Format.percent(report.confidence()) + " CI)"),
                    Column.number("GB/s")), rows)));
        }
        int index = 0;
        for (DataMovement.Group group : data.groups()) {
            boolean copy = group.transport().equals("copy");
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
                    String interval = ratio.low() == null || ratio.high() == null ? " (no interval)"
                            : " [" + Format.times(ratio.low()) + ", " + Format.times(ratio.high()) + "]";
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

    /** Benchmarks without a size: what each kind of worker costs, beside the memory each one takes. */
    private static java.util.Optional<Section> costs(Report report, ReportOptions options) {
        List<Report.Row> overheads = !hasSizes(report, options) ? List.of() : report.rows().stream()
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
                rows.add(List.of(Cell.of(name), Cell.of(WORKER_COSTS.getOrDefault(r.label(), "")),
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

    /** Every configuration, one table per job (host and parameters). */
    private static Section configurations(Report report, ReportOptions options) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph("Time is per operation of the whole system, the mean of the fork means, ± "
                + "the half-width of its " + Format.percent(report.confidence()) + " interval over fork means; within"
                + " / between: the noise of iterations within a fork and the spread of fork means, relative to the "
                + "mean. Speedups are ratios of mean times with Fieller intervals, n.s. when the interval contains 1; "
                + "⚠ marks one past the physical limit min(workers, cores). Efficiency is speedup / min(workers, "
                + "cores)."));
        boolean severalHosts = hosts(report).size() > 1;
        boolean sized = hasSizes(report, options);
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
                .thenComparing((a, b) -> compareGroups(a.getKey().params(), b.getKey().params(),
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
                        ratio(r.speedup(), r.speedupBeyondLimit()), ratio(r.selfSpeedup(), r.selfSpeedupBeyondLimit()),
                        r.efficiency() != null && r.efficiency() > 1 ? new Cell(Format.number(r.efficiency(), 2),
                                Mark.WARN) : Cell.of(Format.number(r.efficiency(), 2)),
                        r.karpFlatt() != null && r.karpFlatt() < 0 ? new Cell(Format.number(r.karpFlatt(), 3),
                                Mark.WARN) : Cell.of(Format.number(r.karpFlatt(), 3)),
                        Cell.of(notes(r))));
                if (usage) {
                    cells.addAll(usageCells(r, true));
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
                columns.addAll(USAGE_COLUMNS_IN_FULL);
            }
            blocks.add(new Block.TableBlock(new Table("configurations-" + ++index, title, columns, rows)));
        }
        return new Section("configurations", "Every configuration", blocks);
    }

    private static Cell ratio(Ratio ratio, boolean beyondLimit) {
        if (ratio == null) {
            return Cell.of("");
        }
        String text = Format.ratio(ratio);
        return beyondLimit ? new Cell(text, Mark.WARN)
                : Boolean.FALSE.equals(ratio.significant()) ? new Cell(text, Mark.DIM) : Cell.of(text);
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

    private static Section fits(Report report, ReportOptions options) {
        List<List<Cell>> rows = new ArrayList<>();
        boolean sized = hasSizes(report, options);
        for (Report.Scaling s : report.scaling()) {
            if (sized && !s.params().containsKey(options.sizeParam())) {
                continue;
            }
            rows.add(List.of(Cell.of(s.label()), Cell.of(ParameterValues.describe(s.params())),
                    Cell.of(String.valueOf(s.recommendedWorkers())), Cell.of(String.valueOf(s.bestWorkers())),
                    Cell.of(s.recommendation()), fit(s.amdahl()), fit(s.usl())));
        }
        return new Section("fits", "Recommended workers and scaling fits", List.of(new Block.Paragraph(
                "Recommended: the fewest workers not significantly slower than the best, judged on the difference's "
                        + "fork-level interval. Fits of throughput X(N) by least squares with λ free: Amdahl's σ (on "
                        + "min(workers, cores), in [0, 1]) and the USL's σ and κ, each ± its half-width; a model needs "
                        + "2 residual degrees of freedom, and one with R² below " + Format.number(
                        ScalingFit.MEANINGFUL_R_SQUARED, 1) + " does not describe the data and is not drawn."),
                new Block.TableBlock(new Table("fits", null, List.of(Column.text("strategy"), Column.text("params"),
                        Column.number("recommended"), Column.number("best"), Column.text("why"),
                        Column.text("Amdahl"), Column.text("USL")), rows))));
    }

    private static Cell fit(ScalingFit fit) {
        return switch (fit) {
            case ScalingFit.NotFitted not -> new Cell("not fitted: " + not.reason(), Mark.DIM);
            case ScalingFit.Fitted made -> {
                StringBuilder text = new StringBuilder("σ = ")
                        .append(withHalfWidth(made.sigma(), made.halfWidth(made.sigmaError())));
                if (forkbench.report.model.ScalingFitter.USL.equals(made.model())) {
                    text.append(", κ = ").append(withHalfWidth(made.kappa(), made.halfWidth(made.kappaError())));
                    if (made.peakWorkers() != null) {
                        text.append(", peak at ").append(Format.number(made.peakWorkers(), 1)).append(" workers");
                    }
                }
                text.append(", R² = ").append(Format.number(made.rSquared(), 3));
                yield made.describesData() ? Cell.of(text.toString())
                        : new Cell(text + " (does not describe the data)", Mark.DIM);
            }
        };
    }

    private static String withHalfWidth(Double value, Double half) {
        return Format.scientific(value) + (half == null ? "" : " ± " + Format.scientific(half));
    }

    private static java.util.Optional<Section> precision(Report report) {
        List<Block> blocks = new ArrayList<>();
        for (Report.Run run : report.runs()) {
            Precision p = run.metadata() == null ? null : run.metadata().precision();
            if (p == null) {
                continue;
            }
            blocks.add(new Block.Paragraph(run.source() + ": target ±" + Format.digits(p.targetPercent()) + "% over "
                    + "fork means; " + p.converged() + " of " + p.configurations().size() + " configurations reached "
                    + "it; stopped: " + p.stopped() + (p.plan() == null ? "" : "; plan after the pilot: " + p.plan())
                    + "."));
            List<List<Cell>> rows = p.configurations().stream().filter(c -> !c.converged())
                    .map(c -> List.of(Cell.of(c.configuration()), Cell.of(String.valueOf(c.forks())),
                            Cell.of(c.halfWidthPercent() == null ? "no interval"
                                    : "±" + Format.fixed(c.halfWidthPercent(), 1) + "%"))).toList();
            if (!rows.isEmpty()) {
                blocks.add(new Block.TableBlock(new Table("precision-" + blocks.size(), "Not converged",
                        List.of(Column.text("configuration"), Column.number("forks"),
                                Column.number("half-width reached")), rows)));
            }
        }
        return blocks.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new Section("precision", "Precision reached", blocks));
    }

    private static Section runs(Report report) {
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
    private static Section warnings(Report report) {
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

    /** Whether some row has the size parameter: a forkbench comparison, not a generic sweep. */
    private static boolean hasSizes(Report report, ReportOptions options) {
        return report.rows().stream().anyMatch(r -> r.params().containsKey(options.sizeParam()));
    }

    private static Set<String> hosts(Report report) {
        return report.rows().stream().map(Report.Row::host).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The parameters that vary between verdicts (the size, and a kernel if several were measured). */
    private static Set<String> varyingParams(Report report, ReportOptions options) {
        Map<String, Set<String>> values = new TreeMap<>();
        report.verdicts().forEach(v -> v.params().forEach((name, value) ->
                values.computeIfAbsent(name, k -> new TreeSet<>()).add(value)));
        Set<String> varying = new TreeSet<>();
        values.forEach((name, set) -> {
            if (set.size() > 1 || name.equals(options.sizeParam())) {
                varying.add(name);
            }
        });
        return varying;
    }

    private static String jobTitle(Map<String, String> params, ReportOptions options, Set<String> varying) {
        List<String> parts = new ArrayList<>();
        String size = params.get(options.sizeParam());
        java.math.BigDecimal bytes = ParameterValues.number(size);
        if (size != null) {
            // A data job's size is in bytes, and reads best in binary units.
            parts.add(options.sizeParam() + " = " + (params.containsKey(DataMovement.TRANSPORT) && bytes != null
                    ? Bytes.describe(bytes.longValue()) : Format.powerOfTen(size)));
        }
        params.forEach((name, value) -> {
            if (!name.equals(options.sizeParam()) && varying.contains(name)) {
                parts.add(name + " = " + value);
            }
        });
        return String.join(", ", parts);
    }

    /** Jobs by size first (numerically), then by their other parameters. */
    private static int compareGroups(Map<String, String> a, Map<String, String> b, String sizeParam) {
        String sa = a.get(sizeParam);
        String sb = b.get(sizeParam);
        if (sa == null || sb == null) {
            return sa == null ? (sb == null ? ParameterValues.compare(a, b) : 1) : -1;
        }
        int bySize = ParameterValues.compare(sa, sb);
        return bySize != 0 ? bySize : ParameterValues.compare(a, b);
    }
}
