package forkbench.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import forkbench.process.ChildProcess;
import forkbench.process.ForkOptions;
import forkbench.process.RetryPolicy;
import forkbench.strategy.Strategies;
import forkbench.strategy.Strategy;
import forkbench.workload.FaultKernel;
import forkbench.workload.FaultPlan;
import forkbench.workload.Kernel;
import forkbench.workload.Kernels;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JVM under test of one trial: builds the strategy, runs the plan's jobs one after another and prints one JSON
 * line per job as it ends, so a JVM that dies mid-trial leaves every line before its death. Each job runs on a
 * thread of its own; one that gives no answer by the deadline is abandoned (no Java thread can be stopped) and the
 * trial goes on, until {@link #STUCK_AFTER} jobs in a row are abandoned and the strategy counts as stuck.
 */
final class Trial {

    /** Abandoned jobs in a row after which the rest are not run but counted lost. */
    static final int STUCK_AFTER = 3;
    /** Cold children timed before the jobs, to set a replacement's start against. */
    private static final int COLD_STARTS = 3;
    private static final long CLOSE_WAIT_SECONDS = 15;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Trial() {
    }

    /** Arguments: a {@link TrialSpec} ({@link TrialSpec#toArgs}) then the folder of once-only fault tokens. */
    public static void main(String[] args) throws Exception {
        PrintStream lines = System.out;
        // Nothing but our lines on stdout: whatever a kernel or library prints goes to stderr.
        System.setOut(System.err);
        TrialSpec spec = TrialSpec.fromArgs(Arrays.asList(args).subList(0, args.length - 1));
        Path tokens = Path.of(args[args.length - 1]);
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("type", "end");
        try {
            run(spec, tokens, lines, end);
        } catch (RuntimeException | Error e) {
            end.put("problem", String.valueOf(e));
        }
        lines.println(JSON.writeValueAsString(end));
        lines.flush();
        // Abandoned threads may still spin: they must not keep this JVM alive.
        Runtime.getRuntime().halt(0);
    }

    private static void run(TrialSpec spec, Path tokens, PrintStream lines, Map<String, Object> end)
            throws IOException {
        Kernel inner = Kernels.byName(spec.kernel());
        long expected = Kernels.expected(inner, spec.n());
        ForkOptions options = ForkOptions.builder().timeout(Duration.ofMillis(spec.timeoutMillis()))
                .retry(spec.retry() ? RetryPolicy.RETRY_ONCE : RetryPolicy.FAIL)
                .jvmArgs(List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx" + spec.heap())).build();
        FaultPlan plan = spec.plan(tokens).orElse(null);
        Strategy strategy = Strategies.create(spec.strategy(), spec.workers(), options);
        if (spec.strategy().equals(Strategies.PROCESS_POOL) || spec.strategy().equals(Strategies.PROCESS_COLD)) {
            end.put("coldStartMillis", coldStarts(options));
        }
        ExecutorService runners = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "forkbench-trial-job");
            thread.setDaemon(true);
            return thread;
        });
        int abandonedInARow = 0;
        for (int job = 0; job < spec.jobs(); job++) {
            Kernel kernel = plan == null ? inner : plan.kernelFor(job, inner, spec.n(), spec.workers());
            boolean faulted = kernel instanceof FaultKernel;
            long start = System.nanoTime();
            if (abandonedInARow >= STUCK_AFTER) {
                emit(lines, new JobRecord(job, faulted, Outcome.LOST, start, start, 0,
                        "not run: the strategy gave no answer " + STUCK_AFTER + " jobs in a row"));
                continue;
            }
            Future<Long> answer = runners.submit(() -> strategy.run(kernel, spec.n()));
            Outcome outcome;
            String cause = "";
            try {
                long value = answer.get(spec.deadlineMillis(), TimeUnit.MILLISECONDS);
                outcome = value == expected ? Outcome.CORRECT : Outcome.WRONG;
                cause = value == expected ? "" : "answered " + value + ", expected " + expected;
                abandonedInARow = 0;
            } catch (ExecutionException e) {
                outcome = Outcome.FAILED;
                cause = String.valueOf(e.getCause());
                abandonedInARow = 0;
            } catch (TimeoutException e) {
                answer.cancel(true);
                outcome = Outcome.FAILED;
                cause = "no answer within " + spec.deadlineMillis() + " ms; abandoned, its threads left running";
                abandonedInARow++;
            } catch (InterruptedException e) {
                throw new IllegalStateException("the trial was interrupted", e);
            }
            long fired = faulted ? FaultKernel.firedAt(plan.tokenOf(job)).orElse(0) : 0;
            emit(lines, new JobRecord(job, faulted, outcome, start, System.nanoTime(), fired, oneLine(cause)));
        }
        end.put("replacementMillis", replacements(strategy));
        end.put("closeProblem", closeWithin(strategy));
    }

    private static void emit(PrintStream lines, JobRecord record) {
        try {
            lines.println(JSON.writeValueAsString(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.flush();
    }

    /** Time from fork to first message of a few children, one at a time: what a replacement at best costs. */
    private static List<Double> coldStarts(ForkOptions options) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < COLD_STARTS; i++) {
            long start = System.nanoTime();
            try (ChildProcess child = ChildProcess.fork(options)) {
                child.ready().join();
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        return millis;
    }

    private static List<Double> replacements(Strategy strategy) {
        return strategy.replacements().stream().map(took -> took.toNanos() / 1e6).toList();
    }

    /** Closes the strategy on another thread; what went wrong, if anything, in one line. */
    private static String closeWithin(Strategy strategy) {
        ExecutorService closer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "forkbench-trial-close");
            thread.setDaemon(true);
            return thread;
        });
        Future<?> closing = closer.submit(strategy::close);
        try {
            closing.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            return "";
        } catch (ExecutionException e) {
            return oneLine(String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            return "close did not finish within " + CLOSE_WAIT_SECONDS + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while closing";
        }
    }

    static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s*\\R\\s*", " | ");
        return line.length() > 600 ? line.substring(0, 600) + "..." : line;
    }
}
