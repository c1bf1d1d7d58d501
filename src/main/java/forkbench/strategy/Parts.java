package forkbench.strategy;

import forkbench.process.ChildPool;
import forkbench.process.ChildProcess;
import forkbench.process.Children;
import forkbench.workload.Kernel;
import forkbench.workload.Range;
import forkbench.workload.data.DataJob;
import forkbench.workload.data.Transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Splitting a job into per-worker parts and combining their results: shared by the strategies that split up front. */
final class Parts {

    /** Threads that feed children their copied slices; idle ones end after a minute. */
    private static final ExecutorService SENDERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "forkbench-data-sender");
        thread.setDaemon(true);
        return thread;
    });

    private Parts() {
    }

    /** One task per worker, each computing its contiguous range. */
    static List<Callable<Long>> tasks(Kernel kernel, long n, int workers) {
        return Range.split(n, workers).stream()
                .<Callable<Long>>map(range -> () -> kernel.compute(range.from(), range.to()))
                .toList();
    }

    /** Combines parts in worker order; there is always at least one, since every worker reports a part. */
    static long combine(Kernel kernel, long[] parts) {
        long total = parts[0];
        for (int i = 1; i < parts.length; i++) {
            total = kernel.combine(total, parts[i]);
        }
        return total;
    }

    /** Waits for every future and combines them; a worker's exception is rethrown as itself. */
    static long combine(Kernel kernel, List<? extends Future<Long>> futures) throws InterruptedException {
        long[] parts = new long[futures.size()];
        for (int i = 0; i < parts.length; i++) {
            try {
                parts[i] = futures.get(i).get();
            } catch (ExecutionException e) {
                throw rethrow(e.getCause());
            }
        }
        return combine(kernel, parts);
    }

    /**
     * Sends child i its range i, awaits all of them (failing fast, as Promise.all does) and combines. A copied data
     * job's parts are sent from one thread per child, since sending a slice takes as long as the pipe needs.
     */
    static long runOn(List<ChildProcess> children, Kernel kernel, long n) throws InterruptedException {
        return runOn(children.size(), kernel, n, new Submitter() {
            @Override
            public CompletableFuture<Long> submit(int worker, Kernel k, Range range) {
                return children.get(worker).submit(k, range);
            }

            @Override
            public CompletableFuture<Long> submit(int worker, DataJob job, long from, long to) {
                return children.get(worker).submit(job, from, to);
            }
        });
    }

    /** The same on a pool's workers, which replace a dead child and retry its part as the pool's policy says. */
    static long runOn(ChildPool pool, Kernel kernel, long n) throws InterruptedException {
        return runOn(pool.size(), kernel, n, new Submitter() {
            @Override
            public CompletableFuture<Long> submit(int worker, Kernel k, Range range) {
                return pool.submit(worker, k, range);
            }

            @Override
            public CompletableFuture<Long> submit(int worker, DataJob job, long from, long to) {
                return pool.submit(worker, job, from, to);
            }
        });
    }

    /** Where a part goes: a list of children, or a pool's workers. */
    private interface Submitter {
        CompletableFuture<Long> submit(int worker, Kernel kernel, Range range);

        CompletableFuture<Long> submit(int worker, DataJob job, long from, long to);
    }

    private static long runOn(int workers, Kernel kernel, long n, Submitter submitter) throws InterruptedException {
        List<Range> ranges = Range.split(n, workers);
        List<CompletableFuture<Long>> results = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            int worker = i;
            Range range = ranges.get(i);
            if (kernel instanceof DataJob job) {
                Supplier<CompletableFuture<Long>> send = () -> submitter.submit(worker, job, job.byteAt(range.from()),
                        job.byteAt(range.to()));
                results.add(job.transport() == Transport.COPY
                        ? CompletableFuture.supplyAsync(send, SENDERS).thenCompose(result -> result) : send.get());
            } else {
                results.add(submitter.submit(worker, kernel, range));
            }
        }
        List<Long> answers = Children.awaitAll(results);
        long[] parts = new long[answers.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = answers.get(i);
        }
        return combine(kernel, parts);
    }

    static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
