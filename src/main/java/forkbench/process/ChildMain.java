package forkbench.process;

import forkbench.workload.Chunked;
import forkbench.workload.Kernel;
import forkbench.workload.Kernels;
import forkbench.workload.Range;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The worker script of the seed, in Java: the entry point of every child JVM that {@link ChildProcess} forks.
 *
 * <p>The main thread only reads the channel; the computing happens on a second thread. That split is what keeps the
 * no-orphans promise: when the parent dies, however it dies, the kernel closes its end of our stdin, the main thread
 * sees end of stream at once (even mid-computation) and halts the JVM.
 */
final class ChildMain {

    /**
     * Messages (jobs, and a data job's frames of at most 64 KiB) waiting in a child beyond the one it handles; more
     * wait in the pipe, then in the parent's submit.
     */
    static final int MAX_QUEUED_JOBS = 1024;
    private static final long PARENT_CHECK_MILLIS = 100;
    /** The environment variable through which a child learns its parent's pid. */
    static final String PARENT_PID = "FORKBENCH_PARENT_PID";
    /**
     * The system property that sets how many elements one kernel call covers ({@link Chunked}); 0 computes each
     * part in one call, as the seed's worker does. There for the A/B in {@code ColdChildVariants}.
     */
    static final String CHUNK_PROPERTY = ForkOptions.CHUNK_PROPERTY;
    /**
     * The exit code of a child whose kernel ran out of heap. A JVM after an OutOfMemoryError is in no state to be
     * trusted with the next part (any of its threads may have failed an allocation), so the child ends and its
     * parent, told why, decides what to do with the part.
     */
    public static final int OUT_OF_MEMORY_EXIT_CODE = 99;

    private ChildMain() {
    }

    public static void main(String[] args) {
        ChildChannel channel;
        try {
            channel = ChildChannel.open();
        } catch (IOException e) {
            System.err.println("forkbench child: cannot open the channel: " + e.getMessage());
            Runtime.getRuntime().halt(2);
            return;
        }
        // Bounded: a parent that sends faster than the child computes is held back by the pipe, instead of growing
        // this queue without limit. While it waits for room the main thread does not read, so it checks that its
        // parent is still alive instead (see offer).
        BlockingQueue<Message> jobs = new ArrayBlockingQueue<>(MAX_QUEUED_JOBS);
        // A named class rather than a lambda: the first lambda in a JVM costs a few ms of bootstrap at start-up.
        Thread worker = new Thread(new Worker(channel, jobs), "forkbench-child-worker");
        worker.setDaemon(true);
        worker.start();
        int status = 0;
        try {
            for (Message message; (message = channel.receive()) != null; ) {
                if (!(message instanceof Message.Start || message instanceof Message.StartData
                        || message instanceof Message.Data)) {
                    throw new ChildProtocolException("a child only accepts start and data messages, got " + message);
                }
                offer(jobs, message);
            }
        } catch (IOException | ChildProtocolException e) {
            System.err.println("forkbench child: " + e.getMessage());
            status = 2;
        }
        // End of stream: the parent is done with us or gone. Halt, even mid-sum; nothing is left to flush.
        Runtime.getRuntime().halt(status);
    }

    /**
     * Queues a job, waiting for room; halts if the parent dies meanwhile, as end of stream would have told. The
     * parent's pid comes from the environment ({@link ChildProcess} sets it), read only when the queue is full:
     * looking up the parent process costs 12-20 ms of a child's start.
     */
    private static void offer(BlockingQueue<Message> jobs, Message start) {
        try {
            ProcessHandle parent = null;
            while (!jobs.offer(start, PARENT_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                if (parent == null) {
                    parent = parent();
                }
                if (!parent.isAlive()) {
                    Runtime.getRuntime().halt(0);
                }
            }
        } catch (InterruptedException e) {
            Runtime.getRuntime().halt(2);
        }
    }

    private static ProcessHandle parent() {
        try {
            return ProcessHandle.of(Long.parseLong(System.getenv(PARENT_PID))).orElseThrow();
        } catch (RuntimeException e) {
            // No usable pid: the parent is either unknown or already gone; only the pipe can tell which.
            return ProcessHandle.current().parent().orElse(ProcessHandle.current());
        }
    }

    /**
     * Computes one part at a time and answers. A bad range, a kernel that cannot be created or one that throws gets
     * an error answer, and the child stays usable. Each kernel is created once, on its first job.
     */
    private record Worker(ChildChannel channel, BlockingQueue<Message> jobs) implements Runnable {
        @Override
        public void run() {
            Map<String, Kernel> kernels = new HashMap<>();
            DataWork data = new DataWork(channel, jobs);
            UsageMeter meter = System.getenv(ChildUsage.ACCOUNT_VARIABLE) != null ? UsageMeter.ofThisJvm() : null;
            try {
                while (true) {
                    Message job = jobs.take();
                    if (job instanceof Message.Start start) {
                        Message answer = answer(start, kernels);
                        report(meter);
                        channel.send(answer);
                    } else if (job instanceof Message.StartData start) {
                        Message answer = data.answer(start);
                        report(meter);
                        channel.send(answer);
                    } else {
                        throw new ChildProtocolException("data frame with no data job");
                    }
                }
            } catch (InterruptedException | IOException e) {
                // The parent closed the channel under us: the main thread is about to see end of stream and halt.
                System.err.println("forkbench child: " + e);
            } catch (ChildProtocolException e) {
                System.err.println("forkbench child: " + e.getMessage());
                Runtime.getRuntime().halt(2);
            } catch (OutOfMemoryError e) {
                // The kernel's blocks are unreachable once the error has left it, so there is room to say so.
                System.err.println("forkbench child: the kernel ran out of memory: " + e);
                Runtime.getRuntime().halt(OUT_OF_MEMORY_EXIT_CODE);
            }
        }

        /** The child's usage so far, just before the answer it goes with, when the parent asked for it. */
        private void report(UsageMeter meter) throws IOException {
            if (meter != null) {
                channel.send(meter.read().toMessage(UsageMeter.residentBytes()));
            }
        }

        private static final long CHUNK = Long.getLong(CHUNK_PROPERTY, Chunked.DEFAULT_CHUNK);

        private static Message answer(Message.Start start, Map<String, Kernel> kernels) {
            Range range;
            Kernel kernel;
            try {
                range = new Range(start.from(), start.to());
                kernel = kernels.get(start.kernel());
                if (kernel == null) {
                    kernel = Kernels.byName(start.kernel());
                    kernels.put(start.kernel(), kernel);
                }
            } catch (IllegalArgumentException e) {
                return new Message.Failure(String.valueOf(e.getMessage()));
            }
            try {
                return new Message.Result(Chunked.compute(kernel, range.from(), range.to(), CHUNK));
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                // The kernel's own failure: its type says as much as its message.
                return new Message.Failure(start.kernel() + " threw " + e);
            } catch (OutOfMemoryError e) {
                // The kernel's blocks are unreachable once the error has left it, so there is room to say so; the
                // JVM itself is not to be trusted after it, so it ends (the parent sees the exit code).
                System.err.println("forkbench child: kernel " + start.kernel() + " ran out of memory: " + e);
                Runtime.getRuntime().halt(OUT_OF_MEMORY_EXIT_CODE);
                throw e;
            }
        }
    }
}
