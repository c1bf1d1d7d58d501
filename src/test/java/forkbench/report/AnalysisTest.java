package forkbench.report;

import forkbench.statistics.Ratio;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import forkbench.report.model.ScalingFit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalysisTest {

    @TempDir
    Path dir;

    /**
     * Fork means: sequential {9, 10, 11} ms; the strategy {4.5, 5, 5.5} ms with 2 workers and {9.5, 10, 10.5} ms
     * with 1. Each fork holds two iterations whose ops-weighted mean (harmonic, see Measurement#forkMeans) is that
     * value, so the same timings written as avgt or thrpt must give the same answers.
     */
    private JmhJson handFixture(String mode) {
        JmhJson json = new JmhJson();
        add(json, mode, "b.S.sequential", Map.of("n", "100"), 9, 10, 11);
        add(json, mode, "b.S.pool", Map.of("n", "100", "workers", "1"), 9.5, 10, 10.5);
        add(json, mode, "b.S.pool", Map.of("n", "100", "workers", "2"), 4.5, 5, 5.5);
        return json;
    }

    /** Forks whose two iterations, t(1 - d) and t(1 + d) stretched to keep the harmonic mean t, differ. */
    private static void add(JmhJson json, String mode, String benchmark, Map<String, String> params,
                            double... forkMeans) {
        double[][] forks = new double[forkMeans.length][];
        for (int f = 0; f < forkMeans.length; f++) {
            double t = forkMeans[f];
            double d = 0.02 * (f + 1);
            // Harmonic mean of a and b is 2ab / (a + b); with a = t(1 - d) c, b = t(1 + d) c it is t when
            // c = 1 / (1 - d * d).
            double c = 1 / (1 - d * d);
            double a = t * (1 - d) * c;
            double b = t * (1 + d) * c;
            forks[f] = mode.equals("avgt") ? new double[] {a, b} : new double[] {1000 / a, 1000 / b};
        }
        json.add(benchmark, mode, mode.equals("avgt") ? "ms/op" : "ops/s", 1, params, forks);
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
        assertEquals(3, two.forks());
        assertEquals(6, two.iterations());
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
        assertEquals("needs at least 5 worker counts (4 distinct) for 2 residual degrees of freedom, has 2 "
                + "(2 distinct)", assertInstanceOf(ScalingFit.NotFitted.class, scaling.usl()).reason());

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
            assertEquals(a.timeHalfWidthNanos(), t.timeHalfWidthNanos(), a.timeNanos() * 1e-9);
            if (a.speedup() != null) {
                assertEquals(a.speedup().value(), t.speedup().value(), 1e-9);
                assertEquals(a.speedup().low(), t.speedup().low(), 1e-9);
                assertEquals(a.speedup().high(), t.speedup().high(), 1e-9);
            }
        }
    }

    @Test
    void fewerWorkersAreRecommendedOnlyWhenShownEquivalentToTheBest() throws Exception {
        // 4 workers fastest by 0.1%, 2 workers within it by every fork: shown equivalent within ±2%.
        JmhJson json = new JmhJson()
                .add("b.S.pool", "avgt", "ms/op", 1, Map.of("workers", "1"), new double[][] {{10}, {10.1}, {9.9}})
                .add("b.S.pool", "avgt", "ms/op", 1, Map.of("workers", "2"), new double[][] {{5.005}, {5.0}, {4.995}})
                .add("b.S.pool", "avgt", "ms/op", 1, Map.of("workers", "4"), new double[][] {{4.99}, {5.0}, {4.995}});
        Report report = report(json, ReportOptions.defaults());
        Report.Scaling scaling = report.scaling().get(0);
        assertEquals(4, scaling.bestWorkers());
        assertEquals(2, scaling.recommendedWorkers());
        assertTrue(scaling.recommendation().startsWith("equivalent to 4 workers within ±2%"),
                scaling.recommendation());
        // Three points and two parameters leave one residual degree of freedom: no Amdahl fit is shown.
        assertInstanceOf(ScalingFit.NotFitted.class, scaling.amdahl());
    }

    @Test
    void aDifferenceNotShownIsNeverTakenForNoDifference() throws Exception {
        // 2 workers are much faster, but one fork is an outlier: the difference is not significant, and not shown
        // to be small either. The old rule ("not significantly slower: ties go to fewer") recommended 1 worker.
        JmhJson json = new JmhJson()
                .add("b.S.sequential", "avgt", "ms/op", 1, Map.of("n", "9"), new double[][] {{580}, {575}, {578}})
                .add("b.S.pool", "avgt", "ms/op", 1, Map.of("n", "9", "workers", "1"),
                        new double[][] {{578}, {575}, {580}})
                .add("b.S.pool", "avgt", "ms/op", 1, Map.of("n", "9", "workers", "2"),
                        new double[][] {{300}, {305}, {900}});
        Report report = report(json, ReportOptions.defaults());
        Report.Scaling scaling = report.scaling().get(0);
        assertEquals(2, scaling.bestWorkers());
        assertEquals(2, scaling.recommendedWorkers(), scaling.recommendation());
        assertTrue(scaling.recommendation().contains("undecided"), scaling.recommendation());
        // In the answer, sequential against the pool's 2 workers is neither shown slower nor the same.
        Report.Standing sequential = report.verdicts().get(0).standings().stream()
                .filter(s -> s.label().equals("sequential")).findFirst().orElseThrow();
        assertTrue(sequential.decision() == Report.Decision.UNDECIDED
                || sequential.decision() == Report.Decision.TOO_NOISY, sequential.toString());
        assertNotEquals(Report.Decision.EQUIVALENT, sequential.decision());
    }

    @Test
    void anUndecidedStandingSaysHowManyForksWouldDecideIt() throws Exception {
        // 1% apart with forks 1% apart: three forks decide nothing; a few dozen each should show it slower.
        JmhJson json = new JmhJson()
                .add("b.S.sequential", "avgt", "ms/op", 1, Map.of("n", "9"), new double[][] {{101}, {100}, {102}})
                .add("b.S.pool", "avgt", "ms/op", 1, Map.of("n", "9", "workers", "1"),
                        new double[][] {{100}, {99}, {101}});
        Report report = report(json, ReportOptions.defaults());
        Report.Standing sequential = report.verdicts().get(0).standings().stream()
                .filter(s -> s.label().equals("sequential")).findFirst().orElseThrow();
        assertEquals(Report.Decision.UNDECIDED, sequential.decision(), sequential.toString());
        assertTrue(sequential.forksToDecide() > 3 && sequential.forksToDecide() < 100, sequential.toString());
        assertNull(report.verdicts().get(0).standings().get(0).forksToDecide(), "the fastest has nothing to decide");
        String headline = Reporter.headline(report, ReportOptions.defaults());
        assertTrue(headline.contains("; ≈" + sequential.forksToDecide() + " forks each to decide |"), headline);
    }

    @Test
    void aStandingIsSlowerEquivalentUndecidedOrTooNoisyByItsIntervals() {
        double margin = 0.02;
        assertEquals(Report.Decision.SLOWER, Report.Decision.of(Ratio.of(1.5, 1.4, 1.6), margin, true));
        assertEquals(Report.Decision.FASTER, Report.Decision.of(Ratio.of(0.9, 0.85, 0.95), margin, true));
        assertEquals(Report.Decision.EQUIVALENT, Report.Decision.of(Ratio.of(1.005, 0.99, 1.019), margin, true));
        assertEquals(Report.Decision.UNDECIDED, Report.Decision.of(Ratio.of(1.005, 0.99, 1.021), margin, true),
                "the same 95% interval decides both ways: reaching past the margin is not equivalent");
        assertEquals(Report.Decision.UNDECIDED, Report.Decision.of(Ratio.of(1.05, 0.95, 1.15), margin, true));
        assertEquals(Report.Decision.TOO_NOISY, Report.Decision.of(Ratio.of(3, 0.0, 411), margin, true));
        assertEquals(Report.Decision.TOO_NOISY, Report.Decision.of(Ratio.withoutInterval(2), margin, true),
                "forks enough, yet no bounded interval");
        assertEquals(Report.Decision.NO_INTERVAL, Report.Decision.of(Ratio.withoutInterval(2), margin, false));
    }

    @Test
    void aConfigurationMeasuredInOneForkGetsNoIntervalAndSaysWhy() throws Exception {
        JmhJson json = new JmhJson()
                .add("b.S.sequential", "avgt", "ms/op", 1, Map.of("n", "1"), new double[][] {{10, 10.1, 9.9, 10}})
                .add("b.S.pool", "avgt", "ms/op", 1, Map.of("n", "1", "workers", "2"),
                        new double[][] {{5, 5.1, 4.9, 5}});
        Report report = report(json, ReportOptions.defaults());
        Report.Row pool = row(report, "pool", 2);
        assertNull(pool.timeHalfWidthNanos());
        assertTrue(pool.noInterval().startsWith("1 fork:"), pool.noInterval());
        assertEquals(2.0, pool.speedup().value(), 1e-2);
        assertNull(pool.speedup().low(), "a pooled interval dressed as honest");
        assertNull(pool.speedup().significant());
        assertEquals("the only worker count measured",
                report.scaling().get(0).recommendation());
        assertTrue(report.breakEven().get(0).size() == null, "no break-even without a significant speedup");
    }

    @Test
    void aSpeedupPastTheCoresIsFlaggedNeverPlain() throws Exception {
        // On 2 cores, sequential 2.2x slower than 2 workers: either the baseline is off or the machine drifted.
        JmhJson json = new JmhJson()
                .add("b.S.sequential", "avgt", "ms/op", 1, Map.of("n", "1"), new double[][] {{11}, {11.1}, {10.9}})
                .add("b.S.pool", "avgt", "ms/op", 1, Map.of("n", "1", "workers", "1"), new double[][] {{10}, {10.1}, {9.9}})
                .add("b.S.pool", "avgt", "ms/op", 1, Map.of("n", "1", "workers", "2"), new double[][] {{5}, {5.05}, {4.95}})
                .add("b.S.pool", "avgt", "ms/op", 1, Map.of("n", "1", "workers", "4"), new double[][] {{4.4}, {4.45}, {4.35}});
        Report report = report(json, new ReportOptions("sequential", "n", 2.0, 0.95));
        Report.Row two = row(report, "pool", 2);
        assertTrue(two.speedupBeyondLimit());
        assertTrue(two.anomalies().get(0).text().contains("lies above the physical limit min(workers, cores) = 2"),
                two.anomalies().toString());
        Report.Row four = row(report, "pool", 4);
        assertEquals(2.0, four.coreLimit());
        assertTrue(four.selfSpeedupBeyondLimit());
        // Karp-Flatt with p = min(4, 2) = 2 and a self speedup of 2.27: negative, flagged.
        assertTrue(four.karpFlatt() < 0);
        assertTrue(four.anomalies().stream().anyMatch(a -> a.text().startsWith("negative Karp-Flatt")),
                four.anomalies().toString());
        assertTrue(report.warnings().stream().anyMatch(w -> w.text().contains("lies above the physical limit")));
    }

    @Test
    void breakEvenNeedsTwoWorkersAndAWinAtEveryLargerSize() throws Exception {
        JmhJson json = new JmhJson();
        // n=10: only 1 worker "wins" (noise); n=100: 2 workers win; n=1000: 2 workers lose again; n=10000: win.
        double[][][] seqByN = {{{10}, {10.1}, {9.9}}, {{10}, {10.1}, {9.9}}, {{10}, {10.1}, {9.9}}, {{10}, {10.1}, {9.9}}};
        double[] twoWorkers = {12, 6, 11, 5.5};
        String[] sizes = {"10", "100", "1000", "10000"};
        for (int i = 0; i < sizes.length; i++) {
            json.add("b.S.sequential", "avgt", "ms/op", 1, Map.of("n", sizes[i]), seqByN[i]);
            json.add("b.S.pool", "avgt", "ms/op", 1, Map.of("n", sizes[i], "workers", "1"),
                    new double[][] {{i == 0 ? 8 : 10}, {i == 0 ? 8.1 : 10.1}, {i == 0 ? 7.9 : 9.9}});
            double t = twoWorkers[i];
            json.add("b.S.pool", "avgt", "ms/op", 1, Map.of("n", sizes[i], "workers", "2"),
                    new double[][] {{t}, {t * 1.01}, {t * 0.99}});
        }
        Report.BreakEven breakEven = report(json, ReportOptions.defaults()).breakEven().get(0);
        assertEquals("10000", breakEven.size());
        assertEquals(2, breakEven.workers());
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
        ScalingFit.Fitted usl = assertInstanceOf(ScalingFit.Fitted.class, scaling.usl(), scaling.usl()::toString);
        assertEquals(0.1, usl.sigma(), 0.01);
        assertEquals(0.01, usl.kappa(), 0.002);
    }
}
