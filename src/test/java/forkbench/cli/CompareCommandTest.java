package forkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome compare(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CompareCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A run of "pool" at 1 and 2 workers (and, if asked, a configuration only it has), every time scaled. */
    private Path run(String name, double scale, boolean extra) throws IOException {
        return run(name, scale, extra, "");
    }

    private Path run(String name, double scale, boolean extra, String moreParams) throws IOException {
        StringBuilder json = new StringBuilder("[");
        String[][] configs = extra ? new String[][] {{"1", "10"}, {"2", "5"}, {"4", "3"}} : new String[][] {{"1", "10"}, {"2", "5"}};
        for (int i = 0; i < configs.length; i++) {
            double t = Double.parseDouble(configs[i][1]) * scale;
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, """
                    {"benchmark": "b.S.pool", "mode": "avgt", "threads": 1, "forks": 1,
                     "params": {%s"n": "100", "workers": "%s"},
                     "primaryMetric": {"score": %f, "scoreUnit": "ms/op",
                                       "rawData": [[%f, %f], [%f, %f], [%f, %f], [%f, %f]]}}""",
                    moreParams, configs[i][0], t, t * 0.99, t * 0.991, t * 1.01, t * 1.011, t * 0.995, t * 0.996,
                    t * 1.005, t * 1.004));
        }
        return Files.writeString(dir.resolve(name), json.append("]").toString());
    }

    @Test
    void anInjectedTenPercentSlowdownFailsTheGate() throws IOException {
        Path base = run("base.json", 1.0, false);
        Path slower = run("slower.json", 1.10, false);
        Outcome outcome = compare(base.toString(), slower.toString(), "--out", dir.resolve("c").toString());
        assertEquals(1, outcome.status(), outcome.err());
        assertTrue(outcome.out().contains("| pool n=100 workers=2 | 4 / 4 | 5.00 ms | 5.50 ms | 1.10× ["), outcome.out());
        assertTrue(outcome.out().lines().anyMatch(line -> line.contains("| +10.0% | ") && line.endsWith("| ⚠ slower |")),
                outcome.out());
        assertTrue(outcome.out().contains("after Holm's correction for testing 2 configurations"), outcome.out());
        assertTrue(Files.readString(dir.resolve("c/compare.html")).contains("class=\"t warn\""));
    }

    @Test
    void twoRunsOfTheSameTimingsPass() throws IOException {
        Path base = run("base.json", 1.0, false);
        Path same = run("same.json", 1.0, false);
        Outcome outcome = compare(base.toString(), same.toString(), "--out", dir.resolve("c").toString());
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(outcome.out().contains("no significant change"), outcome.out());
    }

    @Test
    void aSlowdownWithinTheThresholdPassesAndFasterRunsAreNamed() throws IOException {
        Path base = run("base.json", 1.0, false);
        assertEquals(0, compare(base.toString(), run("slower.json", 1.10, false).toString(), "--threshold", "20",
                "--out", dir.resolve("a").toString()).status());
        Outcome faster = compare(base.toString(), run("faster.json", 0.8, false).toString(),
                "--out", dir.resolve("b").toString());
        assertEquals(0, faster.status());
        assertTrue(faster.out().contains("| **faster** |"), faster.out());
    }

    @Test
    void configurationsInOnlyOneRunAreListed() throws IOException {
        Outcome outcome = compare(run("base.json", 1.0, false).toString(), run("more.json", 1.0, true).toString(),
                "--out", dir.resolve("c").toString());
        assertEquals(0, outcome.status());
        assertTrue(outcome.out().contains("## Only in the new run\n\n| configuration |\n| --- |\n| pool n=100 workers=4 |"),
                outcome.out());
    }

    @Test
    void aParameterAddedSinceTheBaseRunWithOneValueDoesNotUnmatchEverything() throws IOException {
        Path base = run("base.json", 1.0, false);
        Path withKernel = run("kernel.json", 1.10, false, "\"kernel\": \"sum\", ");
        Outcome outcome = compare(base.toString(), withKernel.toString(), "--out", dir.resolve("c").toString());
        assertEquals(1, outcome.status(), outcome.out());
        assertTrue(outcome.out().contains("2 configurations compared: 2 significantly slower"), outcome.out());
        assertTrue(outcome.out().contains("Matched without kernel=sum"), outcome.out());
        assertFalse(outcome.out().contains("Only in"), outcome.out());
    }

    @Test
    void sizesWrittenDifferentlyAreTheSameConfiguration() throws IOException {
        Path base = run("base.json", 1.0, false);
        Path shorthand = Files.writeString(dir.resolve("shorthand.json"),
                Files.readString(run("plain.json", 1.0, false)).replace("\"n\": \"100\"", "\"n\": \"1e2\""));
        Outcome outcome = compare(base.toString(), shorthand.toString(), "--out", dir.resolve("c").toString());
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(outcome.out().contains("2 configurations compared"), outcome.out());
    }

    @Test
    void helpPrintsCleanly() {
        PrintStream original = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
        Outcome outcome;
        try {
            outcome = compare("-h");
        } finally {
            System.setErr(original);
        }
        assertEquals(0, outcome.status());
        assertTrue(outcome.out().contains("(default: 5%)"), outcome.out());
        assertEquals("", stray.toString(StandardCharsets.UTF_8) + outcome.err(), "picocli warned about the help text");
    }

    @Test
    void badInputEndsWithOneLineAndExitCode2() throws IOException {
        Path base = run("base.json", 1.0, false);
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        for (String[] args : new String[][] {{base.toString(), empty.toString()}, {base.toString()},
                {base.toString(), base.toString(), "--threshold", "-1"}}) {
            Outcome outcome = compare(args);
            assertEquals(2, outcome.status(), String.join(" ", args));
            assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
            assertTrue(outcome.err().startsWith("forkbench compare: "), outcome.err());
        }
        assertFalse(Files.exists(dir.resolve("compare")), "nothing is written for bad input");
    }

    @Test
    void aFileComparedWithItselfIsBadUsageNamedAsSuch() throws IOException {
        Path base = run("base.json", 1.0, false);
        Outcome outcome = compare(base.toString(), dir.resolve(".").resolve("base.json").toString());
        assertEquals(2, outcome.status(), outcome.err());
        assertTrue(outcome.err().contains("are one file: compare a run with another run"), outcome.err());
        assertFalse(outcome.err().contains("count double"), outcome.err());
    }

    @Test
    void aWarmRunAgainstASingleShotRunIsRefusedNotCompared() throws IOException {
        Path base = run("base.json", 1.0, false);
        Path shot = Files.writeString(dir.resolve("shot.json"), Files.readString(run("ss.json", 300, false))
                .replace("\"avgt\"", "\"ss\""));
        Outcome outcome = compare(base.toString(), shot.toString(), "--out", dir.resolve("c").toString());
        assertEquals(2, outcome.status(), outcome.err());
        assertTrue(outcome.err().contains("is measured in mode avgt here and ss in")
                || outcome.err().contains("is measured in mode ss here and avgt in"), outcome.err());
        assertFalse(Files.exists(dir.resolve("c")));
    }

    @Test
    void runsMadeOnDifferentMachinesAreComparedWithACaution() throws IOException {
        Path base = run("base.json", 1.0, false);
        Path fresh = run("new.json", 1.0, false);
        forkbench.record.RunMetadata here = forkbench.record.RunMetadata.capture().finished();
        Files.writeString(forkbench.record.RunMetadata.fileFor(base), here.toJson());
        Files.writeString(forkbench.record.RunMetadata.fileFor(fresh), forkbench.record.OtherMachine.of(here,
                "big-host", 64, "Oracle 21.0.1").toJson());
        Outcome outcome = compare(base.toString(), fresh.toString(), "--out", dir.resolve("c").toString());
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(outcome.err().contains("caution: the base run was made on " + here.describeMachine()
                + "; the new run on big-host (64 cores, JDK Oracle 21.0.1)"), outcome.err());
        assertTrue(Files.readString(dir.resolve("c/compare.md")).contains("Caution: the base run was made on"));
    }
}
