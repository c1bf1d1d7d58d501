package forkbench.benchmarks;

import forkbench.report.Reporter;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * How long {@code report} takes over a big sweep: {@code results} JMH results (strategies x sizes x worker counts,
 * 2 forks x 5 iterations each) read, analysed, fitted and rendered to all four formats. Single-shot, because a user
 * runs a report once, cold JIT and all; the target is 10,000 results in under 3 s.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 5)
@Fork(3)
@State(Scope.Benchmark)
public class ReportBenchmark {

    private static final int WORKER_COUNTS = 10;
    private static final int SIZES = 20;

    @Param({"10000"})
    public int results;

    private Path file;

    /** Written by hand, not with Jackson: the setup must not warm up the code the measurement runs cold. */
    @Setup(Level.Trial)
    public void writeSweep() throws IOException {
        Random random = new Random(1);
        int strategies = Math.max(1, results / (WORKER_COUNTS * SIZES));
        StringBuilder json = new StringBuilder("[");
        int written = 0;
        for (int s = 0; s < strategies && written < results; s++) {
            for (int size = 0; size < SIZES && written < results; size++) {
                for (int w = 1; w <= WORKER_COUNTS && written < results; w++, written++) {
                    double millis = (1 + size) * (1 + 0.05 * (w - 1) + 0.002 * w * (w - 1)) / w;
                    json.append(written == 0 ? "\n" : ",\n")
                            .append("{\"benchmark\": \"sweep.Strategies.strategy").append(s)
                            .append("\", \"mode\": \"avgt\", \"threads\": 1, \"forks\": 2, \"params\": {\"n\": \"")
                            .append(1000L << size).append("\", \"workers\": \"").append(w)
                            .append("\"}, \"primaryMetric\": {\"score\": ").append(millis)
                            .append(", \"scoreUnit\": \"ms/op\", \"rawData\": [");
                    for (int fork = 0; fork < 2; fork++) {
                        json.append(fork == 0 ? "[" : ", [");
                        for (int i = 0; i < 5; i++) {
                            json.append(i == 0 ? "" : ", ").append(millis * (1 + 0.02 * random.nextGaussian()));
                        }
                        json.append(']');
                    }
                    json.append("]}}");
                }
            }
        }
        file = Files.createTempFile("forkbench-report-sweep-", ".json");
        Files.writeString(file, json.append("\n]\n"));
    }

    @TearDown(Level.Trial)
    public void deleteSweep() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public Map<String, String> report() throws Exception {
        ReportOptions options = ReportOptions.defaults();
        Report report = Reporter.build(List.of(file), "workers", options);
        if (report.rows().size() != results) {
            throw new IllegalStateException("the report has " + report.rows().size() + " rows for " + results
                    + " results");
        }
        return Reporter.render(report, options);
    }
}
