package forkbench.interleave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import forkbench.report.model.Replicates;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rounds kept as JMH JSON: combining them, judging them against a target, and planning the rest. */
class RoundsTest {

    private static String result(String workers, double... forkIterations) {
        StringBuilder raw = new StringBuilder();
        for (double value : forkIterations) {
            raw.append(raw.isEmpty() ? "" : ", ").append("[").append(value).append(", ").append(value * 1.01)
                    .append("]");
        }
        return """
                {"jmhVersion": "1.37", "benchmark": "b.S.pool", "mode": "avgt", "threads": 1, "forks": %d,
                 "params": {"n": "10", "workers": "%s"},
                 "primaryMetric": {"score": 1, "scoreError": "NaN", "scoreConfidence": [0, 2],
                                   "scorePercentiles": {"0.0": 1, "50.0": 1, "100.0": 1},
                                   "scoreUnit": "ms/op", "rawData": [%s]},
                 "secondaryMetrics": {"gc.alloc.rate": {"score": 1, "scoreUnit": "MB/sec", "rawData": [[1, 1]]}}}"""
                .formatted(forkIterations.length, workers, raw);
    }

    @Test
    void roundsCombineIntoOneResultPerConfigurationWithJmhsOwnScore() throws IOException {
        ResultDocument first = ResultDocument.parse("[" + result("1", 10) + "," + result("2", 5) + "]");
        ResultDocument second = ResultDocument.parse("[" + result("2", 6) + "]");
        ResultDocument both = first.plus(second).plus(ResultDocument.parse("[" + result("2", 7) + "]"));
        Configuration two = new Configuration("b.S.pool", Map.of("n", "10", "workers", "2"));
        assertEquals(3, both.forks().get(two));
        assertEquals(1, both.forks().get(new Configuration("b.S.pool", Map.of("n", "10", "workers", "1"))));
        String json = both.toJson();
        // workers=2: iterations 5, 5.05, 6, 6.06, 7, 7.07; their mean is JMH's score.
        assertTrue(json.contains("\"score\" : 6.03"), json);
        assertTrue(json.contains("\"forks\" : 3"), json);
        assertTrue(json.contains("\"100.0\" : 7.07"), json);
        // A secondary metric both sides have is combined too: one fork of it from each round.
        JsonNode gc = new ObjectMapper().readTree(json).get(1).path("secondaryMetrics").path("gc.alloc.rate");
        assertEquals(3, gc.path("rawData").size(), gc.toString());
        assertEquals(first.plus(second).toJson(), ResultDocument.parse(first.plus(second).toJson()).toJson(),
                "a saved document reads back as itself, so a resumed run continues it exactly");
    }

    /** Two configurations of one job, each with these fork means (iterations 1% apart within each fork). */
    private static ResultDocument job(double[] one, double[] two) throws IOException {
        return ResultDocument.parse("[" + result("1", one) + "," + result("2", two) + "]");
    }

    private static final Configuration ONE = new Configuration("b.S.pool", Map.of("n", "10", "workers", "1"));
    private static final Configuration TWO = new Configuration("b.S.pool", Map.of("n", "10", "workers", "2"));

    @Test
    void aTwoStageRunIsJudgedOnTheForksAfterItsPilotAgainstThePilotsFastest() throws Exception {
        // Pilot (2 forks): 2 workers faster. After it, 3 fresh forks each; the pilot's wild first fork of 1 worker
        // no longer counts.
        ResultDocument run = job(new double[] {40, 20.2, 20.0, 20.1, 19.9}, new double[] {10, 10.1, 10.0, 10.05, 9.95});
        Map<Configuration, Status> statuses = Status.of(run, 2, 0.02);
        Status one = statuses.get(ONE);
        assertEquals(5, one.forks());
        assertEquals(3, one.replicates().forks(), "judged on the 3 forks after the pilot");
        assertEquals(20.0e6, one.replicates().mean(), 0.1e6, "ns: the forks are in ms");
        assertEquals(forkbench.report.model.Report.Decision.SLOWER, one.decision());
        assertEquals(TWO.label(), one.against());
        assertEquals(forkbench.report.model.Report.Decision.FASTEST, statuses.get(TWO).decision());
        // Without a pilot every fork counts.
        assertEquals(5, Status.of(run, 0, 0.02).get(ONE).replicates().forks());
    }

    @Test
    void thePilotDecidesWhatIsOverwhelmingAndPlansFreshForksForTheRest() throws Exception {
        Target target = new Target(null, true, 0.02, null, 2, 100, false);
        // 1 worker 5x slower with tight forks: decided by the pilot. A third configuration, 1% from the fastest:
        // measured again, with the fastest.
        Configuration close = new Configuration("b.S.pool", Map.of("n", "10", "workers", "4"));
        ResultDocument pilot = ResultDocument.parse("[" + result("1", 50, 50.1) + "," + result("2", 10, 10.05) + ","
                + result("4", 10.1, 10.12) + "]");
        Map<Configuration, Replicates> pilots = Status.pilot(pilot, 2);
        Map<Configuration, Plan.Cost> costs = Map.of(ONE, new Plan.Cost(2.0, 0.5), TWO, new Plan.Cost(2.0, 0.5),
                close, new Plan.Cost(2.0, 0.5));
        Plan plan = Plan.of(target, pilots, costs, 2);
        assertEquals(forkbench.statistics.TwoStage.Stage.DECIDED_IN_PILOT, plan.stages().get(ONE));
        assertEquals(forkbench.statistics.TwoStage.Stage.REFERENCE, plan.stages().get(TWO));
        assertEquals(forkbench.statistics.TwoStage.Stage.SECOND_STAGE, plan.stages().get(close));
        assertEquals(2, plan.totals().get(ONE));
        assertTrue(plan.totals().get(close) >= 2 + forkbench.statistics.TwoStage.MIN_SECOND_STAGE, plan.toString());
        assertEquals(plan.totals().get(close), plan.totals().get(TWO), "the reference is measured with it");
        Map<Configuration, Integer> forks = Map.of(ONE, 2, TWO, 2, close, 2);
        assertEquals(java.util.Set.of(TWO, close), java.util.Set.copyOf(plan.due(forks)));
        assertTrue(plan.describe().startsWith("1 of 3 configurations decided by the pilot, 2 measured again: "),
                plan.describe());
        assertTrue(plan.remaining(forks).toSeconds() > 0);
    }

    @Test
    void aResumedRunMakesThePlanItMadeBeforeAndKeepsMeasuringAlike() throws Exception {
        Target target = new Target(null, true, 0.02, null, 2, 100, false);
        Map<Configuration, Plan.Cost> costs = Map.of(ONE, new Plan.Cost(2.0, 0.5), TWO, new Plan.Cost(2.0, 0.5));
        ResultDocument pilot = job(new double[] {10.3, 10.0}, new double[] {10, 10.1});
        Plan before = Plan.of(target, Status.pilot(pilot, 2), costs, 2);
        // Interrupted after two second-stage rounds that happened to measure slower: the plan comes from the pilot
        // alone, so it is the same; the iterations the plan chose are kept, not chosen again.
        ResultDocument interrupted = job(new double[] {10.3, 10.0, 30, 31}, new double[] {10, 10.1, 12, 11});
        Plan resumed = Plan.of(target, Status.pilot(interrupted, 2), costs, 2,
                java.util.OptionalInt.of(before.iterations() + 1));
        assertEquals(before.totals(), resumed.totals());
        assertEquals(before.stages(), resumed.stages());
        assertEquals(before.iterations() + 1, resumed.iterations());
    }

    @Test
    void aPlanThatTheMostRoundsCannotReachSaysSo() throws Exception {
        // Forks 10% apart and a 0.5% target: more forks than 6 rounds allow.
        Target target = new Target(0.5, false, 0.02, null, 2, 6, false);
        ResultDocument pilot = ResultDocument.parse("[" + result("2", 10, 11) + "]");
        Map<Configuration, Replicates> pilots = Status.pilot(pilot, 2);
        Plan plan = Plan.of(target, pilots, Map.of(TWO, new Plan.Cost(2.0, 0.5)), 2);
        assertEquals(6, plan.rounds());
        assertTrue(plan.describe().contains("1 configuration at the most rounds allowed (6)"), plan.describe());
    }

    @Test
    void aTargetPrintsAsAPersonWritesIt() {
        assertEquals("2", Plan.percent(2.0));
        assertEquals("45.6", Plan.percent(45.6));
        assertEquals("0.5", Plan.percent(0.5));
        assertEquals("0.0000001", Plan.percent(1e-7));
    }
}
