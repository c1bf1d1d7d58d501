package forkbench.cli;

import forkbench.record.Interleaving;
import forkbench.record.RunMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --resume} continues only what can be continued — a run in rounds, on the machine it started on, from a
 * result file that reads — and refuses anything else in one line with exit 2, touching nothing.
 */
class ResumeTest {

    private static final List<String> ROUNDS = List.of("StrategyBenchmark.threadPool", "-p", "n=1e3", "-p",
            "workers=1", "--interleave", "3", "-wi", "0", "-i", "1", "-r", "100ms");
    private static final String RESULT = """
            [{"benchmark": "forkbench.benchmarks.StrategyBenchmark.threadPool", "mode": "avgt", "threads": 1,
              "forks": 1, "params": {"kernel": "sum", "n": "1e3", "workers": "1"},
              "primaryMetric": {"score": 10, "scoreUnit": "us/op", "rawData": [[VALUE]]}}]
            """;

    @TempDir
    Path dir;

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome resume(Path folder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new BenchmarkCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"--resume", folder.toString()});
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path run(String result, RunMetadata metadata) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("run"));
        Files.writeString(folder.resolve("result.json"), result);
        Files.writeString(folder.resolve("result.metadata.json"), metadata.toJson());
        return folder;
    }

    private static RunMetadata inRounds(List<String> arguments) {
        return RunMetadata.capture().withArguments(arguments)
                .withInterleaving(new Interleaving(1, 7, List.of(List.of("threadPool kernel=sum n=1e3 workers=1"))))
                .finished();
    }

    private static void assertRefused(Outcome outcome, Path folder, String result, String expected)
            throws IOException {
        assertEquals(2, outcome.status(), outcome.out() + outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertTrue(outcome.err().contains(expected), outcome.err());
        assertFalse(outcome.err().contains("Exception"), outcome.err());
        assertEquals(result, Files.readString(folder.resolve("result.json")), "the kept result is untouched");
    }

    @Test
    void aRunMadeWithForksHasNoRoundsToResumeAndIsNotRunAgain() throws IOException {
        String result = RESULT.replace("VALUE", "10");
        List<String> forks = List.of("StrategyBenchmark.threadPool", "-p", "n=1e3", "-p", "workers=1", "-f", "1",
                "-wi", "0", "-i", "1", "-r", "100ms");
        Path folder = run(result, RunMetadata.capture().withArguments(forks).finished());
        assertRefused(resume(folder), folder, result, "that run was made JMH's own way (-f), not in rounds");
    }

    @Test
    void aRunFromAnotherMachineOrJdkIsNotContinuedHere() throws IOException {
        String result = RESULT.replace("VALUE", "10");
        RunMetadata here = inRounds(ROUNDS);
        RunMetadata elsewhere = forkbench.record.OtherMachine.of(here, "big-host", 64, "Oracle 21.0.1");
        Path folder = run(result, elsewhere);
        assertRefused(resume(folder), folder, result, "made on big-host (64 cores, JDK Oracle 21.0.1); this is "
                + here.hostname());
    }

    @Test
    void aRunWithAKernelJarThisJvmLacksIsSentToTheScriptThatPutsItBack() throws IOException {
        String result = RESULT.replace("VALUE", "10");
        RunMetadata here = inRounds(ROUNDS);
        List<String> withKernel = new java.util.ArrayList<>(here.classPath());
        withKernel.add("/work/target/kernels/Kaese/Kaese.jar");
        RunMetadata kernelRun = new RunMetadata(here.hostname(), here.cpuModel(), here.logicalCores(),
                here.cpuQuota(), here.os(), here.jdk(), here.jvm(), here.jvmFlags(), here.startedAt(), here.endedAt(),
                null, null, here.interleaving(), null, here.arguments(), withKernel);
        Path folder = run(result, kernelRun);
        assertRefused(resume(folder), folder, result, "the run had /work/target/kernels/Kaese/Kaese.jar on its "
                + "class path (a kernel of your own?) and this JVM has not; resume it with scripts/bench --resume");
    }

    @Test
    void aTruncatedResultIsNamedAsBadInput() throws IOException {
        String result = RESULT.replace("VALUE", "10").substring(0, 120);
        Path folder = run(result, inRounds(ROUNDS));
        assertRefused(resume(folder), folder, result, folder.resolve("result.json") + ": truncated JSON");
    }

    @Test
    void anImplausibleMeasurementIsNamedAsBadInput() throws IOException {
        String result = RESULT.replace("VALUE", "1e300");
        Path folder = run(result, inRounds(ROUNDS));
        assertRefused(resume(folder), folder, result, folder.resolve("result.json") + ": ");
    }
}
