package forkbench.process;

import forkbench.workload.Kernel;
import forkbench.workload.Range;
import forkbench.workload.Summation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildProcessTest {

    /** Every fault must surface well within this; none of them should wait for anything like it. */
    private static final long BOUND_SECONDS = 20;

    /** Tests run from class folders, which a start-up archive cannot hold: skip making one. */
    private static final ForkOptions OPTIONS = ForkOptions.builder().startupArchive(StartupArchive.NONE).build();

    private final List<ChildProcess> started = new ArrayList<>();

    @AfterEach
    void closeChildren() {
        Children.closeAll(started);
        for (ChildProcess child : started) {
            assertFalse(child.isAlive(), "child " + child.pid() + " outlived close()");
        }
    }

    private ChildProcess fork(ForkOptions options) {
        ChildProcess child = ChildProcess.fork(options);
        started.add(child);
        return child;
    }

    private ChildProcess faulty(String fault) {
        return fork(OPTIONS.toBuilder().main(FaultyChild.class.getName(), fault).build());
    }

    /** The exception a job fails with, awaited within the bound. */
    private static Throwable failureOf(CompletableFuture<Long> job) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> job.get(BOUND_SECONDS, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void aChildAnswersEveryJobInOrderAndIsReused() throws Exception {
        ChildProcess child = fork(OPTIONS);
        List<CompletableFuture<Long>> jobs = new ArrayList<>();
        List<Range> ranges = List.of(new Range(0, 0), new Range(0, 1), new Range(10, 1_000_000), new Range(5, 6));
        for (Range range : ranges) {
            jobs.add(child.submit(range));
        }
        for (int i = 0; i < ranges.size(); i++) {
            assertEquals(Summation.sum(ranges.get(i)), jobs.get(i).get(BOUND_SECONDS, TimeUnit.SECONDS));
        }
        assertTrue(child.isAlive());
        child.close();
        assertFalse(child.isAlive());
    }

    /** A kernel whose constructor refuses to run in a JVM started with {@code -Dforkbench.test.refuse=true}. */
    public static final class RefusedInChildren implements Kernel {
        public RefusedInChildren() {
            if (Boolean.getBoolean("forkbench.test.refuse")) {
                throw new IllegalStateException("refused in this JVM");
            }
        }

        @Override
        public long compute(long from, long to) {
            return to - from;
        }

        @Override
        public long combine(long left, long right) {
            return left + right;
        }
    }

    @Test
    void aKernelTheChildCannotCreateFailsItsJobAndTheChildStaysUsable() throws Exception {
        List<String> flags = new ArrayList<>(ForkOptions.WORKER_JVM_ARGS);
        flags.add("-Dforkbench.test.refuse=true");
        ChildProcess child = fork(OPTIONS.toBuilder().jvmArgs(flags).build());
        Throwable failure = failureOf(child.submit(new RefusedInChildren(), new Range(0, 10)));
        assertInstanceOf(ChildErrorException.class, failure);
        assertTrue(failure.getMessage().contains(RefusedInChildren.class.getName()
                + ": its constructor threw java.lang.IllegalStateException: refused in this JVM"), failure.getMessage());
        assertEquals(45L, child.submit(new Range(0, 10)).get(BOUND_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void readyCompletesOnTheHandshakeAndFailsWhenThereIsNone() throws Exception {
        ChildProcess child = fork(OPTIONS);
        child.ready().get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertTrue(child.isAlive());
        ChildProcess broken = faulty("never-ready");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> broken.ready().get(BOUND_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(ChildStartException.class, e.getCause());
    }

    @Test
    void aChildAnswersTheSameWithEveryStartupArchive() throws Exception {
        // From class folders an archive may hold only JDK classes, or not be made at all: either way, same answer.
        for (StartupArchive archive : StartupArchive.values()) {
            ForkOptions options = ForkOptions.builder().startupArchive(archive).build();
            ChildProcess.prepare(options);
            ChildProcess child = fork(options);
            assertEquals(Summation.sum(0, 54_321), child.submit(new Range(0, 54_321))
                    .get(BOUND_SECONDS, TimeUnit.SECONDS), archive.name());
        }
    }

    @Test
    void anErrorMessageFailsTheJobWithTheChildsWords() {
        Throwable failure = failureOf(faulty("error").submit(new Range(0, 10)));
        assertInstanceOf(ChildErrorException.class, failure);
        assertTrue(failure.getMessage().contains("refusing range on purpose"), failure.getMessage());
    }

    @Test
    void aNonZeroExitFailsTheJobWithTheCodeAndTheStderrTail() {
        Throwable failure = failureOf(faulty("exit3").submit(new Range(0, 10)));
        ChildExitException exit = assertInstanceOf(ChildExitException.class, failure);
        assertEquals(3, exit.exitCode());
        assertTrue(exit.signal().isEmpty());
        assertTrue(exit.getMessage().contains("exited with code 3"), exit.getMessage());
        assertTrue(exit.getMessage().contains("dying with code 3 on purpose"), exit.getMessage());
    }

    @Test
    void aSignalFailsTheJobNamingTheSignal() {
        Throwable failure = failureOf(faulty("sigkill").submit(new Range(0, 10)));
        ChildExitException exit = assertInstanceOf(ChildExitException.class, failure);
        assertEquals(9, exit.signal().orElseThrow());
        assertTrue(exit.getMessage().contains("SIGKILL"), exit.getMessage());
    }

    @Test
    void aTimeoutFailsTheJobAndDestroysTheChild() throws Exception {
        ChildProcess child = fork(OPTIONS.toBuilder().main(FaultyChild.class.getName(), "silent")
                .timeout(Duration.ofMillis(500)).build());
        Throwable failure = failureOf(child.submit(new Range(0, 10)));
        assertInstanceOf(ChildTimeoutException.class, failure);
        assertTrue(failure.getMessage().contains("500 ms"), failure.getMessage());
        assertTrue(ProcessHandle.of(child.pid()).map(h -> h.onExit().orTimeout(5, TimeUnit.SECONDS).join())
                .map(h -> !h.isAlive()).orElse(true));
        // Once failed, the child takes no more work: later jobs fail the same way at once.
        assertInstanceOf(ChildTimeoutException.class, failureOf(child.submit(new Range(0, 10))));
    }

    @Test
    void garbageOnTheChannelIsAProtocolViolation() {
        Throwable failure = failureOf(faulty("garbage").submit(new Range(0, 10)));
        assertInstanceOf(ChildProtocolException.class, failure);
        assertTrue(failure.getMessage().contains("unknown frame type 0x5A ('Z')"), failure.getMessage());
    }

    @Test
    void textTheJvmPrintsOnStdoutIsSkippedBetweenFrames() throws Exception {
        assertEquals(Summation.sum(0, 777), faulty("text-then-result").submit(new Range(0, 777))
                .get(BOUND_SECONDS, TimeUnit.SECONDS));
        // ... and kept for the diagnosis when the child then fails.
        Throwable failure = failureOf(faulty("text-then-exit3").submit(new Range(0, 10)));
        assertInstanceOf(ChildExitException.class, failure);
        assertTrue(failure.getMessage().contains("[stdout] printed on stdout before dying"), failure.getMessage());
    }

    /** Each of the JVM's option variables, with an option that prints on stdout, the channel. */
    @ParameterizedTest
    @CsvSource({"JDK_JAVA_OPTIONS, -verbose:gc", "_JAVA_OPTIONS, -verbose:class",
            "JAVA_TOOL_OPTIONS, -XX:+PrintCommandLineFlags"})
    void jvmOptionVariablesThatPrintOnStdoutDoNotBreakTheChannel(String variable, String option) throws Exception {
        ForkOptions options = OPTIONS.toBuilder().environment(Map.of(variable, option)).build();
        ChildProcess child = fork(options);
        assertEquals(Summation.sum(0, 1_000_003), child.submit(new Range(0, 1_000_003))
                .get(BOUND_SECONDS, TimeUnit.SECONDS));
        assertEquals(Summation.sum(5, 6), child.submit(new Range(5, 6)).get(BOUND_SECONDS, TimeUnit.SECONDS));
        // Proof that the option did print on the channel: a failing child shows it in its tail.
        Throwable failure = failureOf(fork(options.toBuilder().main(FaultyChild.class.getName(), "exit3").build())
                .submit(new Range(0, 10)));
        assertTrue(failure.getMessage().contains("[stdout]"), failure.getMessage());
    }

    @Test
    void aParentThatSendsFasterThanTheChildReadsIsHeldBackNotBuffered() throws Exception {
        // Start frames written straight into a child's stdin, its stdout never read: the child must stop taking
        // them (a bounded queue, then full pipes) rather than queue them all in memory.
        List<String> command = new ArrayList<>(OPTIONS.command());
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        AtomicLong sent = new AtomicLong();
        Thread writer = new Thread(() -> {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(child.getOutputStream()))) {
                for (int i = 0; i < 200_000; i++) {
                    Frames.write(out, new Message.Start(Summation.class.getName(), 0, 1));
                    sent.incrementAndGet();
                }
            } catch (IOException e) {
                // The child was destroyed under us: the end of the test.
            }
        }, "flooding-writer");
        writer.setDaemon(true);
        writer.start();
        try {
            long before;
            do {
                before = sent.get();
                Thread.sleep(1_000);
            } while (sent.get() != before && sent.get() < 200_000);
            assertTrue(sent.get() < 20_000, sent.get() + " frames taken by a child whose answers nobody reads");
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void anOversizedFrameIsAProtocolViolation() {
        Throwable failure = failureOf(faulty("oversized").submit(new Range(0, 10)));
        assertInstanceOf(ChildProtocolException.class, failure);
        assertTrue(failure.getMessage().contains("oversized frame"), failure.getMessage());
    }

    @Test
    void endOfStreamBeforeAResultIsAProtocolViolation() {
        Throwable failure = failureOf(faulty("eof").submit(new Range(0, 10)));
        assertInstanceOf(ChildProtocolException.class, failure);
        assertTrue(failure.getMessage().contains("before sending a result"), failure.getMessage());
    }

    @Test
    void aMissingJavaExecutableFailsToStart() {
        ChildStartException failure = assertThrows(ChildStartException.class,
                () -> fork(OPTIONS.toBuilder().javaExecutable(Path.of("/nonexistent/bin/java")).build()));
        assertTrue(failure.getMessage().contains("/nonexistent/bin/java"), failure.getMessage());
    }

    @Test
    void aJvmThatDiesBeforeTheHandshakeFailsToStartWithItsStderr() {
        ChildProcess child = fork(OPTIONS.toBuilder().jvmArgs(List.of("-XX:+NoSuchFlagForForkbench")).build());
        Throwable failure = failureOf(child.submit(new Range(0, 10)));
        assertInstanceOf(ChildStartException.class, failure);
        assertTrue(failure.getMessage().contains("NoSuchFlagForForkbench"), failure.getMessage());

        Throwable early = failureOf(faulty("never-ready").submit(new Range(0, 10)));
        assertInstanceOf(ChildStartException.class, early);
        assertTrue(early.getMessage().contains("exited with code 4 before it was ready"), early.getMessage());
    }

    @Test
    void strayPrintsInTheChildCannotCorruptTheChannel() throws Exception {
        assertEquals(Summation.sum(0, 12_345), faulty("noisy").submit(new Range(0, 12_345))
                .get(BOUND_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aChildFloodingStderrDoesNotDeadlock() throws Exception {
        assertEquals(Summation.sum(0, 999), faulty("flood").submit(new Range(0, 999))
                .get(BOUND_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void awaitAllFailsFastWithoutWaitingForTheOthers() {
        ChildProcess silent = faulty("silent");
        ChildProcess crashing = faulty("exit3");
        List<CompletableFuture<Long>> jobs = List.of(silent.submit(new Range(0, 10)), crashing.submit(new Range(0, 10)));
        ChildExitException failure = assertTimeoutPreemptively(Duration.ofSeconds(BOUND_SECONDS),
                () -> assertThrows(ChildExitException.class, () -> Children.awaitAll(jobs)));
        assertEquals(3, failure.exitCode());
        assertFalse(jobs.get(0).isDone(), "the silent child's job is still pending: awaitAll did not wait for it");
    }

    @Test
    void awaitAllReturnsResultsInOrder() throws Exception {
        List<ChildProcess> children = Children.forkAll(3, OPTIONS);
        started.addAll(children);
        List<Range> ranges = Range.split(1_000_000, 3);
        List<CompletableFuture<Long>> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(children.get(i).submit(ranges.get(i)));
        }
        List<Long> sums = Children.awaitAll(jobs);
        for (int i = 0; i < 3; i++) {
            assertEquals(Summation.sum(ranges.get(i)), sums.get(i));
        }
    }

    @Test
    void forkingTooManyChildrenIsRefusedWithAClearMessage() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Children.forkAll(3, OPTIONS.toBuilder().maxChildren(2).build()));
        assertTrue(failure.getMessage().contains("cannot fork 3 child processes in one call: the limit is 2"),
                failure.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Children.forkAll(forkbench.workload.Workers.MAX + 1, OPTIONS));
    }

    @Test
    void closingAChildWithAJobPendingFailsTheJobAndEndsTheChild() {
        ChildProcess child = fork(OPTIONS);
        CompletableFuture<Long> job = child.submit(new Range(0, Long.MAX_VALUE));
        child.close();
        assertFalse(child.isAlive());
        Throwable failure = failureOf(job);
        assertInstanceOf(ChildProcessException.class, failure);
        assertTrue(failure.getMessage().contains("closed"), failure.getMessage());
        assertThrows(IllegalStateException.class, () -> child.submit(new Range(0, 1)));
    }

    @Test
    void aReleasedChildExitsOnItsOwnAndItsFutureSaysWhen() throws Exception {
        ChildProcess child = fork(OPTIONS);
        assertEquals(Summation.sum(0, 1000), child.submit(new Range(0, 1000)).get(BOUND_SECONDS, TimeUnit.SECONDS));
        CompletableFuture<Long> pending = child.submit(new Range(0, Long.MAX_VALUE));
        child.release().get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertFalse(child.isAlive());
        assertInstanceOf(ChildProcessException.class, failureOf(pending));
        assertThrows(IllegalStateException.class, () -> child.submit(new Range(0, 1)));
        child.close();
    }

    @Test
    void aChildDiesWithinTwoSecondsOfItsParentsSigkill() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process parent = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                OrphanMaker.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long childPid;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            childPid = Long.parseLong(assertTimeoutPreemptively(Duration.ofSeconds(BOUND_SECONDS), lines::readLine));
        }
        assertTrue(isRunning(childPid), "the child should be running its endless job");
        parent.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup code runs in the parent
        assertTrue(parent.waitFor(BOUND_SECONDS, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (isRunning(childPid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(isRunning(childPid), "child " + childPid + " outlived its SIGKILLed parent by 2 s");
    }

    /** Alive and not a zombie: an orphan's exit is reaped by whoever adopted it, maybe late, maybe never. */
    private static boolean isRunning(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        String text;
        try {
            text = Files.readString(stat);
        } catch (java.io.IOException gone) {
            return false;
        }
        char state = text.charAt(text.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
    }
}
