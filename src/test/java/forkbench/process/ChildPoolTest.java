package forkbench.process;

import forkbench.strategy.Strategies;
import forkbench.strategy.Strategy;
import forkbench.workload.Fault;
import forkbench.workload.FaultKernel;
import forkbench.workload.FaultPlan;
import forkbench.workload.Kernel;
import forkbench.workload.Range;
import forkbench.workload.Summation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildPoolTest {

    private static final ForkOptions OPTIONS = ForkOptions.builder().startupArchive(StartupArchive.NONE)
            .timeout(Duration.ofSeconds(30)).build();
    private static final long N = 1_000_000;
    private static final long SUM = Summation.sum(0, N);

    @TempDir
    Path tokens;

    @AfterEach
    void nothingIsLeftRunning() {
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        assertEquals(List.of(), left, "processes left running");
    }

    /** Runs {@code jobs} jobs of the plan's kernel through processPool; each outcome is null (correct) or the error. */
    private static List<Throwable> run(Strategy strategy, FaultPlan plan, int jobs, int workers) {
        List<Throwable> outcomes = new ArrayList<>();
        for (int job = 0; job < jobs; job++) {
            try {
                long answer = strategy.run(plan.kernelFor(job, new Summation(), N, workers), N);
                outcomes.add(answer == SUM ? null : new AssertionError("job " + job + " computed " + answer));
            } catch (RuntimeException | InterruptedException e) {
                outcomes.add(e);
            }
        }
        return outcomes;
    }

    @Test
    void aCrashInOnePartOfEveryTenthJobIsRetriedAndAllHundredJobsAreCorrect() {
        FaultPlan plan = FaultPlan.everyKth(Fault.CRASH, 10, 1, tokens);
        List<Throwable> outcomes;
        try (Strategy pool = Strategies.create(Strategies.PROCESS_POOL, 2, OPTIONS)) {
            outcomes = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> run(pool, plan, 100, 2));
        }
        assertEquals(100, outcomes.stream().filter(outcome -> outcome == null).count(), () -> outcomes.toString());
        for (int job = 9; job < 100; job += 10) {
            assertTrue(FaultKernel.firedAt(plan.tokenOf(job)).isPresent(), "job " + job + "'s crash never fired");
        }
    }

    @Test
    void underFailExactlyTheFaultedJobsFailEachNamingTheExitCodeAndTheOthersSucceed() {
        FaultPlan plan = FaultPlan.everyKth(Fault.CRASH, 10, 2, tokens);
        List<Throwable> outcomes;
        try (Strategy pool = Strategies.create(Strategies.PROCESS_POOL, 2,
                OPTIONS.toBuilder().retry(RetryPolicy.FAIL).build())) {
            outcomes = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> run(pool, plan, 100, 2));
        }
        for (int job = 0; job < 100; job++) {
            Throwable outcome = outcomes.get(job);
            if (plan.faults(job)) {
                ChildExitException exit = assertInstanceOf(ChildExitException.class, outcome, "job " + job);
                assertEquals(128 + 9, exit.exitCode());
                assertTrue(exit.getMessage().contains("was killed by signal 9 (SIGKILL) (exit code 137)"),
                        exit.getMessage());
            } else {
                assertEquals(null, outcome, "job " + job);
            }
        }
    }

    @Test
    void aKernelThatCrashesEveryChildStopsThePoolWithOneClearErrorWithinTheBound() {
        ForkOptions options = OPTIONS.toBuilder().maxConsecutiveDeaths(4).build();
        try (ChildPool pool = ChildPool.start(2, options)) {
            Kernel crash = new AlwaysCrashes();
            ChildProcessException last = null;
            int jobs = 0;
            for (int job = 0; job < 10; job++, jobs++) {
                List<CompletableFuture<Long>> parts = List.of(pool.submit(0, crash, new Range(0, 10)),
                        pool.submit(1, crash, new Range(10, 20)));
                last = assertThrows(ChildProcessException.class, () -> Children.awaitAll(parts));
                if (last instanceof ChildPoolStoppedException) {
                    break;
                }
            }
            ChildPoolStoppedException stopped = assertInstanceOf(ChildPoolStoppedException.class, last);
            assertTrue(jobs <= 1, "the fourth death comes within the first two jobs, and its job names the stop: "
                    + jobs + " jobs before it");
            assertTrue(stopped.getMessage().startsWith("the child pool stopped after 4 children in a row died"),
                    stopped.getMessage());
            assertTrue(stopped.getMessage().contains("exited with code 7"), stopped.getMessage());
            assertTrue(pool.deaths() <= 4, "forked past the bound: " + pool.deaths() + " deaths");
            ChildPoolStoppedException again = assertThrows(ChildPoolStoppedException.class,
                    () -> Children.awaitAll(List.of(pool.submit(0, new Summation(), new Range(0, 10)))));
            assertEquals(stopped.getMessage(), again.getMessage());
        }
    }

    @Test
    void aPartThatRunsOutOfMemoryEndsItsChildNamingTheCauseAndTheRetrySucceeds() throws Exception {
        ForkOptions small = OPTIONS.toBuilder().jvmArgs(List.of("-XX:+UseSerialGC", "-Xmx64m")).build();
        FaultKernel oom = new FaultKernel(Fault.OOM, 5, tokens.resolve("oom"), new Summation());
        try (ChildPool pool = ChildPool.start(1, small)) {
            assertEquals(Summation.sum(0, 100), pool.submit(0, oom, new Range(0, 100)).get().longValue());
            assertEquals(1, pool.deaths());
        }
        FaultKernel always = new FaultKernel(Fault.OOM, 5, null, new Summation());
        try (ChildPool pool = ChildPool.start(1, small.toBuilder().retry(RetryPolicy.FAIL).build())) {
            ChildExitException exit = assertThrows(ChildExitException.class,
                    () -> Children.awaitAll(List.of(pool.submit(0, always, new Range(0, 100)))));
            assertEquals(ChildMain.OUT_OF_MEMORY_EXIT_CODE, exit.exitCode());
            assertTrue(exit.getMessage().contains("ran out of memory"), exit.getMessage());
            assertTrue(exit.getMessage().contains("OutOfMemoryError"), exit.getMessage());
            assertTrue(exit.getMessage().contains("kernel " + always.wireName() + " ran out of memory"),
                    exit.getMessage());
            assertEquals(Summation.sum(0, 100), pool.submit(0, new Summation(), new Range(0, 100)).get().longValue(),
                    "the replacement serves the next job");
        }
    }

    @Test
    void aHangPastTheTimeoutDestroysTheChildAndTheRetryOnItsReplacementSucceeds() throws Exception {
        ForkOptions quick = OPTIONS.toBuilder().timeout(Duration.ofSeconds(2)).build();
        FaultKernel hang = new FaultKernel(Fault.HANG, 0, tokens.resolve("hang"), new Summation());
        try (ChildPool pool = ChildPool.start(2, quick)) {
            CompletableFuture<Long> hung = pool.submit(0, hang, new Range(0, 100));
            CompletableFuture<Long> other = pool.submit(1, new Summation(), new Range(100, 200));
            assertEquals(Summation.sum(100, 200), other.get().longValue(), "the other worker's part is kept");
            assertEquals(Summation.sum(0, 100), hung.get().longValue());
            assertEquals(1, pool.deaths());
            assertEquals(1, pool.recoveries().size(), "the replacement came up and was timed");
        }
    }

    @Test
    void aKernelThatThrowsFailsItsJobWithItsWordsAndNoChildIsReplaced() throws Exception {
        FaultKernel throwing = new FaultKernel(Fault.THROWS, 3, null, new Summation());
        try (ChildPool pool = ChildPool.start(1, OPTIONS)) {
            ChildErrorException error = assertThrows(ChildErrorException.class,
                    () -> Children.awaitAll(List.of(pool.submit(0, throwing, new Range(0, 100)))));
            assertTrue(error.getMessage().contains("injected fault at index 3"), error.getMessage());
            assertEquals(0, pool.deaths());
            long pid = pool.children().get(0).pid();
            assertEquals(Summation.sum(0, 100), pool.submit(0, new Summation(), new Range(0, 100)).get().longValue());
            assertEquals(pid, pool.children().get(0).pid(), "the same child serves on");
        }
    }

    @Test
    void aChildKilledFromOutsideMidJobIsReplacedAndItsPartRetried() throws Exception {
        try (ChildPool pool = ChildPool.start(2, OPTIONS)) {
            assertEquals(Summation.sum(0, 10), pool.submit(0, new Summation(), new Range(0, 10)).get().longValue());
            ChildProcess victim = pool.children().get(1);
            CompletableFuture<Long> part = pool.submit(1, new SlowSum(), new Range(0, 3));
            ProcessHandle.of(victim.pid()).orElseThrow().destroyForcibly();
            assertEquals(Summation.sum(0, 3), part.get().longValue());
            assertTrue(pool.children().get(1).pid() != victim.pid(), "the killed child was replaced");
        }
    }
}
