package forkbench.strategy;

import forkbench.process.ChildProcess;
import forkbench.process.Children;
import forkbench.workload.Range;
import forkbench.workload.Summation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Splitting a job into per-worker parts and combining their results: shared by the strategies that split up front. */
final class Parts {

    private Parts() {
    }

    /** One task per worker, each summing its contiguous range. */
    static List<Callable<Long>> tasks(long n, int workers) {
        return Range.split(n, workers).stream()
                .<Callable<Long>>map(range -> () -> Summation.sum(range))
                .toList();
    }

    /** Wrapping addition: the parts of a modulo-2^64 sum add up modulo 2^64. */
    static long combine(long[] parts) {
        long total = 0;
        for (long part : parts) {
            total += part;
        }
        return total;
    }

    /** Waits for every future and combines them; a worker's exception is rethrown as itself. */
    static long combine(List<? extends Future<Long>> futures) throws InterruptedException {
        long total = 0;
        for (Future<Long> future : futures) {
            try {
                total += future.get();
            } catch (ExecutionException e) {
                throw rethrow(e.getCause());
            }
        }
        return total;
    }

    /** Sends child i its range i, awaits all of them (failing fast, as Promise.all does) and combines. */
    static long sumOn(List<ChildProcess> children, long n) throws InterruptedException {
        List<Range> ranges = Range.split(n, children.size());
        List<CompletableFuture<Long>> results = new ArrayList<>(children.size());
        for (int i = 0; i < children.size(); i++) {
            results.add(children.get(i).submit(ranges.get(i)));
        }
        long total = 0;
        for (long part : Children.awaitAll(results)) {
            total += part;
        }
        return total;
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
