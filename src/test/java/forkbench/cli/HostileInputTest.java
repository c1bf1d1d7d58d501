package forkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What a careless or hostile user does to {@code report}, {@code compare} and {@code memory}: each case ends in a
 * report or in one line and exit 2, never a stack trace, a {@code null}, a half-written folder or a lost input.
 */
class HostileInputTest {

    /** Markdown link or image syntax that a viewer would follow: a {@code ](} whose bracket is not escaped. */
    private static final Pattern UNESCAPED_LINK = Pattern.compile("(?<!\\\\)\\]\\(");

    @TempDir
    Path dir;

    private record Outcome(int status, String out, String err) {
    }

    private interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private static Outcome run(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Outcome report(String... args) {
        return run(ReportCommand::run, args);
    }

    private static Outcome compare(String... args) {
        return run(CompareCommand::run, args);
    }

    /** One JMH result entry, each fork three iterations around its mean. */
    private static String result(String label, String params, double... forkMeans) {
        StringBuilder raw = new StringBuilder();
        for (double mean : forkMeans) {
            raw.append(raw.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "[%s, %s, %s]",
                    mean * 0.99, mean, mean * 1.01));
        }
        return String.format(Locale.ROOT, """
                {"benchmark": "b.S.%s", "mode": "avgt", "threads": 1, "forks": %d, "params": {%s},
                 "primaryMetric": {"score": %s, "scoreUnit": "ms/op", "rawData": [%s]}}""",
                label, forkMeans.length, params, forkMeans[0], raw);
    }

    private Path file(String name, String... results) throws IOException {
        return Files.writeString(dir.resolve(name), "[" + String.join(",\n", results) + "]");
    }

    private static void assertOneLine(Outcome outcome, String prefix) {
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith(prefix), outcome.err());
        assertFalse(outcome.err().contains("Exception") || outcome.err().contains("null\n")
                || outcome.err().contains("\tat "), outcome.err());
    }

    // 1. A report of any subset of strategies and worker counts.

    @Test
    void oneStrategyAtOneWorkerCountWithoutBaselineIsReported() throws IOException {
        Path json = file("pool.json", result("processPool", "\"n\": \"1000000\", \"workers\": \"2\"", 5, 5.2, 4.9));
        Outcome outcome = report(json.toString(), "--out", dir.resolve("r").toString());
        assertEquals(ExitCode.OK, outcome.status(), outcome.err());
        assertTrue(outcome.out().contains("fastest processPool with 2 workers"), outcome.out());
        String md = Files.readString(dir.resolve("r/report.md"));
        assertTrue(md.contains("| processPool | 2 | 3 |"), md);
        assertTrue(md.contains("no speedup vs sequential (the results hold no sequential run"), md);
        assertTrue(md.contains("no speedup vs 1 worker (no 1-worker run)"), md);
    }

    @Test
    void aBaselineOnlyOrAOneWorkerOnlyRunIsReported() throws IOException {
        for (String entry : List.of(result("sequential", "\"n\": \"10\"", 3, 3.1),
                result("threadPool", "\"n\": \"10\", \"workers\": \"1\"", 3, 3.1))) {
            Path json = file("one.json", entry);
            Outcome outcome = report(json.toString(), "--out", dir.resolve("r-" + entry.hashCode()).toString());
            assertEquals(ExitCode.OK, outcome.status(), outcome.err());
        }
    }

    // 4. Exit codes: a broken input is 2, never 1 ("a regression").

    @Test
    void compareReadsBrokenInputAsBadInputNeverAsARegression() throws IOException {
        Path good = file("good.json", result("pool", "\"n\": \"10\", \"workers\": \"2\"", 5, 5.1, 4.9));
        Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(100_000));
        Path huge = file("huge.json", result("pool", "\"n\": \"10\", \"workers\": \"2\"", 1e200, 1e200, 1e200));
        for (String[] args : List.of(new String[] {good.toString(), deep.toString()},
                new String[] {deep.toString(), good.toString()},
                new String[] {good.toString(), huge.toString()},
                new String[] {good.toString(), good.toString()},
                new String[] {good.toString(), good.toString(), "--threshold", "Infinity"},
                new String[] {good.toString(), good.toString(), "--threshold", "NaN"},
                new String[] {good.toString(), good.toString(), "--threshold", "-1"})) {
            Outcome outcome = compare(args);
            assertEquals(ExitCode.BAD_INPUT, outcome.status(), String.join(" ", args) + ": " + outcome.err());
            assertOneLine(outcome, "forkbench compare: ");
        }
    }

    @Test
    void helpListsTheExitCodes() {
        for (Command command : List.<Command>of(ReportCommand::run, CompareCommand::run, MemoryCommand::run)) {
            Outcome help = run(command, "--help");
            assertEquals(ExitCode.OK, help.status());
            assertTrue(help.out().contains("Exit codes (the same for every forkbench command):"), help.out());
            assertTrue(help.out().contains("2   bad usage or input"), help.out());
        }
    }

    // 5. Duplicates are refused unless merged on purpose.

    @Test
    void aFileGivenTwiceIsRefused() throws IOException {
        Path json = file("a.json", result("pool", "\"n\": \"10\", \"workers\": \"2\"", 5, 5.1));
        Outcome outcome = report(json.toString(), dir.resolve(".").resolve("a.json").toString(),
                "--out", dir.resolve("r").toString());
        assertEquals(ExitCode.BAD_INPUT, outcome.status());
        assertOneLine(outcome, "forkbench report: ");
        assertTrue(outcome.err().contains("given twice"), outcome.err());
        assertFalse(Files.exists(dir.resolve("r")));
    }

    @Test
    void aConfigurationMeasuredTwiceIsRefusedOrMergedWhenAsked() throws IOException {
        String entry = result("pool", "\"n\": \"10\", \"workers\": \"2\"", 5, 5.1);
        Path one = file("one.json", entry, entry);
        Outcome refused = report(one.toString(), "--out", dir.resolve("r").toString());
        assertEquals(ExitCode.BAD_INPUT, refused.status());
        assertTrue(refused.err().contains("pool n=10 workers=2 is measured twice in this file; pass --merge"),
                refused.err());

        Path other = file("other.json", entry);
        Path another = file("another.json", entry);
        assertTrue(report(other.toString(), another.toString(), "--out", dir.resolve("r").toString()).err()
                .contains("also in " + other));

        Outcome merged = report(other.toString(), another.toString(), "--merge", "--out",
                dir.resolve("m").toString());
        assertEquals(ExitCode.OK, merged.status(), merged.err());
        assertTrue(Files.readString(dir.resolve("m/report.md")).contains("| pool | 2 | 4 |"), merged.out());
        assertTrue(Files.readString(dir.resolve("m/report.json")).contains("\"iterations\" : 12"));
    }

    @Test
    void aMergeOfWarmForksWithSingleShotsIsRefused() throws IOException {
        String entry = result("pool", "\"n\": \"10\", \"workers\": \"2\"", 5, 5.1);
        Path warm = file("warm.json", entry);
        Path cold = file("cold.json", entry.replace("\"avgt\"", "\"ss\""));
        Outcome merged = report(warm.toString(), cold.toString(), "--merge", "--out", dir.resolve("m").toString());
        assertEquals(ExitCode.BAD_INPUT, merged.status(), merged.err());
        assertOneLine(merged, "forkbench report: " + cold + ": pool n=10 workers=2 is measured in mode ss here and "
                + "avgt in " + warm);
        assertFalse(Files.exists(dir.resolve("m")));
    }

    @Test
    void runsUnderOneHostNameOnDifferentMachinesAreFlagged() throws IOException {
        Path a = file("a.json", result("pool", "\"n\": \"10\", \"workers\": \"2\"", 5, 5.1),
                result("sequential", "\"n\": \"10\"", 9, 9.1));
        Path b = file("b.json", result("pool", "\"n\": \"77\", \"workers\": \"2\"", 5, 5.1),
                result("sequential", "\"n\": \"77\"", 9, 9.1));
        forkbench.record.RunMetadata here = forkbench.record.RunMetadata.capture().finished();
        Files.writeString(forkbench.record.RunMetadata.fileFor(a), here.toJson());
        Files.writeString(forkbench.record.RunMetadata.fileFor(b), forkbench.record.OtherMachine.of(here,
                here.hostname(), 64, "Oracle 21.0.1").toJson());
        Outcome outcome = report(a.toString(), b.toString(), "--out", dir.resolve("r").toString());
        assertEquals(ExitCode.OK, outcome.status(), outcome.err());
        assertTrue(Files.readString(dir.resolve("r/report.md")).contains("the same host name as an earlier input, "
                + "not the same machine: made on " + here.describeMachine()), outcome.out());
    }

    // 7, 8. An output folder appears whole or not at all, and never replaces an input.

    @Test
    void racingReportsIntoOneFolderNeverMixTheirFiles() throws Exception {
        Path a = file("a.json", result("pool", "\"n\": \"10\", \"workers\": \"2\"", 5, 5.1),
                result("sequential", "\"n\": \"10\"", 9, 9.1));
        Path b = file("b.json", result("other", "\"n\": \"77\", \"workers\": \"4\"", 2, 2.1),
                result("sequential", "\"n\": \"77\"", 7, 7.1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                Path out = dir.resolve("race-" + attempt);
                List<Future<Outcome>> both = new ArrayList<>();
                for (Path input : List.of(a, b)) {
                    both.add(pool.submit((Callable<Outcome>) () -> report(input.toString(), "--out", out.toString())));
                }
                int succeeded = 0;
                for (Future<Outcome> outcome : both) {
                    succeeded += outcome.get().status() == ExitCode.OK ? 1 : 0;
                }
                assertTrue(succeeded >= 1);
                String md = Files.readString(out.resolve("report.md"));
                String json = Files.readString(out.resolve("report.json"));
                boolean fromA = md.contains("n=10");
                assertEquals(fromA, json.contains("\"n\" : \"10\""), "report.md and report.json from different runs");
                try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
                    assertTrue(charts.allMatch(chart -> chart.getFileName().toString().contains(fromA ? "n_10" : "n_77")),
                            "charts from both runs");
                }
                assertNoPartials(dir);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void runsStartedInTheSameSecondEachClaimTheirOwnFolder() throws Exception {
        Path base = dir.resolve("results/run-20261202-120000-vm");
        Files.createDirectories(base);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(pool.submit(() -> forkbench.report.export.ReportFiles.claimFolder(base)));
            }
            java.util.Set<Path> folders = new java.util.HashSet<>();
            for (Future<Path> claim : claims) {
                folders.add(claim.get());
            }
            assertEquals(8, folders.size(), "two runs got one folder: " + folders);
            assertFalse(folders.contains(base), "an empty folder another run made is not free");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void forceReplacesTheWholeFolderSoOldChartsGo() throws IOException {
        Path out = dir.resolve("r");
        Path a = file("a.json", result("pool", "\"n\": \"10\", \"workers\": \"2\"", 5, 5.1),
                result("sequential", "\"n\": \"10\"", 9, 9.1));
        Path b = file("b.json", result("pool", "\"n\": \"77\", \"workers\": \"2\"", 5, 5.1),
                result("sequential", "\"n\": \"77\"", 9, 9.1));
        assertEquals(ExitCode.OK, report(a.toString(), "--out", out.toString()).status());
        assertEquals(ExitCode.OK, report(b.toString(), "--out", out.toString(), "--force").status());
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            assertEquals(List.of("speedup-unrecorded-n_77.svg"),
                    charts.map(chart -> chart.getFileName().toString()).toList());
        }
        assertNoPartials(dir);
    }

    @Test
    void forceNeverWritesOverAnInputNorAFolderOfOtherFiles() throws IOException {
        Path out = dir.resolve("r");
        Path input = file("a.json", result("pool", "\"n\": \"10\", \"workers\": \"2\"", 5, 5.1),
                result("sequential", "\"n\": \"10\"", 9, 9.1));
        assertEquals(ExitCode.OK, report(input.toString(), "--out", out.toString()).status());
        String before = Files.readString(out.resolve("report.json"));
        Outcome own = report(out.resolve("report.json").toString(), "--out", out.toString(), "--force");
        assertEquals(ExitCode.BAD_INPUT, own.status());
        assertOneLine(own, "forkbench report: ");
        assertTrue(own.err().contains("holds the input"), own.err());
        assertEquals(before, Files.readString(out.resolve("report.json")));

        Outcome beside = report(input.toString(), "--out", dir.toString(), "--force");
        assertEquals(ExitCode.BAD_INPUT, beside.status());
        assertTrue(Files.exists(input));

        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "mine");
        Outcome foreign = report(input.toString(), "--out", notes.toString(), "--force");
        assertEquals(ExitCode.BAD_INPUT, foreign.status());
        assertTrue(foreign.err().contains("holds todo.txt, which this output does not write"), foreign.err());
        assertEquals("mine", Files.readString(notes.resolve("todo.txt")));
    }

    // 10. One escaper per format.

    @Test
    void hostileNamesStayInertInEveryFormat() throws IOException {
        String name = "ev,il\\\"\\n=x";
        String label = "![px](http://evil/t)"; // no dot: JMH labels are cut at the last one
        Path input = file("a.json", """
                {"benchmark": "b.S.%s", "mode": "avgt", "threads": 1, "forks": 1,
                 "params": {"%s": "v\\r\\nw", "workers": "2"},
                 "primaryMetric": {"score": 5, "scoreUnit": "ms/op", "rawData": [[5, 5.1, 4.9]]}}""".formatted(
                label, name));
        Path out = dir.resolve("r");
        Outcome outcome = report(input.toString(), "--out", out.toString());
        assertEquals(ExitCode.OK, outcome.status(), outcome.err());
        List<List<String>> csv = parseCsv(Files.readString(out.resolve("report.csv")));
        int columns = csv.get(0).size();
        for (List<String> row : csv) {
            assertEquals(columns, row.size(), "CSV rows of different widths: " + csv);
        }
        assertTrue(csv.get(0).contains("param_ev,il\"\n=x"), csv.get(0).toString());
        String md = Files.readString(out.resolve("report.md"));
        assertFalse(UNESCAPED_LINK.matcher(md).find(), md);
        assertFalse(md.contains("\r"), "a raw CR in report.md");

        Path base = file("base.json", """
                {"benchmark": "b.S.%s", "mode": "avgt", "threads": 1, "forks": 1,
                 "params": {"k": "a\\rb", "workers": "2"},
                 "primaryMetric": {"score": 5, "scoreUnit": "ms/op", "rawData": [[5, 5.1, 4.9]]}}""".formatted(label));
        Path fresh = Files.writeString(dir.resolve("new.json"), Files.readString(base));
        Outcome compared = compare(base.toString(), fresh.toString(), "--out", dir.resolve("c").toString());
        assertEquals(ExitCode.OK, compared.status(), compared.err());
        String compareMd = Files.readString(dir.resolve("c/compare.md"));
        assertFalse(compareMd.contains("\r"), "a raw CR in compare.md");
        assertFalse(UNESCAPED_LINK.matcher(compareMd).find(), compareMd);
        assertFalse(Files.readString(dir.resolve("c/compare.html")).contains("<img"));
    }

    // 11. Every user error: one line naming the file and the reason.

    @Test
    void pathologicalJsonIsOneLineNamingTheFile() throws IOException {
        Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(100_000));
        Path longString = Files.writeString(dir.resolve("long.json"), "[\"" + "x".repeat(50_000_000) + "\"]");
        Path emptyFork = file("empty-fork.json", """
                {"benchmark": "b.S.pool", "mode": "avgt", "threads": 1, "forks": 1, "params": {"workers": "2"},
                 "primaryMetric": {"score": 5, "scoreUnit": "ms/op", "rawData": [[]]}}""");
        Path huge = file("huge.json", result("pool", "\"n\": \"10\", \"workers\": \"2\"", 1e200, 1e200));
        for (Path input : List.of(deep, longString, emptyFork, huge)) {
            Outcome outcome = report(input.toString(), "--out", dir.resolve("r").toString());
            assertEquals(ExitCode.BAD_INPUT, outcome.status(), input + ": " + outcome.err());
            assertOneLine(outcome, "forkbench report: " + input + ": ");
        }
        assertTrue(report(emptyFork.toString()).err().contains("fork 1 of rawData holds no measured iteration"));
        assertFalse(Files.exists(dir.resolve("r")));
    }

    @Test
    void anUnusableOutFolderIsRefusedBeforeAnyWork() throws IOException {
        Path input = file("a.json", result("pool", "\"n\": \"10\", \"workers\": \"2\"", 5, 5.1));
        Path aFile = Files.writeString(dir.resolve("file.txt"), "not a folder");
        Outcome outcome = report(input.toString(), "--out", aFile.toString());
        assertEquals(ExitCode.BAD_INPUT, outcome.status());
        assertOneLine(outcome, "forkbench report: ");
        assertTrue(outcome.err().contains("is a file, not a folder"), outcome.err());

        assumeFalse("root".equals(System.getProperty("user.name")), "root writes into read-only folders");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Outcome readOnly = report(input.toString(), "--out", locked.resolve("r").toString());
        assertEquals(ExitCode.BAD_INPUT, readOnly.status());
        assertTrue(readOnly.err().contains("is not writable"), readOnly.err());
    }

    // 12. Outputs follow the umask, like JMH's own files.

    @Test
    void outputsGetTheUmasksPermissionsNotPrivateOnes() throws IOException {
        Path input = file("a.json", result("pool", "\"n\": \"10\", \"workers\": \"2\"", 5, 5.1),
                result("sequential", "\"n\": \"10\"", 9, 9.1));
        Path out = dir.resolve("r");
        assertEquals(ExitCode.OK, report(input.toString(), "--out", out.toString()).status());
        String plain = PosixFilePermissions.toString(Files.getPosixFilePermissions(
                Files.createFile(dir.resolve("plain"))));
        String plainFolder = PosixFilePermissions.toString(Files.getPosixFilePermissions(
                Files.createDirectory(dir.resolve("plain-folder"))));
        for (String name : List.of("report.md", "report.json", "report.csv", "report.html",
                "charts/speedup-unrecorded-n_10.svg")) {
            assertEquals(plain, PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(name))), name);
        }
        assertEquals(plainFolder, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        Path single = dir.resolve("single.json");
        forkbench.report.export.ReportFiles.writeAtomically(single, "{}");
        assertEquals(plain, PosixFilePermissions.toString(Files.getPosixFilePermissions(single)));
    }

    // 14. memory checks its output before measuring.

    @Test
    void memoryRefusesAFolderAsItsOutputBeforeMeasuring() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Outcome outcome = run(MemoryCommand::run, "--out", folder.toString(), "--force");
        assertEquals(ExitCode.BAD_INPUT, outcome.status());
        assertOneLine(outcome, "forkbench memory: ");
        assertTrue(outcome.err().contains("is a folder"), outcome.err());
        assertEquals("", outcome.out(), "it measured before refusing");
    }

    @Test
    void memoryRefusesAFolderThatTakesNoNewFileBeforeMeasuring() {
        Outcome outcome = run(MemoryCommand::run, "--out", "/proc/forkbench-memory.json");
        assertEquals(ExitCode.BAD_INPUT, outcome.status());
        assertOneLine(outcome, "forkbench memory: cannot write /proc/forkbench-memory.json: /proc takes no new file");
        assertFalse(outcome.err().contains(".tmp"), "it names a temporary file: " + outcome.err());
        assertEquals("", outcome.out(), "it measured before refusing");
    }

    private static void assertNoPartials(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> partial = files.filter(path -> path.getFileName().toString().contains(".partial-")
                    || path.getFileName().toString().contains(".replaced-")).toList();
            assertEquals(List.of(), partial);
        }
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks; records end with CRLF. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
