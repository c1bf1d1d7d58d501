package forkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {

    private static final String RESULT = """
            [{"benchmark": "b.S.sequential", "mode": "avgt", "threads": 1, "forks": 1, "params": {"n": "10"},
              "primaryMetric": {"score": 10, "scoreUnit": "ms/op", "rawData": [[9], [10], [11]]}},
             {"benchmark": "b.S.pool", "mode": "avgt", "threads": 1, "forks": 1, "params": {"n": "10", "workers": "2"},
              "primaryMetric": {"score": 5, "scoreUnit": "ms/op", "rawData": [[4.5], [5], [5.5]]}}]
            """;

    @TempDir
    Path dir;

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome report(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path result() throws IOException {
        return Files.writeString(dir.resolve("run.json"), RESULT);
    }

    @Test
    void writesEveryOutputAndPrintsTheAnswer() throws IOException {
        Path out = dir.resolve("out");
        Outcome outcome = report(result().toString(), "--out", out.toString());
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(outcome.out().contains("fastest pool with 2 workers"), outcome.out());
        assertTrue(Files.readString(out.resolve("report.md")).contains("| pool | 2 | 3 |"));
        for (String name : List.of("report.md", "report.csv", "report.json", "report.html", "headline.md")) {
            assertTrue(Files.size(out.resolve(name)) > 0, name);
        }
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"recommendedWorkers\""));
        try (Stream<Path> files = Files.walk(out)) {
            List<String> names = files.filter(Files::isRegularFile).map(path -> out.relativize(path).toString())
                    .sorted().toList();
            assertEquals(List.of("charts/speedup-unrecorded-n_10.svg", "csv/answer-1.csv", "csv/break-even.csv",
                    "csv/configurations-1.csv", "csv/fits.csv", "csv/runs.csv", "headline.md", "inputs.json", "report.csv",
                    "report.html", "report.json", "report.md"), names,
                    "the outputs and nothing else: no temporary files left behind");
        }
        assertTrue(Files.readString(out.resolve("charts/speedup-unrecorded-n_10.svg")).startsWith("<svg"));
    }

    @Test
    void neverOverwritesAReportSilently() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, report(result().toString(), "--out", out.toString()).status());
        Files.writeString(out.resolve("report.md"), "my notes");
        Outcome again = report(result().toString(), "--out", out.toString());
        assertEquals(ExitCode.BAD_INPUT, again.status());
        assertEquals("forkbench report: " + out + " already holds files; choose another --out or pass --force to "
                + "replace an earlier output there\n", again.err());
        assertEquals("my notes", Files.readString(out.resolve("report.md")));
        assertEquals(0, report(result().toString(), "--out", out.toString(), "--force").status());
        assertFalse(Files.readString(out.resolve("report.md")).equals("my notes"));
    }

    @Test
    void theDefaultFolderIsBesideTheInputAndNumberedWhenTaken() throws IOException {
        Path input = result();
        assertEquals(0, report(input.toString()).status());
        assertEquals(0, report(input.toString()).status());
        assertTrue(Files.isRegularFile(dir.resolve("report/report.html")));
        assertTrue(Files.isRegularFile(dir.resolve("report-2/report.html")));
    }

    @Test
    void badInputEndsWithOneLineNamingTheFileAndNoReport() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path out = dir.resolve("out");
        Outcome outcome = report(empty.toString(), "--out", out.toString());
        assertEquals(ExitCode.BAD_INPUT, outcome.status());
        assertEquals("forkbench report: " + empty + ": the file is empty\n", outcome.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void memoryRefusesBadOptionsAndExistingFilesWithOneLine() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, MemoryCommand.run(new String[] {"--threads", "0"}, out, errors));
        assertEquals(2, MemoryCommand.run(new String[] {"--children", "many"}, out, errors));
        Path existing = Files.writeString(dir.resolve("taken.memory.json"), "{}");
        assertEquals(ExitCode.BAD_INPUT, MemoryCommand.run(new String[] {"--out", existing.toString()}, out, errors));
        assertEquals("{}", Files.readString(existing));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(line -> line.startsWith("forkbench memory: ")), lines.toString());
    }

    @Test
    void badOptionsEndWithOneLine() throws IOException {
        for (String[] args : List.of(new String[] {}, new String[] {result().toString(), "--confidence", "2"},
                new String[] {result().toString(), "--cores", "zero"}, new String[] {"--nonsense"})) {
            Outcome outcome = report(args);
            assertEquals(2, outcome.status(), String.join(" ", args));
            assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
            assertTrue(outcome.err().startsWith("forkbench report: "), outcome.err());
        }
    }

    @Test
    void againOnARunsFolderRebuildsItsReportOrSaysHowToMakeOne() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run-1"));
        Files.writeString(run.resolve("result.json"), RESULT);
        Outcome none = report("--again", run.toString());
        assertEquals(ExitCode.BAD_INPUT, none.status());
        assertEquals("forkbench report: " + run + " is a run's folder with no report in it yet: make one with report "
                + run.resolve("result.json") + " --out " + run.resolve("report") + "\n", none.err());
        Outcome made = report(run.resolve("result.json").toString(), "--out", run.resolve("report").toString());
        assertEquals(0, made.status(), made.err());
        String before = Files.readString(run.resolve("report/report.md"));
        Outcome again = report("--again", run.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(before, Files.readString(run.resolve("report/report.md")));
    }

    @Test
    void theEquivalenceMarginIsAnOptionAndBadOnesAreRefused() throws IOException {
        Outcome wide = report(result().toString(), "--margin", "150", "--out", dir.resolve("m").toString());
        assertEquals(ExitCode.BAD_INPUT, wide.status());
        assertTrue(wide.err().contains("equivalence margin"), wide.err());
        Outcome five = report(result().toString(), "--margin", "5", "--out", dir.resolve("five").toString());
        assertEquals(0, five.status(), five.err());
        assertTrue(Files.readString(dir.resolve("five/report.md")).contains("within ±5%"));
        assertTrue(Files.readString(dir.resolve("five/inputs.json")).contains("--margin"),
                "report --again keeps the margin");
    }
}
