package forkbench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import forkbench.workload.FaultKernel;
import forkbench.workload.FaultPlan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the JVM under test of one trial (no shell), reads its job lines as they come, and bounds it: a JVM still
 * running past {@link #limitMillis} is destroyed with everything it started. Jobs it never reported are filled in:
 * the one it was in when it died as failed, the rest as lost.
 */
final class TrialRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STDERR_TAIL_CHARS = 2000;

    private final String java;
    private final String classPath;

    TrialRunner(String java, String classPath) {
        this.java = java;
        this.classPath = classPath;
    }

    /** Everything a trial may take: each job up to its deadline, plus the JVM's and its pool's start. */
    static long limitMillis(TrialSpec spec) {
        return (long) spec.jobs() * spec.deadlineMillis() + 60_000;
    }

    TrialResult run(TrialSpec spec, int round) throws IOException, InterruptedException {
        Path tokens = Files.createTempDirectory("forkbench-faults-");
        try {
            return run(spec, round, tokens);
        } finally {
            try (Stream<Path> files = Files.walk(tokens)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private TrialResult run(TrialSpec spec, int round, Path tokens) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + spec.heap(), "-XX:-UsePerfData", "-cp",
                classPath, Trial.class.getName()));
        command.addAll(spec.toArgs());
        command.add(tokens.toString());
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        StringBuilder stderr = new StringBuilder();
        Thread drainer = drain(process.getErrorStream(), stderr);
        List<JobRecord> jobs = new ArrayList<>();
        JsonNode[] end = new JsonNode[1];
        Thread reader = Thread.ofPlatform().daemon().name("forkbench-trial-reader").start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    JsonNode node = JSON.readTree(line);
                    if (node.path("type").asText().equals("end")) {
                        end[0] = node;
                    } else {
                        synchronized (jobs) {
                            jobs.add(JSON.treeToValue(node, JobRecord.class));
                        }
                    }
                }
            } catch (IOException e) {
                // The JVM was destroyed mid-line: what arrived before stands.
            }
        });
        Ending ending;
        if (process.waitFor(limitMillis(spec), TimeUnit.MILLISECONDS)) {
            ending = process.exitValue() == 0 ? Ending.SURVIVED : Ending.DIED;
        } else {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            ending = Ending.KILLED;
        }
        reader.join(5_000);
        drainer.join(5_000);
        int exitCode = ending == Ending.KILLED ? -1 : process.exitValue();
        if (ending == Ending.SURVIVED && end[0] == null) {
            ending = Ending.DIED;
        }
        List<JobRecord> all;
        synchronized (jobs) {
            all = fillIn(spec, tokens, jobs, ending, exitCode);
        }
        JsonNode last = end[0];
        String tail;
        synchronized (stderr) {
            tail = stderr.toString().strip();
        }
        String problem = last == null ? "" : last.path("problem").asText("");
        return new TrialResult(spec, round, all, ending, exitCode, numbers(last, "coldStartMillis"),
                numbers(last, "replacementMillis"),
                Trial.oneLine(problem.isEmpty() ? last == null ? "" : last.path("closeProblem").asText("") : problem),
                Trial.oneLine(tail));
    }

    /** The records the JVM sent, and for each job it never reported: failed if it died in it, else lost. */
    private static List<JobRecord> fillIn(TrialSpec spec, Path tokens, List<JobRecord> reported, Ending ending,
                                          int exitCode) {
        List<JobRecord> all = new ArrayList<>(reported);
        long now = System.nanoTime();
        FaultPlan plan = spec.plan(tokens).orElse(null);
        String how = ending == Ending.KILLED ? "the JVM under test was destroyed at the trial's time limit"
                : "the JVM under test died (exit code " + exitCode + ")";
        for (int job = all.size(); job < spec.jobs(); job++) {
            boolean faulted = plan != null && plan.faults(job);
            long fired = faulted ? FaultKernel.firedAt(plan.tokenOf(job)).orElse(0) : 0;
            boolean inFlight = job == reported.size();
            all.add(new JobRecord(job, faulted, inFlight ? Outcome.FAILED : Outcome.LOST, now, now, fired,
                    inFlight ? how + " during this job" : "not run: " + how));
        }
        return all;
    }

    private static List<Double> numbers(JsonNode end, String field) {
        List<Double> values = new ArrayList<>();
        if (end != null) {
            end.path(field).forEach(value -> values.add(value.asDouble()));
        }
        return values;
    }

    private static Thread drain(InputStream stream, StringBuilder tail) {
        return Thread.ofPlatform().daemon().name("forkbench-trial-stderr").start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (tail) {
                        tail.append(line).append('\n');
                        if (tail.length() > STDERR_TAIL_CHARS) {
                            tail.delete(0, tail.length() - STDERR_TAIL_CHARS);
                        }
                    }
                }
            } catch (IOException e) {
                // Closed with the process: the tail holds what came before.
            }
        });
    }
}
