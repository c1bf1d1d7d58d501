package forkbench.report;

import forkbench.report.input.InputException;
import forkbench.report.input.JmhResults;
import forkbench.report.input.Measurement;
import forkbench.report.model.ReportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportInputTest {

    @TempDir
    Path dir;

    private String failure(String content) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, content);
        return assertThrows(InputException.class, () -> Reporter.build(List.of(file), "workers",
                ReportOptions.defaults())).getMessage();
    }

    @Test
    void eachMalformedInputGetsItsOwnMessageNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing.json");
        String noFile = assertThrows(InputException.class,
                () -> Reporter.build(List.of(missing), "workers", ReportOptions.defaults())).getMessage();
        assertEquals(missing + ": no such file", noFile);

        assertEquals(dir.resolve("bad.json") + ": the file is empty", failure(""));
        assertTrue(failure("[{\"benchmark\": \"a.b\", \"mode\": ").contains("bad.json: truncated JSON (line 1"));
        assertTrue(failure("this is not json").contains("bad.json: not valid JSON (line 1"));
        assertTrue(failure("{\"name\": \"not a list\"}").contains("not a JMH JSON result file"));
        assertTrue(failure("[]").endsWith("bad.json: holds no benchmark results"));
        assertTrue(failure("[{\"foo\": 1}]").endsWith("result 1 has no 'benchmark' field: not JMH output"));
        assertTrue(failure("[{\"benchmark\": \"a.b\", \"mode\": \"avgt\"}]").contains("has no primaryMetric"));
    }

    @Test
    void aResultWithNoWorkerCountIsRefused() throws IOException {
        String withoutThreads = new JmhJson().add("x.Y.run", "avgt", "ms/op", 1, Map.of("size", "10"),
                new double[][] {{1, 2}}).text().replace("\"threads\": 1,", "");
        assertTrue(failure(withoutThreads).endsWith(
                "result 1 (x.Y.run) has no 'workers' parameter and no threads field: no usable worker count"));
        String notANumber = new JmhJson().add("x.Y.run", "avgt", "ms/op", 1, Map.of("workers", "many"),
                new double[][] {{1, 2}}).text();
        assertTrue(failure(notANumber).endsWith("parameter workers='many' is not a worker count"));
    }

    @Test
    void nanAndInfinityWrittenAsStringsAreRejectedAsValues() throws IOException {
        String nan = new JmhJson().add("x.Y.run", "avgt", "ms/op", 1, Map.of(), new double[][] {{1, 2}}).text()
                .replace("\"rawData\": [[1.000000000, 2.000000000]]", "\"rawData\": [[\"NaN\", 2.0]]");
        assertTrue(failure(nan).endsWith("has an unusable measurement value NaN (a time or throughput must be a "
                + "positive number)"), failure(nan));
    }

    @Test
    void unitsAndModesLandOnNanosecondsPerOperationOfTheSystem() throws Exception {
        Path file = new JmhJson()
                .add("x.Y.avg", "avgt", "us/op", 1, Map.of("workers", "2"), new double[][] {{1.5, 2.5}, {2.0}})
                .add("x.Y.tput", "thrpt", "ops/ms", 1, Map.of("workers", "2"), new double[][] {{4}})
                .add("x.Y.threads", "avgt", "ms/op", 4, Map.of(), new double[][] {{8}})
                .write(dir.resolve("units.json"));
        List<Measurement> read = JmhResults.read(file, "workers", "h");
        assertArrayEquals(new double[] {1500, 2500, 2000}, read.get(0).iterationNanos(), 1e-9);
        assertEquals(2, read.get(0).forks().length);
        assertEquals(2, read.get(0).workers());
        assertEquals(Map.of(), read.get(0).params());
        assertArrayEquals(new double[] {250_000}, read.get(1).iterationNanos(), 1e-9);
        // -t 4 in avgt: each of 4 threads takes 8 ms per op, so the system completes an op every 2 ms.
        assertEquals(4, read.get(2).workers());
        assertArrayEquals(new double[] {2_000_000}, read.get(2).iterationNanos(), 1e-9);
    }

    @Test
    void sampleModeHistogramsBecomeOneMeanPerIteration() throws Exception {
        Path file = dir.resolve("sample.json");
        Files.writeString(file, """
                [{"benchmark": "x.Y.s", "mode": "sample", "threads": 1, "forks": 1, "params": {"workers": "1"},
                  "primaryMetric": {"score": 2.0, "scoreError": "NaN", "scoreUnit": "ms/op",
                    "rawDataHistogram": [[ [[1.0, 3], [5.0, 1]], [[2.0, 2]] ]]}}]
                """);
        assertArrayEquals(new double[] {2e6, 2e6}, JmhResults.read(file, "workers", "h").get(0).iterationNanos(),
                1e-9);
    }

    @Test
    void aSampleModeForkMeanWeightsEachIterationByItsSamples() throws Exception {
        Path file = dir.resolve("sample.json");
        // One sample of 40 ms, then three of 10 ms: the fork's mean time per operation is 70 / 4 = 17.5 ms, not
        // the mean of the two iterations' means (25 ms).
        Files.writeString(file, """
                [{"benchmark": "x.Y.s", "mode": "sample", "threads": 1, "forks": 1, "params": {"workers": "1"},
                  "primaryMetric": {"score": 17.5, "scoreError": "NaN", "scoreUnit": "ms/op",
                    "rawDataHistogram": [[ [[40.0, 1]], [[10.0, 3]] ]]}}]
                """);
        assertArrayEquals(new double[] {17.5e6}, JmhResults.read(file, "workers", "h").get(0).forkMeans(), 1e-6);
    }
}
