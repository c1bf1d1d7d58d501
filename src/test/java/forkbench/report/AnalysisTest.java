package forkbench.report;

import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalysisTest {

    @TempDir
    Path dir;

    /** Sequential {9, 10, 11} ms; the strategy {4.5, 5, 5.5} ms with 2 workers and {9.5, 10, 10.5} ms with 1. */
    private JmhJson handFixture(String mode) {
        JmhJson json = new JmhJson();
        if (mode.equals("avgt")) {
            json.add("b.S.sequential", "avgt", "ms/op", 1, Map.of("n", "100"), new double[][] {{9, 10, 11}});
            json.add("b.S.pool", "avgt", "ms/op", 1, Map.of("n", "100", "workers", "1"),
                    new double[][] {{9.5, 10}, {10.5}});
            json.add("b.S.pool", "avgt", "ms/op", 1, Map.of("n", "100", "workers", "2"),
                    new double[][] {{4.5, 5, 5.5}});
        } else {
            // The same timings, written as throughput in ops/s.
            json.add("b.S.sequential", "thrpt", "ops/s", 1, Map.of("n", "100"),
                    new double[][] {{1000 / 9.0, 1000 / 10.0, 1000 / 11.0}});
            json.add("b.S.pool", "thrpt", "ops/s", 1, Map.of("n", "100", "workers", "1"),
                    new double[][] {{1000 / 9.5, 1000 / 10.0}, {1000 / 10.5}});
            json.add("b.S.pool", "thrpt", "ops/s", 1, Map.of("n", "100", "workers", "2"),
                    new double[][] {{1000 / 4.5, 1000 / 5.0, 1000 / 5.5}});
        }
        return json;
    }

    private Report report(JmhJson json, ReportOptions options) throws Exception {
        return Reporter.build(List.of(json.write(dir.resolve("run.json"))), "workers", options);
    }

    private static Report.Row row(Report report, String label, int workers) {
        return report.rows().stream().filter(r -> r.label().equals(label) && r.workers() == workers)
                .findFirst().orElseThrow();
    }

    @Test
    void speedupsAndIntervalsByHand() throws Exception {
        Report report = report(handFixture("avgt"), new ReportOptions("sequential", "n", 2.0, 0.95));
        Report.Row two = row(report, "pool", 2);
        // Fieller's interval for 10/5 from these samples, worked out in RatioTest.
        assertEquals(2.0, two.speedup().value(), 1e-9);
        assertEquals(1.590396, two.speedup().low(), 1e-6);
        assertEquals(2.515096, two.speedup().high(), 1e-6);
        assertTrue(two.speedup().significant());
        assertEquals(5e6, two.timeNanos(), 1e-3);
        // Against its own 1-worker mean of 10 ms: also 2.0; efficiency = 2 / min(2 workers, 2 cores) = 1.
        assertEquals(2.0, two.selfSpeedup().value(), 1e-9);
        assertEquals(1.0, two.efficiency(), 1e-9);
        // Karp-Flatt with S = 2, p = 2: (1/2 - 1/2) / (1 - 1/2) = 0, no serial fraction.
        assertEquals(0.0, two.karpFlatt(), 1e-9);

        Report.Row one = row(report, "pool", 1);
        assertEquals(1.0, one.speedup().value(), 1e-9);
        assertFalse(one.speedup().significant());
        assertNull(one.selfSpeedup());

        Report.Scaling scaling = report.scaling().get(0);
        assertEquals(2, scaling.bestWorkers());
        assertEquals(2, scaling.recommendedWorkers());
        assertFalse(scaling.usl().fitted());
        assertEquals("needs at least 4 distinct worker counts, has 2", scaling.usl().note());

        Report.BreakEven breakEven = report.breakEven().get(0);
        assertEquals("100", breakEven.size());
        assertEquals(2, breakEven.workers());
    }

    @Test
    void avgtAndThrptRecordsOfTheSameTimingsGiveTheSameSpeedups() throws Exception {
        Report avgt = report(handFixture("avgt"), ReportOptions.defaults());
        Report thrpt = report(handFixture("thrpt"), ReportOptions.defaults());
        assertEquals(avgt.rows().size(), thrpt.rows().size());
        for (int i = 0; i < avgt.rows().size(); i++) {
            Report.Row a = avgt.rows().get(i);
            Report.Row t = thrpt.rows().get(i);
            assertEquals(a.timeNanos(), t.timeNanos(), a.timeNanos() * 1e-9);
            if (a.speedup() != null) {
                assertEquals(a.speedup().value(), t.speedup().value(), 1e-9);
                assertEquals(a.speedup().low(), t.speedup().low(), 1e-9);
                assertEquals(a.speedup().high(), t.speedup().high(), 1e-9);
            }
        }
    }

    @Test
    void theRecommendationIsTheFewestWorkersWithinTheBestInterval() throws Exception {
        JmhJson json = new JmhJson()
                .add("b.S.pool", "avgt", "ms/op", 1, Map.of("workers", "1"), new double[][] {{10, 10.1, 9.9}})
                .add("b.S.pool", "avgt", "ms/op", 1, Map.of("workers", "2"), new double[][] {{5.05, 5.0, 4.95}})
                .add("b.S.pool", "avgt", "ms/op", 1, Map.of("workers", "4"), new double[][] {{4.9, 5.1, 4.8}});
        Report report = report(json, ReportOptions.defaults());
        Report.Scaling scaling = report.scaling().get(0);
        assertEquals(4, scaling.bestWorkers());
        assertEquals(2, scaling.recommendedWorkers());
        assertTrue(report.scaling().get(0).amdahl().fitted());
    }

    @Test
    void aThreadsSweepWithoutWorkerParameterOrBaselineIsReportedToo() throws Exception {
        JmhJson json = new JmhJson();
        for (int threads : new int[] {1, 2, 3, 4, 6}) {
            double perThreadMs = 1.0 * (1 + 0.1 * (threads - 1) + 0.01 * threads * (threads - 1));
            json.add("org.other.Queue.offer", "avgt", "ms/op", threads, Map.of("size", "64"),
                    new double[][] {{perThreadMs, perThreadMs * 1.01, perThreadMs * 0.99}});
        }
        Report report = report(json, ReportOptions.defaults());
        assertEquals(5, report.rows().size());
        assertNull(report.rows().get(0).speedup());
        Report.Scaling scaling = report.scaling().get(0);
        assertTrue(scaling.usl().fitted(), scaling.usl().note());
        assertEquals(0.1, scaling.usl().sigma(), 0.01);
        assertEquals(0.01, scaling.usl().kappa(), 0.002);
    }
}
