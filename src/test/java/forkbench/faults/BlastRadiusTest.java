package forkbench.faults;

import forkbench.workload.Fault;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlastRadiusTest {

    private static final long MS = 1_000_000;

    private static TrialSpec spec(String strategy, Fault fault) {
        return new TrialSpec(strategy, 2, "sum", 1000, Optional.ofNullable(fault), 2, 1, 3, 1000, "64m", true);
    }

    private static JobRecord job(int number, boolean faulted, Outcome outcome, long startMs, long endMs,
                                 long firedMs) {
        return new JobRecord(number, faulted, outcome, startMs * MS, endMs * MS, firedMs * MS,
                outcome == Outcome.FAILED ? "child 4242 exited with code 3" : "");
    }

    private static TrialResult trial(TrialSpec spec, Ending ending, List<Double> cold, List<Double> replaced,
                                     JobRecord... jobs) {
        return new TrialResult(spec, 1, List.of(jobs), ending, ending == Ending.DIED ? 137 : 0, cold, replaced, "",
                "");
    }

    @Test
    void recoveryIsFromTheFaultToTheNextCorrectAnswerAndAFaultWithNothingAfterItIsNotCounted() {
        TrialSpec crash = spec("processPool", Fault.CRASH);
        TrialSpec none = spec("processPool", null);
        List<TrialResult> trials = List.of(
                trial(none, Ending.SURVIVED, List.of(), List.of(),
                        job(0, false, Outcome.CORRECT, 0, 10, 0), job(1, false, Outcome.CORRECT, 10, 20, 0),
                        job(2, false, Outcome.CORRECT, 20, 30, 0)),
                trial(none, Ending.SURVIVED, List.of(), List.of(),
                        job(0, false, Outcome.CORRECT, 0, 10, 0), job(1, false, Outcome.CORRECT, 10, 20, 0),
                        job(2, false, Outcome.CORRECT, 20, 30, 0)),
                // Healed: the faulted job itself answers correctly, 28 ms after its fault fired.
                trial(crash, Ending.SURVIVED, List.of(40.0, 44.0, 42.0), List.of(30.0),
                        job(0, false, Outcome.CORRECT, 0, 10, 0), job(1, true, Outcome.CORRECT, 10, 40, 12),
                        job(2, false, Outcome.CORRECT, 40, 50, 0)),
                // Died in its fault: the job after it never ran, so this fault was never recovered from.
                trial(crash, Ending.DIED, List.of(), List.of(),
                        job(0, false, Outcome.CORRECT, 0, 10, 0), job(1, true, Outcome.FAILED, 10, 10, 12),
                        job(2, false, Outcome.LOST, 10, 10, 0)),
                // A fault in the last job, which failed: nothing after it to recover in.
                trial(crash, Ending.SURVIVED, List.of(), List.of(),
                        job(0, false, Outcome.CORRECT, 0, 10, 0), job(1, false, Outcome.CORRECT, 10, 20, 0),
                        job(2, true, Outcome.FAILED, 20, 25, 21)));
        BlastRadius radius = BlastRadius.of(trials, List.of("processPool"), 0.95);
        assertEquals(List.of("none", "crash"), radius.faults());
        BlastRadius.Cell cell = radius.column("crash").get(0);
        assertEquals(3, cell.forks());
        assertEquals(2, cell.survived());
        assertEquals(1, cell.died());
        assertEquals(6, cell.correct());
        assertEquals(2, cell.failed());
        assertEquals(1, cell.lost());
        assertEquals(3, cell.faultsFired());
        assertEquals(Optional.of(28.0), cell.recoveryMillis());
        assertEquals(1, cell.unrecovered());
        assertEquals(10.0, cell.medianJobMillis());
        assertEquals("child N exited with code 3", cell.typicalCause());
        BlastRadius.Recovery recovery = cell.replacement().orElseThrow();
        assertEquals(42.0, recovery.coldStartMillis());
        assertEquals(30.0, recovery.replacementMillis());
        assertEquals(20.0, recovery.extraJobMillis(), 1e-9);
        assertEquals(30.0 / 42.0, recovery.againstColdStart(), 1e-12);
        // Throughput: the two forks that lived (3 correct in 50 ms; 2 in 25 ms) against 3 correct in 30 ms.
        double ratio = ((3 / 0.050 + 2 / 0.025) / 2) / (3 / 0.030);
        assertEquals(ratio, cell.throughput().orElseThrow().value(), 1e-9);
        assertTrue(radius.column("none").get(0).throughput().isEmpty(), "the baseline has no ratio to itself");
    }

    @Test
    void causesThatDifferOnlyInPidTimeOrTokenAreOneCause() {
        assertEquals("child N reported an error: fault:throws:100:TOKEN:forkbench.workload.Summation threw x",
                BlastRadius.withoutPids("child 4242 reported an error: fault:throws:100:/tmp/forkbench-faults-17/"
                        + "job-9:forkbench.workload.Summation threw x"));
        assertEquals("child N gave no result within N ms", BlastRadius.withoutPids(
                "child 7 gave no result within 1000 ms"));
        assertEquals("every 10th, 1st, 2nd, 3rd, 11th, 12th, 13th, 21st job", "every "
                + String.join(", ", java.util.stream.IntStream.of(10, 1, 2, 3, 11, 12, 13, 21)
                .mapToObj(BlastRadiusView::ordinal).toList()) + " job");
    }

    @Test
    void strategiesKeepTheOrderAskedForWhateverOrderTheRoundsRanIn() {
        TrialSpec b = spec("b", null);
        TrialSpec a = spec("a", null);
        JobRecord ok = job(0, false, Outcome.CORRECT, 0, 10, 0);
        BlastRadius radius = BlastRadius.of(List.of(trial(b, Ending.SURVIVED, List.of(), List.of(), ok),
                trial(a, Ending.SURVIVED, List.of(), List.of(), ok)), List.of("a", "b"), 0.95);
        assertEquals(List.of("a", "b"), radius.strategies());
    }
}
