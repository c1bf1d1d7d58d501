package forkbench.process;

import forkbench.workload.Kernel;
import forkbench.workload.Kernels;
import forkbench.workload.Range;
import forkbench.workload.Summation;
import forkbench.workload.data.DataJob;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that computes kernel parts for its parent: Node's {@code child_process.fork} for Java.
 *
 * <pre>{@code
 * ForkOptions options = ForkOptions.defaults();
 * ChildProcess.prepare(options);   // once: the start-up archive
 * try (ChildProcess child = ChildProcess.fork(options)) {
 *     long sum = child.submit(new Range(0, 1_000_000)).join();
 * }
 * }</pre>
 *
 * <p>Each {@link #submit} sends a {@code start} message and returns a future that completes with the child's result,
 * or fails with a {@link ChildProcessException} subclass that says why: the child reported an error
 * ({@link ChildErrorException}), exited non-zero or was killed ({@link ChildExitException}), took too long
 * ({@link ChildTimeoutException}), broke the protocol ({@link ChildProtocolException}), or never started
 * ({@link ChildStartException}). A child can take many jobs in turn; results come back in submission order.
 *
 * <p>{@link #close} ends the child: it closes the child's stdin, which the child treats as the order to exit. The
 * same end of stream reaches it when the parent dies in any way, SIGKILL included, so no child outlives its parent.
 *
 * <p>Longer than 300 lines for one reason: a child's life — fork, the queue of jobs awaiting answers, the reader of
 * its channel, its end however it comes — shares one lock and one queue, and each part's correctness (answers pair
 * with jobs in order, every pending job fails once with the child's real end) depends on the others'. What could
 * stand alone has moved out: the frames ({@link Frames}), a transform's returning output ({@link OutputSink}),
 * the timer ({@link ChildTimeouts}), the options ({@link ForkOptions}).
 */
public final class ChildProcess implements AutoCloseable {

    private static final long EXIT_GRACE_MILLIS = 2_000;
    private static final long STDERR_GRACE_MILLIS = 500;
    private static final String PARENT_PID = Long.toString(ProcessHandle.current().pid());

    private final Process process;
    private final long pid;
    private final ForkOptions options;
    private final StderrTail stderr;
    private final Object writeLock = new Object();
    private final DataOutputStream toChild;
    /** The OOM killer's count when the child started, to tell whether it was the one that killed it. */
    private final OptionalLong oomKillsAtStart = OomKills.count();
    /** The child's previous usage report; read and written by the channel thread only. */
    private UsageMeter.Reading lastUsage = UsageMeter.Reading.ZERO;

    private final CompletableFuture<Void> handshake = new CompletableFuture<>();

    // Guarded by this. Once ended is set, the child takes no more work and every later submit fails with it.
    private final Deque<Pending> pending = new ArrayDeque<>();
    private ChildProcessException ended;
    private boolean closing;

    private ChildProcess(Process process, ForkOptions options) {
        this.process = process;
        this.pid = process.pid();
        this.options = options;
        this.toChild = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 256));
        this.stderr = new StderrTail(process.getErrorStream(), "forkbench-child-" + pid + "-stderr");
        Thread reader = new Thread(this::readChannel, "forkbench-child-" + pid + "-channel");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a child JVM as {@code options} say, without a shell. */
    public static ChildProcess fork(ForkOptions options) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(options.command());
            builder.environment().putAll(options.environment());
            builder.environment().put(ChildMain.PARENT_PID, PARENT_PID);
            if (ChildUsage.isEnabled()) {
                builder.environment().put(ChildUsage.ACCOUNT_VARIABLE, "1");
            }
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new ChildStartException("cannot start a child JVM with " + options.javaExecutable() + ": "
                    + e.getMessage(), e);
        }
        return new ChildProcess(process, options);
    }

    /**
     * Makes or finds the children's start-up archive for these options, once per JVM: an explicit step, because it
     * may run a training JVM for seconds and write to the user's cache. Call it outside anything timed; children
     * forked before it start without the archive (slower, still right).
     */
    public static void prepare(ForkOptions options) {
        Orphans.exitWithParentIfJmhFork();
        options.prepareArchive();
    }

    /** The argument vector a child started with these options runs: what {@link #fork} starts, without a shell. */
    public static List<String> commandLine(ForkOptions options) {
        return options.command();
    }

    public long pid() {
        return pid;
    }

    /**
     * Completes when the child's first message arrives: its JVM is up and it is listening. Fails as a job would if
     * the child never gets that far.
     */
    public CompletableFuture<Void> ready() {
        return handshake.copy();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends {@code start(range)} for the seed's summation; the future completes with the child's sum. */
    public CompletableFuture<Long> submit(Range range) {
        return submit(new Summation(), range);
    }

    /**
     * Sends {@code start(kernel, range)}; the future completes with the child's {@code kernel.compute} over the
     * range, computed by the child's own instance of the kernel's class.
     *
     * @throws IllegalArgumentException when a child could not create the kernel by its class name
     */
    public CompletableFuture<Long> submit(Kernel kernel, Range range) {
        Message.Start start = new Message.Start(Kernels.wireName(kernel), range.from(), range.to());
        CompletableFuture<Long> result = new CompletableFuture<>();
        // One lock orders the queue and the writes alike, so results pair with jobs in order; the reader never
        // takes it, so a slow pipe cannot stall result delivery.
        synchronized (writeLock) {
            if (!enqueue(new Pending(result, null))) {
                return result;
            }
            try {
                Frames.write(toChild, start);
            } catch (IOException e) {
                // The child is gone; the channel reader finds out how it ended and fails this future with that.
            }
        }
        armTimeout(result);
        return result;
    }

    /**
     * Sends the child its part of a data job, the input bytes {@code [from, to)}: under {@code shared}, the names of
     * the files it maps; under {@code copy}, the bytes themselves in frames of at most 64 KiB, written before this
     * returns (so a caller feeding several children does so from one thread per child). The future completes with
     * the child's part; a transform's output, sent back under {@code copy}, lands in the job's output and is checked
     * against the child's answer on arrival.
     */
    public CompletableFuture<Long> submit(DataJob job, long from, long to) {
        if (from < 0 || to < from || to > job.size() || (from % DataJob.BLOCK != 0 && from != to)) {
            throw new IllegalArgumentException("invalid slice [" + from + ", " + to + ") of " + job);
        }
        boolean copy = job.inputFile().isEmpty();
        Message.StartData start = new Message.StartData(job.kernelName(), from, to - from,
                job.inputFile().map(Path::toString).orElse(""), job.outputFile().map(Path::toString).orElse(""));
        OutputSink sink = copy && job.kernel().writesOutput() ? new OutputSink(job.output().orElseThrow(), from, to)
                : null;
        CompletableFuture<Long> result = new CompletableFuture<>();
        synchronized (writeLock) {
            if (!enqueue(new Pending(result, sink))) {
                return result;
            }
            armTimeout(result);
            try {
                Frames.write(toChild, start);
                if (copy) {
                    Frames.writeSlice(toChild, job.input(), from, to);
                }
            } catch (IOException e) {
                // As for a start: the channel reader finds out how the child ended and fails this future with that.
            }
        }
        return result;
    }

    /**
     * Queues a job to pair with the child's next answer, or fails it at once when the child has ended. Called
     * holding the write lock, so the queue's order is the order of the writes.
     */
    private synchronized boolean enqueue(Pending job) {
        if (closing) {
            throw new IllegalStateException("child " + pid + " is closed");
        }
        if (ended != null) {
            job.result().completeExceptionally(ended);
            return false;
        }
        pending.addLast(job);
        return true;
    }

    private void armTimeout(CompletableFuture<Long> result) {
        if (options.timeout().isZero()) {
            return;
        }
        ScheduledFuture<?> timer = ChildTimeouts.SCHEDULER.schedule(() -> {
            if (!result.isDone()) {
                end(new ChildTimeoutException(pid, options.timeout()));
                process.destroyForcibly();
            }
        }, options.timeout().toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((sum, failure) -> timer.cancel(false));
    }

    /** Runs on the channel thread for the child's whole life: reads results and, at the end, finds out why. */
    private void readChannel() {
        DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        boolean ready = false;
        try {
            Message hello = Frames.readSkippingText(in, stderr::appendStdout);
            if (hello != null) {
                if (!(hello instanceof Message.Ready r) || r.protocolVersion() != Frames.PROTOCOL_VERSION) {
                    throw new ChildProtocolException("expected a ready message (protocol "
                            + Frames.PROTOCOL_VERSION + ") first, got " + hello);
                }
                ready = true;
                handshake.complete(null);
                for (Message message; (message = Frames.readSkippingText(in, stderr::appendStdout)) != null; ) {
                    switch (message) {
                        case Message.Result result -> {
                            Pending next = nextPending(message);
                            try {
                                next.result().complete(next.output() == null ? result.value()
                                        : next.output().check(result.value()));
                            } catch (ChildProtocolException e) {
                                next.result().completeExceptionally(
                                        new ChildProtocolException("child " + pid + ": " + e.getMessage()));
                                throw e;
                            }
                        }
                        case Message.Failure failure -> nextPending(message).result()
                                .completeExceptionally(new ChildErrorException(pid, failure.message()));
                        case Message.Data data -> outputOfOldest(message).accept(data.bytes());
                        case Message.Usage usage -> {
                            UsageMeter.Reading now = UsageMeter.Reading.of(usage);
                            ChildUsage.add(now.since(lastUsage));
                            ChildUsage.resident(pid, usage.residentBytes());
                            lastUsage = now;
                        }
                        default -> throw new ChildProtocolException("unexpected message " + message);
                    }
                }
            }
            end(endOfStream(ready));
        } catch (ChildProtocolException e) {
            end(new ChildProtocolException("child " + pid + ": " + e.getMessage()));
            process.destroyForcibly();
        } catch (IOException e) {
            end(endOfStream(ready));
        }
    }

    private synchronized Pending nextPending(Message message) {
        Pending next = pending.pollFirst();
        if (next == null) {
            throw new ChildProtocolException("sent " + message + " with no job pending");
        }
        return next;
    }

    private synchronized OutputSink outputOfOldest(Message message) {
        Pending oldest = pending.peekFirst();
        if (oldest == null || oldest.output() == null) {
            throw new ChildProtocolException("sent " + message + " with no job awaiting output");
        }
        return oldest.output();
    }

    /** The child's output ended: wait for its exit status, then name what went wrong, if anything. */
    private ChildProcessException endOfStream(boolean ready) {
        Integer exitCode = awaitExit();
        String tail = stderr.awaitText(STDERR_GRACE_MILLIS);
        synchronized (this) {
            if (closing) {
                return closedException();
            }
        }
        if (exitCode == null) {
            process.destroyForcibly();
            return new ChildProtocolException("child " + pid + " closed its output but kept running; destroyed"
                    + StderrTail.suffix(tail));
        }
        if (!ready) {
            return new ChildStartException("child JVM " + pid + " " + ChildExitException.describe(exitCode)
                    + " before it was ready" + StderrTail.suffix(tail));
        }
        if (exitCode != 0) {
            return new ChildExitException(pid, exitCode, exitCode == 128 + 9 ? OomKills.hint(oomKillsAtStart) : "",
                    tail);
        }
        return new ChildProtocolException("child " + pid + " exited (code 0) before sending a result"
                + StderrTail.suffix(tail));
    }

    private Integer awaitExit() {
        try {
            return process.waitFor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Records why the child is finished (the first reason wins) and fails every job still waiting. */
    private void end(ChildProcessException reason) {
        ChildUsage.ended(pid);
        List<Pending> orphans;
        ChildProcessException cause;
        synchronized (this) {
            if (ended == null) {
                ended = reason;
            }
            cause = ended;
            orphans = new ArrayList<>(pending);
            pending.clear();
        }
        handshake.completeExceptionally(cause);
        orphans.forEach(orphan -> orphan.result().completeExceptionally(cause));
    }

    private ChildProcessException closedException() {
        return new ChildProcessException("child " + pid + " was closed before it delivered its result");
    }

    /**
     * Ends the child: closes its stdin, waits briefly for it to exit, destroys it if it does not. Jobs still
     * pending fail. Safe to call more than once.
     */
    @Override
    public void close() {
        if (!orderExit()) {
            return;
        }
        if (awaitExit() == null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        end(closedException());
    }

    /**
     * Ends the child without waiting for it: closes its stdin (the order to exit) and returns a future that completes
     * when it has exited. A child still running after the exit grace period is destroyed. Jobs still pending fail.
     * Safe to call more than once, and with {@link #close}.
     */
    public CompletableFuture<Void> release() {
        orderExit();
        ScheduledFuture<?> deadline = ChildTimeouts.SCHEDULER.schedule(process::destroyForcibly, EXIT_GRACE_MILLIS,
                TimeUnit.MILLISECONDS);
        return process.onExit().thenRun(() -> {
            deadline.cancel(false);
            end(closedException());
        });
    }

    /** Takes no more work and closes the child's stdin, its order to exit; false when that was done already. */
    private boolean orderExit() {
        synchronized (this) {
            if (closing) {
                return false;
            }
            closing = true;
        }
        synchronized (writeLock) {
            try {
                toChild.close();
            } catch (IOException e) {
                // Already closed by the child's death: nothing to tell it.
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ChildProcess[pid=" + pid + ", alive=" + process.isAlive() + "]";
    }

    /** A job waiting for its answer, and for its output when it comes back in frames. */
    private record Pending(CompletableFuture<Long> result, OutputSink output) {
    }
}
