package forkbench.report;

import forkbench.record.RunMetadata;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the fleet workflow's last job does: one report over the result files of several machines. Each machine keeps
 * its own answer; nothing is pooled or compared across machines.
 */
class FleetMergeTest {

    @TempDir
    Path dir;

    private static RunMetadata machine(String host, String cpu, int cores) {
        return new RunMetadata(host, cpu, cores, null, "Linux 6.8 amd64", "Eclipse Adoptium 25.0.3+9-LTS",
                "/opt/jdk-25", List.of(), "2026-12-02T03:00:00Z", "2026-12-02T03:05:00Z", 0.5, 0.7, null, null,
                List.of(), List.of());
    }

    /** A machine's run: sequential, and a pool at 1 and 2 workers, with these fork means (ms). */
    private Path run(String folder, RunMetadata metadata, double[] sequential, double[] twoWorkers) throws Exception {
        JmhJson json = new JmhJson();
        json.add("b.S.sequential", "avgt", "ms/op", 1, Map.of("n", "100"), forks(sequential));
        json.add("b.S.pool", "avgt", "ms/op", 1, Map.of("n", "100", "workers", "1"), forks(sequential));
        json.add("b.S.pool", "avgt", "ms/op", 1, Map.of("n", "100", "workers", "2"), forks(twoWorkers));
        Path result = Files.createDirectories(dir.resolve(folder)).resolve("result.json");
        json.write(result);
        Files.writeString(RunMetadata.fileFor(result), metadata.toJson());
        return result;
    }

    private static double[][] forks(double[] means) {
        double[][] forks = new double[means.length][];
        for (int f = 0; f < means.length; f++) {
            forks[f] = new double[] {means[f], means[f]};
        }
        return forks;
    }

    private static Report.Verdict verdictOf(Report report, String host) {
        return report.verdicts().stream().filter(v -> v.host().equals(host)).findFirst().orElseThrow();
    }

    @Test
    void resultsThatDifferOnlyInTheirHostAreTwoMachinesEachWithItsOwnForksNotOnePooledRun() throws Exception {
        double[] sequential = {9, 10, 11};
        double[] two = {4.5, 5, 5.5};
        Path a = run("a", machine("ubuntu-24.04-jdk25", "AMD EPYC 7763", 4), sequential, two);
        Path b = run("b", machine("ubuntu-24.04-arm-jdk25", "aarch64", 4), sequential, two);
        Report report = Reporter.build(List.of(a, b), "workers", new ReportOptions("sequential", "n", null, 0.95));
        assertEquals(2, report.verdicts().size(), "one answer per machine");
        for (String host : List.of("ubuntu-24.04-jdk25", "ubuntu-24.04-arm-jdk25")) {
            assertEquals("pool", verdictOf(report, host).standings().get(0).label());
            assertTrue(report.rows().stream().filter(r -> r.host().equals(host)).allMatch(r -> r.forks() == 3),
                    "each machine's rows are its own 3 forks, not 6 pooled");
        }
        String markdown = Reporter.render(report, new ReportOptions("sequential", "n", null, 0.95)).get("report.md");
        assertTrue(markdown.contains("on ubuntu-24.04-jdk25") && markdown.contains("on ubuntu-24.04-arm-jdk25"),
                "each answer names its machine");
        assertTrue(markdown.contains("AMD EPYC 7763") && markdown.contains("aarch64"), "each machine's CPU is named");
    }

    @Test
    void eachMachineKeepsItsOwnAnswerWhenTheyDisagree() throws Exception {
        Path fast = run("fast", machine("many-cores", "Xeon", 8), new double[] {9, 10, 11},
                new double[] {4.5, 5, 5.5});
        Path slow = run("slow", machine("one-core", "Atom", 1), new double[] {9, 10, 11},
                new double[] {19, 20, 21});
        Report report = Reporter.build(List.of(fast, slow), "workers", new ReportOptions("sequential", "n", null,
                0.95));
        assertEquals("pool", verdictOf(report, "many-cores").standings().get(0).label());
        assertEquals(2, verdictOf(report, "many-cores").standings().get(0).workers());
        Report.Standing slowFastest = verdictOf(report, "one-core").standings().get(0);
        assertTrue(!(slowFastest.label().equals("pool") && slowFastest.workers() == 2),
                "the one-core machine's answer is not the eight-core one's: " + slowFastest);
        for (Report.Verdict verdict : report.verdicts()) {
            for (Report.Standing standing : verdict.standings()) {
                double own = report.rows().stream().filter(r -> r.host().equals(verdict.host())
                                && r.label().equals(standing.label()) && r.workers() == standing.workers())
                        .findFirst().orElseThrow().timeNanos();
                assertEquals(own, standing.timeNanos(), 1e-6, "a standing quotes its own machine's row");
            }
        }
    }
}
