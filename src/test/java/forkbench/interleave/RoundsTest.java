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

    @Test
    void aConfigurationConvergesOnlyWithTheMinimumRoundsAndItsHalfWidthWithinTarget() throws Exception {
        Target target = new Target(2.0, null, 3, 100, false);
        ResultDocument tight = ResultDocument.parse("[" + result("2", 10, 10.05, 9.95) + "]");
        Status status = Status.of(tight, target).values().iterator().next();
        assertEquals(3, status.forks());
        assertTrue(status.halfWidthPercent() < 2, String.valueOf(status.halfWidthPercent()));
        assertTrue(status.converged());
        ResultDocument twoForks = ResultDocument.parse("[" + result("2", 10, 10.0001) + "]");
        assertTrue(!Status.of(twoForks, target).values().iterator().next().converged(), "2 forks < 3 minimum");
        ResultDocument loose = ResultDocument.parse("[" + result("2", 10, 11, 9) + "]");
        assertTrue(!Status.of(loose, target).values().iterator().next().converged());
    }

    /** Three pilot forks with means 10, 11 and 9, iterations 1% apart within each. */
    private static Status pilotStatus(Target target) throws Exception {
        return Status.of(ResultDocument.parse("[" + result("2", 10, 11, 9) + "]"), target).values().iterator().next();
    }

    /** The plan after that pilot: a fork costs 2 s, an iteration 0.5 s, 2 iterations a fork, 3 rounds run. */
    private static Plan pilotPlan(Target target, Status status) {
        return Plan.of(target, List.of(status), Map.of(status.configuration(), new Plan.Cost(2.0, 0.5)), 2, 3);
    }

    @Test
    void thePlanUsesFewIterationsWhenForksDifferMoreThanIterations() throws Exception {
        // Fork means 10, 11, 9 with iterations 1% apart: nearly all the variance is between forks.
        Target target = new Target(2.0, null, 3, 100, false);
        Status status = pilotStatus(target);
        Plan plan = pilotPlan(target, status);
        assertEquals(1, plan.iterations());
        // sd of fork means 1 (10%): ±2% needs about (2.0 · 10 / 2)² ≈ 100 forks, more than the cap... of 100.
        assertTrue(plan.rounds() > 50, plan.toString());
        assertTrue(plan.describe().startsWith("±2% for 1 configuration ≈ "), plan.describe());
        Replicates replicates = status.replicates();
        assertEquals(100, Plan.forksNeeded(replicates, 1, 0.001, 100), "capped at the maximum");
        assertEquals(3, Plan.forksNeeded(replicates, 1, 0.5, 100), "never fewer than the pilot's 3");
    }

    @Test
    void aPlanThatTheMostRoundsCannotReachSaysSoAndByHowMuch() throws Exception {
        Target target = new Target(0.5, null, 3, 6, false);
        Status status = pilotStatus(target);
        Plan plan = pilotPlan(target, status);
        assertEquals(6, plan.rounds());
        Plan.Shortfall shortfall = plan.shortfall().orElseThrow();
        // sd 1 on a mean of 10 over 6 forks: t(5) · 1 / sqrt(6) / 10 ≈ 10.5%.
        assertEquals(10.5, shortfall.percent(), 0.2);
        assertTrue(plan.describe().contains("the most rounds allowed (6) stop short of it: "
                + status.configuration().label() + " should reach about ±10."), plan.describe());
        assertTrue(plan.forecast().contains("short of the target"), plan.forecast());
        Plan reachable = pilotPlan(new Target(50.0, null, 3, 6, false), status);
        assertTrue(reachable.shortfall().isEmpty(), reachable.toString());
    }

    @Test
    void aTargetPrintsAsAPersonWritesIt() {
        assertEquals("2", Plan.percent(2.0));
        assertEquals("45.6", Plan.percent(45.6));
        assertEquals("0.5", Plan.percent(0.5));
        assertEquals("0.0000001", Plan.percent(1e-7));
    }
}
