package forkbench.report;

import forkbench.report.model.JvmUsage;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The profiler's figures read from JMH's JSON, and the pools set side by side at each memory. */
class ProcessesAgainstThreadsTest {

    @TempDir
    Path dir;

    private static final ReportOptions OPTIONS = new ReportOptions("sequential", "n", 2.0, 0.95);

    /** Three forks of two iterations each, every iteration at this value. */
    private static double[][] forks(double... forkValues) {
        double[][] forks = new double[forkValues.length][];
        for (int f = 0; f < forkValues.length; f++) {
            forks[f] = new double[] {forkValues[f], forkValues[f]};
        }
        return forks;
    }

    private static Map<String, double[][]> usage(double bytes, double childBytes, double share) {
        return Map.of("fb.alloc.norm", forks(bytes, bytes, bytes), "fb.alloc.children.norm",
                forks(childBytes, childBytes, childBytes), "fb.gc.count.norm", forks(2, 2, 2), "fb.gc.time.norm",
                forks(1.5, 1.5, 1.5), "fb.gc.share", forks(share, share, share), "fb.resident",
                forks(childBytes > 0 ? 400 << 20 : 200 << 20, childBytes > 0 ? 400 << 20 : 200 << 20,
                        childBytes > 0 ? 400 << 20 : 200 << 20));
    }

    private Report report() throws Exception {
        JmhJson json = new JmhJson();
        for (String heap : List.of("256m", "1g")) {
            Map<String, String> job = Map.of("n", "100", "heap", heap, "workers", "2");
            json.add("b.S.threadPool", "avgt", "ms/op", 1, job, forks(9.8, 10, 10.2), usage(3e8, 0, 2.0));
            json.add("b.S.processPool", "avgt", "ms/op", 1, job,
                    heap.equals("256m") ? forks(7.8, 8, 8.2) : forks(9.7, 10, 10.3), usage(3.1e8, 3.09e8, 4.0));
        }
        json.add("b.S.sequential", "avgt", "ms/op", 1, Map.of("n", "100", "heap", "256m"), forks(19, 20, 21));
        return Reporter.build(List.of(json.write(dir.resolve("run.json"))), "workers", OPTIONS);
    }

    @Test
    void eachJobAndMemoryHasThePoolsTimeOverTheThreadsAndWhatEveryJvmAllocated() throws Exception {
        Report report = report();
        assertEquals(2, report.processesAgainstThreads().size());
        Report.ProcessesAgainstThreads small = report.processesAgainstThreads().stream()
                .filter(p -> p.params().get("heap").equals("256m")).findFirst().orElseThrow();
        assertEquals(0.8, small.poolOverThreads().value(), 1e-9);
        assertTrue(small.poolOverThreads().significant(), "8 ms against 10, three forks each");
        JvmUsage pool = small.pool().orElseThrow();
        assertEquals(3.1e8, pool.bytesPerOp(), 1);
        assertEquals(3.09e8, pool.childBytesPerOp(), 1);
        assertEquals(4.0, pool.gcSharePercent(), 1e-9);
        assertEquals(3, pool.forks());
        assertEquals(0.0, small.threads().orElseThrow().childBytesPerOp(), 1e-9);
        Report.ProcessesAgainstThreads large = report.processesAgainstThreads().stream()
                .filter(p -> p.params().get("heap").equals("1g")).findFirst().orElseThrow();
        assertTrue(!large.poolOverThreads().significant(), "10 ms against 10: not shown to differ");
        assertTrue(report.rows().stream().filter(r -> !r.label().equals("sequential"))
                .allMatch(r -> r.usage().isPresent()), "every pool row carries its usage");
        assertTrue(report.rows().stream().filter(r -> r.label().equals("sequential"))
                .allMatch(r -> r.usage().isEmpty()), "a row the profiler did not measure has none");
    }

    @Test
    void everyFormatShowsTheComparisonAndReportJsonHoldsItsNumbers() throws Exception {
        Map<String, String> outputs = Reporter.render(report(), OPTIONS);
        String processes = outputs.get(Reporter.PROCESSES);
        assertTrue(processes.contains("| n = 100, heap = 1g | 2 | 1.00× ["), processes);
        assertTrue(processes.contains("| n = 100, heap = 256m | 2 | **0.80× ["), processes);
        assertTrue(processes.contains("296 MiB / 286 MiB"), processes);
        assertTrue(processes.contains("| 4.0% / 2.0% | 400 MiB / 200 MiB |"), "resident memory of all JVMs: "
                + processes);
        assertTrue(outputs.get("report.html").contains("processPool against threadPool"));
        String json = outputs.get("report.json");
        assertTrue(json.contains("\"processesAgainstThreads\"") && json.contains("\"poolOverThreads\"")
                && json.contains("\"gcSharePercent\" : 4.0"), json);
        assertTrue(outputs.containsKey("csv/processes-against-threads.csv"));
    }

    @Test
    void aReportWithoutBothPoolsWritesNoProcessesFile() throws Exception {
        JmhJson json = new JmhJson();
        json.add("b.S.threadPool", "avgt", "ms/op", 1, Map.of("n", "100", "workers", "2"), forks(9, 10, 11));
        Report report = Reporter.build(List.of(json.write(dir.resolve("threads.json"))), "workers", OPTIONS);
        assertEquals(List.of(), report.processesAgainstThreads());
        assertTrue(!Reporter.render(report, OPTIONS).containsKey(Reporter.PROCESSES));
    }
}
