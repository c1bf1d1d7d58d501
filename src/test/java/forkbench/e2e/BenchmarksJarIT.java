package forkbench.e2e;

import forkbench.strategy.Strategies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the built {@code target/benchmarks.jar} the way a user does: {@code java -jar}, real JMH forks and all. */
class BenchmarksJarIT {

    private static final Path JAR = Path.of(System.getProperty("forkbench.jar", "target/benchmarks.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private record Run(int status, String out, String err) {
    }

    private static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        return launch(workDir, List.of("-jar", JAR.toAbsolutePath().toString()), args);
    }

    /** {@code java -cp benchmarks.jar:EXTRA forkbench.cli.Main ARGS}: how a user's own classes join the run. */
    private static Run runWith(Path workDir, Path extra, String... args) throws IOException, InterruptedException {
        return launch(workDir, List.of("-cp", JAR.toAbsolutePath() + File.pathSeparator + extra,
                "forkbench.cli.Main"), args);
    }

    private static Run launch(Path workDir, List<String> javaArgs, String... args)
            throws IOException, InterruptedException {
        return launch(workDir, javaArgs, Map.of(), args);
    }

    private static Run launch(Path workDir, List<String> javaArgs, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(javaArgs);
        command.addAll(List.of(args));
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("XDG_CACHE_HOME", workDir.resolve("cache").toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void listsAllEightStrategies(@TempDir Path dir) throws Exception {
        Run list = run(dir, "-l");
        assertEquals(0, list.status(), list.err());
        for (String id : Strategies.IDS) {
            assertTrue(list.out().contains("StrategyBenchmark." + id + "\n"), id + " missing from:\n" + list.out());
        }
    }

    @Test
    void aTinyRunOfEveryStrategyCompletesVerifiedAndWritesJmhJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");
        Run run = run(dir, "-f", "1", "-wi", "0", "-i", "1", "-r", "200ms", "-p", "n=100000",
                "-p", "workers=2", "-rf", "json", "-rff", json.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertFalse(run.out().contains("<failure>"), run.out());
        for (String id : Strategies.IDS) {
            assertTrue(run.out().contains("StrategyBenchmark." + id + " "), id + " has no score in:\n" + run.out());
        }
        String results = Files.readString(json, StandardCharsets.UTF_8);
        for (String id : Strategies.IDS) {
            assertTrue(results.contains("\"forkbench.benchmarks.StrategyBenchmark." + id + "\""), id);
        }
        try (Stream<Path> archives = Files.list(dir.resolve("cache/forkbench/cds"))) {
            assertEquals(1, archives.filter(path -> path.toString().endsWith(".jsa") || path.toString().endsWith(".aot"))
                    .count(), "the process strategies should have made one start-up archive for their children");
        }
    }

    /** Written here as a user would write it, compiled against the jar alone, never part of the project's build. */
    private static final String OUTSIDE_KERNEL = """
            package example;

            public class Collatz implements forkbench.workload.Kernel {
                public long compute(long from, long to) {
                    long steps = 0;
                    for (long i = Math.max(from, 1); i < to; i++) {
                        for (long x = i; x != 1; steps++) {
                            x = (x & 1) == 0 ? x >>> 1 : 3 * x + 1;
                        }
                    }
                    return steps;
                }

                public long combine(long left, long right) {
                    return left + right;
                }
            }
            """;

    @Test
    void aKernelWrittenOutsideTheProjectRunsThroughAllEightStrategiesVerified(@TempDir Path dir) throws Exception {
        Path source = Files.createDirectories(dir.resolve("src/example")).resolve("Collatz.java");
        Files.writeString(source, OUTSIDE_KERNEL);
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "--release", "21", "-cp", JAR.toAbsolutePath().toString(),
                "-d", classes.toString(), source.toString()));
        Path json = dir.resolve("result.json");
        Run run = runWith(dir, classes, "StrategyBenchmark", "-p", "kernel=example.Collatz", "-p", "n=30000",
                "-p", "workers=2", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-rf", "json", "-rff",
                json.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertFalse(run.out().contains("<failure>"), run.out());
        String results = Files.readString(json, StandardCharsets.UTF_8);
        for (String id : Strategies.IDS) {
            assertTrue(results.contains("\"forkbench.benchmarks.StrategyBenchmark." + id + "\""), id);
        }
        assertEquals(Strategies.IDS.size(), results.split("\"kernel\" : \"example.Collatz\"", -1).length - 1,
                results);
    }

    @Test
    void aFilterGivenToScriptsKernelNarrowsItsRunInsteadOfWideningIt(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("Collatz.java"), OUTSIDE_KERNEL);
        Process script = new ProcessBuilder("scripts/kernel", source.toString(), "threadPool", "-l")
                .redirectErrorStream(true).start();
        String listed = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(script.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, script.exitValue(), listed);
        List<String> benchmarks = listed.lines().filter(line -> line.startsWith("forkbench.")).toList();
        assertEquals(List.of("forkbench.benchmarks.StrategyBenchmark.threadPool"), benchmarks, listed);
    }

    /** A user's kernel that never returns: the fork's set-up (the expected answer) never ends. */
    private static final String SPINNING_KERNEL = """
            package example;

            public class Spin implements forkbench.workload.Kernel {
                static volatile long spins;

                public long compute(long from, long to) {
                    while (true) {
                        spins++;
                    }
                }

                public long combine(long left, long right) {
                    return left + right;
                }
            }
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TERM", "KILL"})
    void aForkStuckInSetUpEndsWhenTheRunIsKilled(String signal, @TempDir Path dir) throws Exception {
        Path source = Files.createDirectories(dir.resolve("src/example")).resolve("Spin.java");
        Files.writeString(source, SPINNING_KERNEL);
        Path classes = dir.resolve("spinning-classes");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "21", "-cp",
                JAR.toAbsolutePath().toString(), "-d", classes.toString(), source.toString()));
        Process run = new ProcessBuilder(JAVA.toString(), "-cp", JAR.toAbsolutePath() + File.pathSeparator + classes,
                "forkbench.cli.Main", "StrategyBenchmark.threadPool", "-p", "kernel=example.Spin", "-p", "n=1000",
                "-p", "workers=1", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms").directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            // The fork is up once it runs the kernel: its command line names the kernel's classes.
            while (forksOf(classes).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertFalse(forksOf(classes).isEmpty(), "no fork started");
            Thread.sleep(1000);
            new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).start().waitFor();
            assertTrue(run.waitFor(30, TimeUnit.SECONDS), "the run ignored SIG" + signal);
            long left = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!forksOf(classes).isEmpty() && System.nanoTime() < left) {
                Thread.sleep(100);
            }
            assertEquals(List.of(), forksOf(classes), "left running after SIG" + signal);
        } finally {
            run.destroyForcibly();
            forksOf(classes).forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The JVMs other than the run itself whose class path holds {@code classes}: its forks. */
    private static List<ProcessHandle> forksOf(Path classes) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains("ForkedMain") && p.info().commandLine().orElse("").contains(classes.toString())).toList();
    }

    @Test
    void aPlainRunKeepsItsResultsMetadataAndReportAndPrintsTheTable(@TempDir Path dir) throws Exception {
        Run run = run(dir, "StrategyBenchmark\\.(sequential|threadPool)$", "-f", "1", "-wi", "0", "-i", "2",
                "-r", "100ms", "-p", "n=1000", "-p", "workers=1,2");
        assertEquals(0, run.status(), run.out() + run.err());
        Path folder;
        try (Stream<Path> runs = Files.list(dir.resolve("results"))) {
            folder = runs.filter(path -> path.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
        }
        assertTrue(Files.isRegularFile(folder.resolve("result.json")));
        assertTrue(Files.readString(folder.resolve("result.metadata.json")).contains("\"logicalCores\""));
        for (String name : List.of("report.md", "report.csv", "report.json", "report.html")) {
            assertTrue(Files.size(folder.resolve("report").resolve(name)) > 0, name);
        }
        assertTrue(run.out().contains("# forkbench: the answer"), run.out());
        assertTrue(run.out().contains("fastest "), run.out());
        assertTrue(Files.readString(folder.resolve("report/report.md")).contains("| threadPool | 2 | 1 |"));

        Run report = run(dir, "report", folder.resolve("result.json").toString(), "--out", "again");
        assertEquals(0, report.status(), report.err());
        assertTrue(Files.isRegularFile(dir.resolve("again/report.html")));
    }

    @Test
    void anInterleavedRunMergesItsRoundsIntoOneResultThatReportsLikeAnyOther(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("interleaved.json");
        Run run = run(dir, "StrategyBenchmark", "--interleave", "2", "--interleave-seed", "11", "-wi", "0", "-i", "2",
                "-r", "50ms", "-p", "n=1000", "-p", "workers=2", "-rf", "json", "-rff", json.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("# forkbench: interleaving 8 configurations in 2 rounds"), run.out());
        // A line per round on the console; JMH's own output of every fork in the log beside the result.
        assertTrue(run.out().contains("# forkbench: round 2/2 done (8 forks)"), run.out());
        assertTrue(run.out().lines().count() < 40, run.out());
        String log = Files.readString(dir.resolve("interleaved.jmh.log"));
        assertEquals(16, log.split("# Fork: 1 of 1", -1).length - 1, "every fork's output is in the log");
        String results = Files.readString(json, StandardCharsets.UTF_8);
        assertEquals(8, results.split("\"forks\" : 2,", -1).length - 1, "every configuration has a fork per round");
        String metadata = Files.readString(dir.resolve("interleaved.metadata.json"));
        assertTrue(metadata.contains("\"rounds\" : 2") && metadata.contains("\"seed\" : 11"), metadata);

        Run report = run(dir, "report", json.toString(), "--out", "report");
        assertEquals(0, report.status(), report.err());
        String table = Files.readString(dir.resolve("report/report.md"));
        assertTrue(table.contains("| interleaved: 2 rounds, seed 11 |"), table);
        assertTrue(table.contains("**kernel=sum n=1000**"), table);
        for (String id : Strategies.IDS) {
            assertTrue(table.lines().anyMatch(line -> line.startsWith("| " + id + " | ") && line.contains(" ± ")),
                    id + " has no row with an interval in:\n" + table);
        }
    }

    @Test
    void aSingleStrategyAtOneWorkerCountEndsWithAReportAndItsTable(@TempDir Path dir) throws Exception {
        // No sequential row and no 1-worker row: the speedup columns stay empty, and the report says why.
        Run run = run(dir, "StrategyBenchmark.processPool", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms",
                "-p", "n=1000000", "-p", "workers=2");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("fastest processPool with 2 workers"), run.out());
        try (Stream<Path> reports = Files.walk(dir.resolve("results"))) {
            Path md = reports.filter(path -> path.endsWith("report/report.md")).findFirst().orElseThrow();
            String report = Files.readString(md);
            assertTrue(report.contains("| processPool | 2 | 1 |"), report);
            assertTrue(report.contains("no speedup vs sequential"), report);
        }
    }

    @Test
    void anInterruptedRunLeavesNoEmptyOrPartialFileAndNothingInTmp(@TempDir Path dir) throws Exception {
        for (List<String> args : List.of(
                List.of("StrategyBenchmark.threadPool", "-f", "1", "-wi", "0", "-i", "30", "-r", "1s"),
                List.of("StrategyBenchmark.threadPool", "--interleave", "3", "-wi", "0", "-i", "30", "-r", "1s"))) {
            Path work = Files.createDirectories(dir.resolve("run-" + args.size()));
            Path tmp = Files.createDirectories(work.resolve("tmp"));
            List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-Djava.io.tmpdir=" + tmp, "-jar",
                    JAR.toAbsolutePath().toString()));
            command.addAll(args);
            command.addAll(List.of("-p", "n=1000", "-p", "workers=2", "-jvmArgsAppend", "-Djava.io.tmpdir=" + tmp));
            Path out = work.resolve("out.txt");
            Process process = new ProcessBuilder(command).directory(work.toFile())
                    .redirectOutput(out.toFile()).redirectError(work.resolve("err.txt").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (!printed(work).contains("Iteration   2:") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertTrue(printed(work).contains("Iteration   2:"), printed(work));
                // Ctrl-C: SIGINT to the run, as a terminal sends it.
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
                assertTrue(process.waitFor(1, TimeUnit.MINUTES), "the run ignored SIGINT");
            } finally {
                process.destroyForcibly().waitFor();
            }
            try (Stream<Path> files = Files.walk(work)) {
                List<Path> leftovers = files.filter(path -> !path.equals(work) && !path.equals(tmp)
                        && !path.startsWith(work.resolve("cache"))
                        && !path.getFileName().toString().matches("(out|err)\\.txt")).toList();
                for (Path path : leftovers) {
                    // In tmp, JMH keeps its own jmh.lock whatever happens; forkbench's files are what is checked.
                    assertFalse(!path.startsWith(tmp) && Files.isRegularFile(path) && Files.size(path) == 0,
                            "empty file " + path);
                    assertFalse(path.getFileName().toString().contains("forkbench"), "left behind: " + path);
                    assertFalse(path.getFileName().toString().contains(".partial-"), "left behind: " + path);
                }
                assertFalse(Files.exists(work.resolve("results")) && leftovers.stream()
                        .noneMatch(Files::isRegularFile), "an empty results folder: " + leftovers);
            }
        }
    }

    /** What a run in {@code work} printed: its console, and JMH's output where a run in rounds logs it. */
    private static String printed(Path work) throws IOException {
        StringBuilder all = new StringBuilder(Files.readString(work.resolve("out.txt")));
        if (Files.isDirectory(work.resolve("results"))) {
            try (Stream<Path> logs = Files.walk(work.resolve("results"))) {
                for (Path log : logs.filter(f -> f.getFileName().toString().equals("jmh.log")).toList()) {
                    all.append(Files.readString(log));
                }
            }
        }
        return all.toString();
    }

    @Test
    void ctrlCAfterSomeRoundsKeepsThemAndResumeFinishesTheRun(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toAbsolutePath().toString(),
                "StrategyBenchmark.threadPool", "-p", "n=1000", "-p", "workers=1", "--precision", "95",
                "--min-rounds", "6", "-wi", "0", "-i", "1", "-r", "100ms"));
        Path out = dir.resolve("out.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!Files.readString(out).contains("round 2 of the 6 pilot rounds") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            assertTrue(process.waitFor(1, TimeUnit.MINUTES), "the run ignored SIGINT");
        } finally {
            process.destroyForcibly().waitFor();
        }
        Path folder;
        try (Stream<Path> runs = Files.list(dir.resolve("results"))) {
            folder = runs.findFirst().orElseThrow();
        }
        String kept = Files.readString(folder.resolve("result.json"));
        assertTrue(kept.contains("\"forks\" : 2") || kept.contains("\"forks\" : 3"), kept);
        Run report = run(dir, "report", folder.resolve("result.json").toString(), "--out", "interrupted");
        assertEquals(0, report.status(), report.err());

        Run resumed = run(dir, "--resume", folder.toString());
        assertEquals(0, resumed.status(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("# forkbench: resuming "), resumed.out());
        // At least the 6 rounds asked for; more only if the (loose) target needed them.
        Matcher forks = Pattern.compile("\"forks\" : (\\d+)").matcher(Files.readString(folder.resolve("result.json")));
        assertTrue(forks.find() && Integer.parseInt(forks.group(1)) >= 6, Files.readString(folder.resolve("result.json")));
        // Finished by its plan: whether the fresh forks then meet the (loose) target is up to a noisy n = 1000.
        String metadata = Files.readString(folder.resolve("result.metadata.json"));
        assertTrue(metadata.contains("\"stopped\" : \"every planned fork measured\"")
                || metadata.contains("\"stopped\" : \"the maximum of 100 rounds\""), metadata);
        assertTrue(Files.isRegularFile(folder.resolve("report/report.html")));
    }

    @Test
    void aRunToTheVerdictPlansFromItsPilotAndAnswersWithItsOwnMargin(@TempDir Path dir) throws Exception {
        Run run = run(dir, "StrategyBenchmark.(sequential|threadPool)", "-p", "n=1e6", "-p", "workers=2", "--verdict",
                "--margin", "5", "--min-rounds", "2", "--max-rounds", "5", "-wi", "1", "-w", "100ms", "-i", "1",
                "-r", "100ms");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("# forkbench: plan from the 2 pilot rounds: "), run.out());
        assertTrue(run.out().contains("# forkbench: verdict: "), run.out());
        Path folder;
        try (Stream<Path> runs = Files.list(dir.resolve("results"))) {
            folder = runs.findFirst().orElseThrow();
        }
        String metadata = Files.readString(folder.resolve("result.metadata.json"));
        assertTrue(metadata.contains("\"pilotForks\" : 2"), metadata);
        assertTrue(metadata.contains("\"marginPercent\" : 5.0"), metadata);
        assertTrue(Files.readString(folder.resolve("report/headline.md")).contains("within ±5%"),
                "the answer judges equivalence with the run's margin");
        assertTrue(Files.readString(folder.resolve("report/inputs.json")).contains("\"--margin\""),
                "and report --again keeps it");
    }

    @Test
    void aCrashKillsTheThreadPoolsJvmWhileTheProcessPoolHealsAndTheFolderHoldsEveryFormat(@TempDir Path dir)
            throws Exception {
        Run run = run(dir, "faults", "--strategies", "threadPool,processPool", "--faults", "crash,throws",
                "--jobs", "6", "--every", "3", "--forks", "1", "--n", "1e5", "--out", "faults");
        assertEquals(0, run.status(), run.err());
        Path folder = dir.resolve("faults");
        for (String name : List.of("trials.json", "trials.metadata.json", "report.json", "report.md", "report.html",
                "headline.md",
                "csv/verdicts.csv", "csv/trials.csv", "csv/recovery.csv")) {
            assertTrue(Files.isRegularFile(folder.resolve(name)), name + " missing");
        }
        String verdicts = Files.readString(folder.resolve("csv/verdicts.csv"));
        assertTrue(verdicts.contains("threadPool,⚠ JVM died (1/1): 4 of 6 jobs lost,\"2 of 6 failed, JVM lived\""),
                verdicts);
        assertTrue(verdicts.contains("processPool,all 6 correct,\"2 of 6 failed, JVM lived\""), verdicts);
        assertTrue(verdicts.indexOf("threadPool,") < verdicts.indexOf("processPool,"), "rows in the order asked");
        Map<String, com.fasterxml.jackson.databind.JsonNode> cells = new java.util.HashMap<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(folder.resolve("report.json").toFile())
                .path("cells").forEach(cell -> cells.put(cell.path("strategy").asText() + "×"
                        + cell.path("fault").asText(), cell));
        assertEquals(1, cells.get("threadPool×crash").path("died").asInt());
        assertEquals(6, cells.get("processPool×crash").path("correct").asInt());
        assertEquals(2, cells.get("processPool×crash").path("faultsFired").asInt());
        var recovery = cells.get("processPool×crash").path("replacement");
        assertTrue(recovery.path("coldStartMillis").asDouble() > 0, "the pool's recovery is in report.json: "
                + cells.get("processPool×crash"));
        assertEquals(recovery.path("replacementMillis").asDouble() / recovery.path("coldStartMillis").asDouble(),
                recovery.path("againstColdStart").asDouble(), 1e-9, "the ratio the page shows is in report.json");
        assertTrue(run.out().contains("## When a worker fails"), run.out());
        String report = Files.readString(folder.resolve("report.md"));
        Run again = run(dir, "faults", "--again", "faults");
        assertEquals(0, again.status(), again.err());
        assertEquals(report, Files.readString(folder.resolve("report.md")), "made again from its trials, unchanged");
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList());
    }

    /** {@code taskset -c 0 java -jar benchmarks.jar ARGS}: a run that may use one core of the machine. */
    private static Run runOnOneCore(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("taskset", "-c", "0", JAVA.toString(), "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("out.txt").toFile()).redirectError(workDir.resolve("err.txt").toFile())
                .start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "a one-core run did not finish in 5 minutes");
        return new Run(process.exitValue(), Files.readString(workDir.resolve("out.txt")),
                Files.readString(workDir.resolve("err.txt")));
    }

    @Test
    void aRunPinnedToOneCoreSeesOneCoreInItsWorkersItsMetadataAndItsPhysicsCheck(@TempDir Path dir) throws Exception {
        Run sweep = runOnOneCore(dir, "StrategyBenchmark.threadPool", "-p", "n=1e3", "-wi", "0", "-i", "1", "-r",
                "100ms", "-f", "1");
        assertEquals(0, sweep.status(), sweep.err());
        Run two = runOnOneCore(dir, "StrategyBenchmark.threadPool", "-p", "n=1e3", "-p", "workers=1,2", "-wi", "0",
                "-i", "1", "-r", "100ms", "-f", "1");
        assertEquals(0, two.status(), two.err());
        List<Path> runs;
        try (var folders = Files.list(dir.resolve("results"))) {
            runs = folders.sorted().toList();
        }
        assertEquals(2, runs.size(), runs.toString());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Path run : runs) {
            assertEquals(1, json.readTree(run.resolve("result.metadata.json").toFile()).path("logicalCores").asInt(),
                    "the metadata records the one core the run may use");
        }
        List<Integer> defaultWorkers = new ArrayList<>();
        json.readTree(runs.get(0).resolve("result.json").toFile())
                .forEach(result -> defaultWorkers.add(result.path("params").path("workers").asInt()));
        assertEquals(List.of(1), defaultWorkers, "the default sweep stops at the one usable core");
        for (var row : json.readTree(runs.get(1).resolve("report/report.json").toFile()).path("rows")) {
            assertEquals(1.0, row.path("coreLimit").asDouble(), "min(workers, 1 core) for " + row.path("workers"));
        }
        assertTrue(sweep.out().contains("Measured on ") && sweep.out().contains(", 1 core, "), sweep.out());
    }

    @Test
    void aHeapAndACollectorReachTheBenchmarksJvmConfigurationByConfiguration(@TempDir Path dir) throws Exception {
        Run run = run(dir, "StrategyBenchmark.threadPool", "-p", "n=1e3", "-p", "workers=1", "-p", "heap=256m,512m",
                "-p", "gc=Parallel", "--interleave", "1", "-wi", "0", "-i", "1", "-r", "100ms");
        assertEquals(0, run.status(), run.err());
        Path result;
        try (var folders = Files.list(dir.resolve("results"))) {
            result = folders.findFirst().orElseThrow().resolve("result.json");
        }
        Map<String, List<String>> flagsByHeap = new java.util.TreeMap<>();
        for (var entry : new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.toFile())) {
            List<String> flags = new ArrayList<>();
            entry.path("jvmArgs").forEach(flag -> flags.add(flag.asText()));
            flagsByHeap.put(entry.path("params").path("heap").asText(), flags);
        }
        assertEquals(java.util.Set.of("256m", "512m"), flagsByHeap.keySet());
        assertTrue(flagsByHeap.get("256m").containsAll(List.of("-Xmx262144k", "-XX:+UseParallelGC")),
                flagsByHeap.toString());
        assertTrue(flagsByHeap.get("512m").containsAll(List.of("-Xmx524288k", "-XX:+UseParallelGC")),
                flagsByHeap.toString());
        for (List<String> bad : List.of(List.of("-p", "heap=5x"), List.of("-p", "gc=Epsilon"),
                List.of("-p", "heap=16m", "-p", "workers=2"), List.of("-p", "heap=1g,2g", "-f", "1"))) {
            List<String> args = new ArrayList<>(List.of("StrategyBenchmark.threadPool", "-p", "n=1e3"));
            args.addAll(bad);
            Run refused = run(dir, args.toArray(String[]::new));
            assertEquals(2, refused.status(), bad + ": " + refused.err());
            assertEquals(1, refused.err().strip().lines().count(), bad + ": " + refused.err());
            assertFalse(refused.out().contains("# Run progress"), "a benchmark started for " + bad);
        }
    }

    @Test
    void badFaultsOptionsAreRefusedInOneLineBeforeAnyTrial(@TempDir Path dir) throws Exception {
        for (List<String> bad : List.of(List.of("--strategies", "nodeFork"), List.of("--strategies", "fastest"),
                List.of("--faults", "melt"), List.of("--every", "0"), List.of("--heap", "5x"),
                List.of("--n", "-1"), List.of("--kernel", "fault:crash:0:-:sum"), List.of("--jobs", "0"))) {
            List<String> args = new ArrayList<>(List.of("faults", "--out", "f"));
            args.addAll(bad);
            Run run = run(dir, args.toArray(String[]::new));
            assertEquals(2, run.status(), bad + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), bad + ": " + run.err());
            assertTrue(run.err().startsWith("forkbench faults: "), run.err());
            assertFalse(Files.exists(dir.resolve("f")), bad + " wrote a folder");
        }
    }

    @Test
    void badParametersStopBeforeAnyBenchmarkWithOneLine(@TempDir Path dir) throws Exception {
        for (String bad : List.of("workers=0", "workers=-3", "n=-5", "n=abc", "workers=two")) {
            Run run = run(dir, "-p", bad);
            assertEquals(2, run.status(), bad);
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("forkbench: -p " + bad + ": "), run.err());
            assertFalse(run.out().contains("# Run progress"), "a benchmark started for " + bad);
        }
    }

    @Test
    void theSeedsOwnProgramRunsVerifiedWhereNodeIsAndIsSkippedWithOneLineWhereNot(@TempDir Path dir)
            throws Exception {
        List<String> jar = List.of("-jar", JAR.toAbsolutePath().toString());
        Run without = launch(dir, jar, Map.of("PATH", "/nonexistent"), "NodeForkBenchmark", "-f", "1");
        assertEquals(2, without.status(), without.out() + without.err());
        assertEquals(1, without.err().strip().lines().count(), without.err());
        assertTrue(without.err().contains("nodeFork needs node"), without.err());

        Run otherKernel = run(dir, "NodeForkBenchmark", "-p", "kernel=primes", "-f", "1");
        assertEquals(2, otherKernel.status(), otherKernel.out() + otherKernel.err());
        assertEquals(1, otherKernel.err().strip().lines().count(), otherKernel.err());
        assertTrue(otherKernel.err().contains("summation only"), otherKernel.err());

        org.junit.jupiter.api.Assumptions.assumeTrue(forkbench.strategy.Strategies.node().isPresent(),
                "node is not installed here");
        Path json = dir.resolve("seed.json");
        Run with = run(dir, "NodeForkBenchmark", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-p", "n=1000000",
                "-p", "workers=2", "-rf", "json", "-rff", json.toString());
        assertEquals(0, with.status(), with.err());
        assertTrue(Files.readString(json).contains("NodeForkBenchmark.nodeFork"), Files.readString(json));
    }

    @Test
    void childCommandPrintsTheArgumentVectorOfAChild(@TempDir Path dir) throws Exception {
        Run command = run(dir, "child-command");
        assertEquals(0, command.status(), command.err());
        List<String> argv = command.out().lines().toList();
        assertTrue(argv.get(0).endsWith("/bin/java"), argv.toString());
        assertEquals("forkbench.process.ChildMain", argv.get(argv.size() - 1));
        assertTrue(argv.contains("-XX:+UseSerialGC"), argv.toString());
    }
}
