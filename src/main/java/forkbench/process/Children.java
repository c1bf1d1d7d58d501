package forkbench.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Many children at once: fork a group, and await their results as {@code Promise.all} does. */
public final class Children {

    private Children() {
    }

    /** Forks {@code count} children; if one fails to start, the ones already started are closed. */
    public static List<ChildProcess> forkAll(int count, ForkOptions options) {
        if (count < 1) {
            throw new IllegalArgumentException("cannot fork " + count + " child processes: need at least 1");
        }
        if (count > options.maxChildren()) {
            throw new IllegalArgumentException("cannot fork " + count + " child processes in one call: the limit is "
                    + options.maxChildren() + " (each child is a whole JVM; raise ForkOptions.maxChildren if you mean it)");
        }
        List<ChildProcess> children = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                children.add(ChildProcess.fork(options));
            }
        } catch (RuntimeException e) {
            closeAll(children);
            throw e;
        }
        return children;
    }

    /**
     * A future of all the results, in order, that fails as soon as any one fails, without waiting for the rest.
     */
    public static <T> CompletableFuture<List<T>> all(List<? extends CompletableFuture<? extends T>> futures) {
        CompletableFuture<List<T>> all = new CompletableFuture<>();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenRun(() -> {
            List<T> results = new ArrayList<>(futures.size());
            futures.forEach(future -> results.add(future.join()));
            all.complete(results);
        });
        futures.forEach(future -> future.whenComplete((result, failure) -> {
            if (failure != null) {
                all.completeExceptionally(unwrap(failure));
            }
        }));
        return all;
    }

    /** Waits for {@link #all}; a child's failure is rethrown as the {@link ChildProcessException} it was. */
    public static <T> List<T> awaitAll(List<? extends CompletableFuture<? extends T>> futures)
            throws InterruptedException {
        try {
            return Children.<T>all(futures).get();
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e.getCause());
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ChildProcessException(cause.toString(), cause);
        }
    }

    /** Closes every child, even when some close fails. */
    public static void closeAll(Collection<ChildProcess> children) {
        RuntimeException first = null;
        for (ChildProcess child : children) {
            try {
                child.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
