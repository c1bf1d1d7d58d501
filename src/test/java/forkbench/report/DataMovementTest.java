package forkbench.report;

import forkbench.report.export.MarkdownWriter;
import forkbench.report.model.DataMovement;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import forkbench.report.view.ReportView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Throughput, process strategies against the best thread strategy, the pipe floor and the crossover, by hand. */
class DataMovementTest {

    @TempDir
    Path dir;

    /**
     * 1 MiB and 1 GiB of input under copy: threads take 0.1 ms and 100 ms; the pool 10 ms (100x) and 105 ms (1.05x);
     * the pipe moves 1 GiB in 1000 ms. Three forks each, spread ±1%.
     */
    private JmhJson fixture() {
        JmhJson json = new JmhJson();
        long[] sizes = {1L << 20, 1L << 30};
        double[] threads = {0.1, 100};
        double[] pool = {10, 105};
        for (int i = 0; i < sizes.length; i++) {
            Map<String, String> job = Map.of("dataKernel", "checksum", "n", String.valueOf(sizes[i]),
                    "transport", "copy");
            json.add("b.DataBenchmark.sequential", "avgt", "ms/op", 1, job, forks(threads[i] * 2));
            json.add("b.DataBenchmark.threadPool", "avgt", "ms/op", 1, with(job, "workers", "2"), forks(threads[i]));
            json.add("b.DataBenchmark.processPool", "avgt", "ms/op", 1, with(job, "workers", "2"), forks(pool[i]));
        }
        json.add("b.TransportAnchors.pipeToChild", "avgt", "ms/op", 1, Map.of("bytes", String.valueOf(1L << 30)),
                forks(1000));
        return json;
    }

    @Test
    void processStrategiesAreSetAgainstTheBestThreadStrategyAndThePipeFloor() throws Exception {
        Report report = Reporter.build(List.of(fixture().write(dir.resolve("run.json"))), "workers",
                ReportOptions.defaults());
        DataMovement data = DataMovement.of(report, ReportOptions.defaults());

        assertEquals(1, data.anchors().size());
        assertEquals((1L << 30) / 1e9, data.anchors().get(0).gigabytesPerSecond(), 1e-9);
        DataMovement.Group group = data.groups().get(0);
        assertEquals("copy", group.transport());
        DataMovement.Point large = group.points().get(1);
        assertEquals(1L << 30, large.bytes());
        assertEquals("threadPool", large.bestThread());
        assertEquals((1L << 30) / 100e6, large.bestThreadGbps(), 1e-9);
        DataMovement.Versus pool = large.processes().get(0);
        assertEquals("processPool", pool.label());
        assertEquals(1.05, pool.againstBestThread().value(), 1e-9);
        assertTrue(pool.againstBestThread().low() < 1.05 && pool.againstBestThread().high() > 1.05);
        // 1 GiB in 105 ms through two pipes, against 1 GiB in 1000 ms through one.
        assertEquals(1000 / 105.0 / 2, pool.ofPipeFloor(), 1e-9);
        // Within 1.10x only at the larger size: that is where it crosses over.
        assertEquals(1L << 30, group.crossover().get("processPool"));
    }

    @Test
    void aProcessStrategyNeverWithinReachHasNoCrossoverAndTheReportSaysSo() throws Exception {
        JmhJson json = new JmhJson();
        Map<String, String> job = Map.of("dataKernel", "hash", "n", "1048576", "transport", "shared");
        json.add("b.DataBenchmark.threadPool", "avgt", "ms/op", 1, with(job, "workers", "2"), forks(1));
        json.add("b.DataBenchmark.processCold", "avgt", "ms/op", 1, with(job, "workers", "2"), forks(50));
        Report report = Reporter.build(List.of(json.write(dir.resolve("run.json"))), "workers",
                ReportOptions.defaults());
        DataMovement.Group group = DataMovement.of(report, ReportOptions.defaults()).groups().get(0);
        assertNull(group.crossover().get("processCold"));
        assertTrue(group.crossover().containsKey("processCold"));
        assertNull(group.points().get(0).processes().get(0).ofPipeFloor(), "no pipe floor under shared");

        String markdown = MarkdownWriter.write(ReportView.of(report, ReportOptions.defaults(), List.of()));
        assertTrue(markdown.contains("## When data moves"), markdown);
        assertTrue(markdown.contains("processCold never within 1.10× of the threads at the sizes measured"), markdown);
        assertTrue(markdown.contains("| 1 MiB | threadPool ×2 |"), markdown);
    }

    @Test
    void reportsWithoutDataJobsHaveNoSuchSection() throws Exception {
        JmhJson json = new JmhJson();
        json.add("b.S.sequential", "avgt", "ms/op", 1, Map.of("n", "100"), forks(10));
        Report report = Reporter.build(List.of(json.write(dir.resolve("run.json"))), "workers",
                ReportOptions.defaults());
        assertTrue(DataMovement.of(report, ReportOptions.defaults()).isEmpty());
        assertFalse(report.verdicts().isEmpty());
    }

    private static double[][] forks(double mean) {
        return new double[][] {{mean * 0.99}, {mean}, {mean * 1.01}};
    }

    private static Map<String, String> with(Map<String, String> params, String name, String value) {
        Map<String, String> all = new java.util.TreeMap<>(params);
        all.put(name, value);
        return all;
    }
}
