package forkbench.report.model;

import forkbench.statistics.Ratio;
import forkbench.configuration.BenchmarkNames;
import forkbench.configuration.ConfigurationKey;
import forkbench.configuration.ParameterValues;
import forkbench.strategy.Strategies;
import forkbench.strategy.StrategyType;
import forkbench.workload.data.Transport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What moving data costs, read off a report's verdicts for data jobs (those with a {@value #TRANSPORT} parameter,
 * whose size is in bytes): each strategy's throughput, each process strategy against the best thread strategy,
 * the size from which it matches it, and the floors measured beside them ({@code TransportAnchors}).
 *
 * @param anchors the floors, by benchmark and size
 * @param groups  one per host, data kernel and transport, sizes ascending
 */
public record DataMovement(List<Anchor> anchors, List<Group> groups) {

    public static final String TRANSPORT = "transport";
    /** No data job measured. */
    public static final DataMovement NONE = new DataMovement(List.of(), List.of());
    /** Within this of the best thread strategy counts as matching it. */
    public static final double MATCH = 1.10;
    private static final List<String> ANCHORS = List.of(BenchmarkNames.PIPE_TO_CHILD, BenchmarkNames.HEAP_COPY);
    private static final List<String> PROCESSES = List.of(Strategies.PROCESS_POOL, Strategies.PROCESS_COLD);

    /** A floor: {@code bytes} moved in {@code timeNanos}, so bytes per nanosecond is GB/s. */
    public record Anchor(String host, String label, long bytes, double timeNanos, Double timeHalfWidthNanos) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public double gigabytesPerSecond() {
            return bytes / timeNanos;
        }
    }

    /** One job size: every strategy's throughput, and each process strategy against the best thread strategy. */
    public record Point(long bytes, String bestThread, int bestThreadWorkers, double bestThreadGbps,
                        List<Versus> processes) {
    }

    /**
     * A process strategy at one size.
     *
     * @param againstBestThread its time / the best thread strategy's, with an interval when both were in one verdict
     *                          comparison (the fastest is one of the two)
     * @param ofPipeFloor       under copy, its throughput per child (each has a pipe of its own) over the floor of
     *                          one pipe: at most 1 unless a child moves bytes faster than the floor ({@code null}
     *                          without an anchor)
     */
    public record Versus(String label, int workers, double gbps, Ratio againstBestThread, Double ofPipeFloor) {
    }

    /**
     * @param crossover per process strategy, the smallest size from which it is within {@link #MATCH} of the best
     *                  thread strategy there and at every larger size ({@code null}: at no size measured)
     */
    public record Group(String host, Map<String, String> params, String transport, List<Point> points,
                        Map<String, Long> crossover) {
    }

    public static DataMovement of(Report report, ReportOptions options) {
        List<Anchor> anchors = new ArrayList<>();
        for (Report.Row row : report.rows()) {
            BigDecimal bytes = ParameterValues.number(row.params().get("bytes"));
            if (ANCHORS.contains(row.label()) && bytes != null) {
                anchors.add(new Anchor(row.host(), row.label(), bytes.longValue(), row.timeNanos(),
                        row.timeHalfWidthNanos()));
            }
        }
        // One group per host and parameters other than the size; the verdicts come sizes ascending.
        Map<ConfigurationKey, List<Report.Verdict>> byJob = new LinkedHashMap<>();
        for (Report.Verdict verdict : report.verdicts()) {
            if (verdict.params().containsKey(TRANSPORT)) {
                byJob.computeIfAbsent(ConfigurationKey.job(verdict.host(), verdict.params())
                        .without(options.sizeParam()), k -> new ArrayList<>()).add(verdict);
            }
        }
        List<Group> groups = new ArrayList<>();
        byJob.forEach((key, verdicts) -> {
            String host = key.host();
            Map<String, String> params = key.params();
            String transport = params.get(TRANSPORT);
            Optional<Anchor> pipe = anchors.stream()
                    .filter(a -> a.host().equals(host) && a.label().equals(BenchmarkNames.PIPE_TO_CHILD))
                    .max((a, b) -> Long.compare(a.bytes(), b.bytes()));
            List<Point> points = new ArrayList<>();
            for (Report.Verdict verdict : verdicts) {
                point(verdict, options, transport.equals(Transport.COPY.id()) ? pipe.orElse(null) : null)
                        .ifPresent(points::add);
            }
            groups.add(new Group(host, params, transport, List.copyOf(points), crossover(points)));
        });
        return new DataMovement(List.copyOf(anchors), List.copyOf(groups));
    }

    private static Optional<Point> point(Report.Verdict verdict, ReportOptions options, Anchor pipe) {
        BigDecimal size = ParameterValues.number(verdict.params().get(options.sizeParam()));
        if (size == null) {
            return Optional.empty();
        }
        long bytes = size.longValue();
        Report.Standing fastest = verdict.standings().get(0);
        Report.Standing thread = verdict.standings().stream().filter(s -> !isProcess(s.label())).findFirst()
                .orElse(null);
        if (thread == null) {
            return Optional.empty();
        }
        List<Versus> processes = new ArrayList<>();
        for (String label : PROCESSES) {
            verdict.standings().stream().filter(s -> s.label().equals(label)).findFirst().ifPresent(process -> {
                Ratio ratio;
                if (thread == fastest) {
                    ratio = process.againstFastest();
                } else if (process == fastest) {
                    ratio = thread.againstFastest().inverse();
                } else {
                    ratio = Ratio.withoutInterval(process.timeNanos() / thread.timeNanos());
                }
                double gbps = bytes / process.timeNanos();
                processes.add(new Versus(label, process.workers(), gbps, ratio,
                        pipe == null ? null : gbps / process.workers() / pipe.gigabytesPerSecond()));
            });
        }
        return Optional.of(new Point(bytes, thread.label(), thread.workers(), bytes / thread.timeNanos(),
                List.copyOf(processes)));
    }

    /** From which size on each process strategy stays within {@link #MATCH} of the best thread strategy. */
    private static Map<String, Long> crossover(List<Point> points) {
        Map<String, Long> crossover = new LinkedHashMap<>();
        for (String label : PROCESSES) {
            Long from = null;
            boolean measured = false;
            for (Point point : points) {
                Optional<Versus> versus = point.processes().stream().filter(v -> v.label().equals(label)).findFirst();
                if (versus.isEmpty()) {
                    continue;
                }
                measured = true;
                if (versus.get().againstBestThread().value() <= MATCH) {
                    from = from == null ? point.bytes() : from;
                } else {
                    from = null;
                }
            }
            if (measured) {
                crossover.put(label, from);
            }
        }
        return crossover;
    }

    /** Whether {@code label} is one of the floors, which the report shows here rather than among worker costs. */
    public static boolean isAnchor(String label) {
        return ANCHORS.contains(label);
    }

    private static boolean isProcess(String label) {
        return StrategyType.isProcess(label);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return groups.isEmpty() && anchors.isEmpty();
    }
}
