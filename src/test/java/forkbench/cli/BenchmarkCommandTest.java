package forkbench.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input ends before any benchmark runs, with one line that names the problem and exit code 2. */
class BenchmarkCommandTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-p workers=0          | -p workers=0: workers must be from 1 to 256, got 0",
            "-p workers=-3         | -p workers=-3: workers must be from 1 to 256, got -3",
            "-p workers=two        | -p workers=two: workers must be a whole number from 1 to 256, got 'two'",
            "-p workers=1,2,x      | -p workers=x: workers must be a whole number",
            "-p n=-5               | -p n=-5: n must be >= 0, got '-5'",
            "-p n=abc              | -p n=abc: n must be a whole number",
            "-p worker=2           | unknown parameter -p worker; the selected benchmarks take [gc, heap, kernel, n, ",
            "-p kernel=com.x.Nope  | -p kernel=com.x.Nope: no kernel 'com.x.Nope': neither a built-in [sum, primes, json, deflate, regex, sort]",
            "-p kernel=java.lang.String | -p kernel=java.lang.String: java.lang.String is not a forkbench.workload.Kernel",
            "noSuchBenchmark       | no benchmark matches noSuchBenchmark; -l lists them",
            "DataBenchmark -p transport=carrier | -p transport=carrier: no transport 'carrier'; known: [copy, shared]",
            "DataBenchmark -p dataKernel=nope | -p dataKernel=nope: no kernel 'nope': neither a built-in [checksum, hash",
            "DataBenchmark -p n=1e15 -p transport=shared | -p n=1e15 with transport=shared and dataKernel=checksum: an input of 909.5 TiB does not fit in ",
            "DataBenchmark -p n=1e15 -p transport=shared -p dataKernel=scramble | dataKernel=scramble: an input of 909.5 TiB and its output needs 1.8 PiB in ",
            "DataBenchmark -p n=1e15 -p transport=copy | -p n=1e15 with transport=copy and dataKernel=checksum: an input of 909.5 TiB does not fit in the forks' heap",
            "DataBenchmark -p n=1e9 -p transport=copy -jvmArgsAppend -Xmx256m | an input of 953.7 MiB does not fit in the forks' heap of 256 MiB: give them a larger one (-jvmArgsAppend -Xmx2g)",
            "DataBenchmark -p n=3e9 -p transport=copy -p dataKernel=scramble -jvmArgsAppend -Xmx4g | an input of 2.8 GiB and its output does not fit in the forks' heap of 4 GiB: give them a larger one (-jvmArgsAppend -Xmx7g)",
            "-wi abc               | Cannot parse argument 'abc' of option wi",
            "-bm nonsense          | nonsense",
            "--interleave 0        | --interleave takes a number of rounds from 1 to 1000, got '0'",
            "--interleave=many     | --interleave takes a number of rounds from 1 to 1000, got 'many'",
            "--interleave          | --interleave needs a value",
            "--interleave-seed 5   | --interleave-seed only makes sense with --interleave, --verdict or --precision",
            "--interleave 3 --interleave-seed x | --interleave-seed takes a whole number, got 'x'",
            "--interleave 3 -f 2   | the rounds are the forks: leave out -f",
    })
    void badInputGetsOneClearLineAndExitCode2(String args, String expected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new BenchmarkCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args.split(" +"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, message);
        assertEquals(1, message.strip().lines().count(), message);
        assertTrue(message.startsWith("forkbench: "), message);
        assertTrue(message.contains(expected), message);
        assertFalse(message.contains("Exception"), message);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void helpAndVersionAreSpelledAsEveryOtherCommandSpellsThem() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, new BenchmarkCommand(stream, stream).run(new String[] {"--version"}));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("forkbench "), out.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(", JMH 1.37, JDK "), out.toString());
        out.reset();
        assertEquals(0, new BenchmarkCommand(stream, stream).run(new String[] {"--help"}));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("FORKBENCH_NO_ARCHIVE=1"), out.toString());
        for (java.util.function.BiFunction<String[], PrintStream, Integer> subcommand : List.<java.util.function
                .BiFunction<String[], PrintStream, Integer>>of((a, p) -> ReportCommand.run(a, p, p),
                (a, p) -> CompareCommand.run(a, p, p), (a, p) -> MemoryCommand.run(a, p, p),
                (a, p) -> ChildCommand.run(a, p, p), (a, p) -> FaultsCommand.run(a, p, p))) {
            out.reset();
            assertEquals(0, subcommand.apply(new String[] {"-V"}, stream));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains(", JMH 1.37, JDK "), out.toString());
        }
    }

    @org.junit.jupiter.api.Test
    void aRunOfBenchmarksWithoutWorkersSaysNothingOfAWorkersSweep(@org.junit.jupiter.api.io.TempDir
                                                                  java.nio.file.Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        // Another JMH run on the machine (a developer's) holds JMH's lock; this one's fork is too short to mind.
        String lock = System.setProperty("jmh.ignoreLock", "true");
        try {
            int status = new BenchmarkCommand(stream, stream).run(new String[] {"StrategyBenchmark.sequential",
                    "-p", "n=1e3", "-f", "1", "-wi", "0", "-i", "1", "-r", "10ms", "-rf", "json", "-rff",
                    dir.resolve("sequential.json").toString()});
            assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        } finally {
            if (lock == null) {
                System.clearProperty("jmh.ignoreLock");
            } else {
                System.setProperty("jmh.ignoreLock", lock);
            }
        }
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("workers sweep"), out.toString());
    }
}
