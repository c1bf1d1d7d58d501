package forkbench.process;

import forkbench.workload.Kernel;
import forkbench.workload.Range;
import forkbench.workload.data.DataJob;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A fixed number of child JVMs reused for every job, that heals: a child that exits, is killed, breaks its channel
 * or misses its timeout is replaced by a fresh one at once, off any job's path, and each part it held is retried on
 * the replacement or failed, as {@link RetryPolicy} says. The other children and their parts are untouched, so a
 * failure stays where it happened. A part fails only with the cause of its last attempt (an exit code or signal,
 * a timeout, the child's last stderr lines). After {@code maxConsecutiveDeaths} deaths with no part completing
 * between them the pool stops, closes its children and fails every job with {@link ChildPoolStoppedException}
 * rather than forking forever.
 *
 * <pre>{@code
 * try (ChildPool pool = ChildPool.start(2, ForkOptions.defaults())) {
 *     List<CompletableFuture<Long>> parts = List.of(pool.submit(0, kernel, new Range(0, half)),
 *             pool.submit(1, kernel, new Range(half, n)));
 *     Children.awaitAll(parts);   // Promise.all: fails fast; the pool lives on
 * }
 * }</pre>
 */
public final class ChildPool implements AutoCloseable {

    private static final long CLOSE_WAIT_SECONDS = 10;

    private final ForkOptions options;
    /** Retries start from here: a copied data part writes its bytes while it is sent, which must not hold a reader. */
    private final ExecutorService retries = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "forkbench-pool-retry");
        thread.setDaemon(true);
        return thread;
    });

    // Guarded by this.
    private final ChildProcess[] children;
    private final List<Duration> recoveries = new ArrayList<>();
    private int consecutiveDeaths;
    private int deaths;
    private ChildPoolStoppedException stopped;
    private boolean closed;

    private ChildPool(ForkOptions options, List<ChildProcess> children) {
        this.options = options;
        this.children = children.toArray(ChildProcess[]::new);
    }

    /** Forks {@code size} children as {@code options} say (their retry policy and crash-loop bound included). */
    public static ChildPool start(int size, ForkOptions options) {
        return new ChildPool(options, Children.forkAll(size, options));
    }

    public int size() {
        return children.length;
    }

    /** Runs {@code kernel} over {@code range} on child {@code worker}, healing as the class says. */
    public CompletableFuture<Long> submit(int worker, Kernel kernel, Range range) {
        return submit(worker, child -> child.submit(kernel, range));
    }

    /** Sends child {@code worker} its slice of a data job ({@link ChildProcess#submit(DataJob, long, long)}). */
    public CompletableFuture<Long> submit(int worker, DataJob job, long from, long to) {
        return submit(worker, child -> child.submit(job, from, to));
    }

    private CompletableFuture<Long> submit(int worker, Function<ChildProcess, CompletableFuture<Long>> part) {
        if (worker < 0 || worker >= children.length) {
            throw new IllegalArgumentException("no worker " + worker + " in a pool of " + children.length);
        }
        CompletableFuture<Long> result = new CompletableFuture<>();
        attempt(worker, part, result, options.retry() == RetryPolicy.RETRY_ONCE ? 1 : 0);
        return result;
    }

    private void attempt(int worker, Function<ChildProcess, CompletableFuture<Long>> part,
                         CompletableFuture<Long> result, int retriesLeft) {
        ChildProcess child;
        CompletableFuture<Long> answer;
        try {
            child = current(worker);
            answer = part.apply(child);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        answer.whenComplete((value, failure) -> {
            if (failure == null) {
                completed();
                result.complete(value);
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            switch (isDeath(cause) ? died(worker, child, cause) : Death.NONE) {
                case REPLACED -> {
                    if (retriesLeft > 0) {
                        retries.execute(() -> attempt(worker, part, result, retriesLeft - 1));
                    } else {
                        result.completeExceptionally(cause);
                    }
                }
                case STOPPED -> result.completeExceptionally(stoppedBy());
                case NONE -> result.completeExceptionally(cause);
            }
        });
    }

    /** What became of the child a part failed on. */
    private enum Death {
        /** It did not die (the kernel's own error), or the pool is closed: nothing to replace or retry. */
        NONE,
        /** It died and has a replacement (made now, or by an earlier part of the same child). */
        REPLACED,
        /** Its death stopped the pool. */
        STOPPED
    }

    private synchronized ChildPoolStoppedException stoppedBy() {
        return stopped;
    }

    /** A failure that ends the child: anything but the kernel's own error answer, or our own close. */
    private static boolean isDeath(Throwable cause) {
        return cause instanceof ChildExitException || cause instanceof ChildTimeoutException
                || cause instanceof ChildProtocolException || cause instanceof ChildStartException;
    }

    private synchronized ChildProcess current(int worker) {
        if (stopped != null) {
            throw stopped;
        }
        if (closed) {
            throw new IllegalStateException("the child pool is closed");
        }
        return children[worker];
    }

    private synchronized void completed() {
        consecutiveDeaths = 0;
    }

    /** Records that {@code child} died and replaces it, once however many of its parts report the death. */
    private Death died(int worker, ChildProcess child, Throwable cause) {
        ChildProcess replacement;
        long detected = System.nanoTime();
        synchronized (this) {
            if (stopped != null) {
                return Death.STOPPED;
            }
            if (closed) {
                return Death.NONE;
            }
            if (children[worker] != child) {
                return Death.REPLACED;
            }
            deaths++;
            if (++consecutiveDeaths >= options.maxConsecutiveDeaths()) {
                return stop(cause);
            }
            try {
                replacement = ChildProcess.fork(options);
            } catch (ChildStartException e) {
                return stop(e);
            }
            children[worker] = replacement;
        }
        // Said, never silent: a death inside a timed run would otherwise hide in its numbers.
        System.err.println("forkbench: child " + child.pid() + " died (" + firstLine(cause) + "); child "
                + replacement.pid() + " replaces it" + (options.retry() == RetryPolicy.RETRY_ONCE
                ? " and takes its parts again" : ""));
        retries.execute(child::close);
        replacement.ready().thenRun(() -> {
            synchronized (this) {
                recoveries.add(Duration.ofNanos(System.nanoTime() - detected));
            }
        });
        return Death.REPLACED;
    }

    private static String firstLine(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        int cut = message.indexOf("; stderr:");
        return cut < 0 ? message : message.substring(0, cut);
    }

    /** Called holding the lock: no more forks; every child goes, and every job from now on fails at once. */
    private Death stop(Throwable last) {
        stopped = new ChildPoolStoppedException(consecutiveDeaths, last);
        closeLater(Arrays.asList(children.clone()));
        return Death.STOPPED;
    }

    /** Closed from another thread: this one may be a child's channel reader, which a close would wait on. */
    private void closeLater(List<ChildProcess> dying) {
        retries.execute(() -> Children.closeAll(dying));
    }

    /** How many children have died and been replaced (or stopped the pool) since it started. */
    public synchronized int deaths() {
        return deaths;
    }

    /** For each replacement that is up: the time from its predecessor's death being seen to its first message. */
    public synchronized List<Duration> recoveries() {
        return List.copyOf(recoveries);
    }

    /** The children now serving, in worker order (a replaced one is gone from here). */
    public synchronized List<ChildProcess> children() {
        return List.of(children);
    }

    /** Closes every child and waits for it to exit; jobs still running fail. Safe to call more than once. */
    @Override
    public void close() {
        List<ChildProcess> serving;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            serving = List.of(children);
        }
        try {
            Children.closeAll(serving);
        } finally {
            // Replaced children are closed on this executor: wait for them too, so close leaves nothing running.
            retries.shutdown();
            try {
                retries.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
