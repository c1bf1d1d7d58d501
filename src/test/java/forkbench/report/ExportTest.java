package forkbench.report;

import forkbench.report.export.HtmlWriter;
import forkbench.record.MemoryFootprint;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportTest {

    private static final String HOSTILE = "<script>alert('x')</script>";

    @TempDir
    Path dir;

    private Map<String, String> hostileReport() throws Exception {
        JmhJson json = new JmhJson();
        for (int workers : new int[] {1, 2}) {
            json.add("evil.Bench.run" + HOSTILE, "avgt", "ms/op", 1,
                    Map.of("n", "1000", "workers", String.valueOf(workers), "tag", "\"><img src=x onerror=alert(1)>"),
                    new double[][] {{10.0 / workers}, {10.2 / workers}, {9.8 / workers}});
        }
        json.add("evil.Bench.sequential", "avgt", "ms/op", 1,
                Map.of("n", "1000", "tag", "\"><img src=x onerror=alert(1)>"), new double[][] {{10}, {10.1}, {9.9}});
        ReportOptions options = ReportOptions.defaults();
        Report report = Reporter.build(List.of(json.write(dir.resolve("evil.json"))), "workers", options);
        return Reporter.render(report, options);
    }

    @Test
    void hostileNamesAndParametersComeOutEscapedInTheHtml() throws Exception {
        String html = hostileReport().get("report.html");
        assertFalse(html.contains("<script"), "raw script tag in the page");
        assertFalse(html.contains("<img"), "raw img tag in the page");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(html.contains("<svg"), "the page should carry its charts inline");
        assertFalse(html.contains("http://") && html.contains("src=\"http"), "nothing is fetched");
    }

    @Test
    void hostileNamesStayInertInMarkdownAndCsv() throws Exception {
        Map<String, String> outputs = hostileReport();
        assertFalse(outputs.get("report.md").contains("<script"));
        assertTrue(outputs.get("report.md").contains("&lt;script&gt;"));
        String csv = outputs.get("report.csv");
        assertTrue(csv.contains("\"'\"\"><img src=x onerror=alert(1)>\"") || csv.contains("\"\"\"><img"), csv);
    }

    @Test
    void runsFromSeveralHostsAreLaidSideBySide() throws Exception {
        Path alpha = hostRun("alpha", 2, 3.5);
        Path beta = hostRun("beta", 8, 7.0);
        ReportOptions options = ReportOptions.defaults();
        Report report = Reporter.build(List.of(alpha, beta), "workers", options);
        Map<String, String> outputs = Reporter.render(report, options);
        String md = outputs.get("report.md");
        // An answer, and a table of configurations, per host.
        assertTrue(md.contains("**n = 10 on alpha: fastest pool with 2 workers**"), md);
        assertTrue(md.contains("**n = 10 on beta: fastest pool with 2 workers**"), md);
        assertTrue(md.contains("**n=10 on alpha**") && md.contains("**n=10 on beta**"), md);
        assertTrue(md.contains("| pool | 2 | 3 |"), md);
        // Each host's efficiency uses its own core count: 2 workers on 8 cores is not capped at 2 cores.
        Report.Row betaRow = report.rows().stream().filter(r -> r.host().equals("beta") && r.workers() == 2)
                .findFirst().orElseThrow();
        assertTrue(Math.abs(betaRow.efficiency() - betaRow.speedup().value() / 2) < 1e-9);
        // A load above the cores is flagged for alpha only.
        assertTrue(report.warnings().stream().anyMatch(w -> w.line().contains("alpha.json: load average 3.50 above the 2")));
        assertFalse(report.warnings().stream().anyMatch(w -> w.line().contains("beta.json: load")));
    }

    /** A run on {@code host}: sequential 10 ms, pool at 2 workers 10/speedup ms, with its metadata beside it. */
    private Path hostRun(String host, int cores, double load) throws Exception {
        Path file = new JmhJson()
                .add("b.S.sequential", "avgt", "ms/op", 1, Map.of("n", "10"), new double[][] {{9.9}, {10}, {10.1}})
                .add("b.S.pool", "avgt", "ms/op", 1, Map.of("n", "10", "workers", "2"), new double[][] {{4.9}, {5}, {5.1}})
                .write(dir.resolve(host + ".json"));
        java.nio.file.Files.writeString(dir.resolve(host + ".metadata.json"), """
                {"hostname": "%s", "cpuModel": "Test CPU", "logicalCores": %d, "cpuQuota": null, "os": "Linux",
                 "jdk": "25", "jvm": "/jdk", "jvmFlags": [], "startedAt": "2026-11-27T00:00:00Z",
                 "endedAt": "2026-11-27T00:01:00Z", "loadBefore": 0.5, "loadAfter": %s}
                """.formatted(host, cores, load));
        return file;
    }

    @Test
    void memoryPerWorkerIsShownBesideTheTimes() throws Exception {
        Path run = hostRun("alpha", 2, 0.5);
        java.nio.file.Files.writeString(MemoryFootprint.fileFor(run),
                new MemoryFootprint(40_960, 40_000, 42_000, 2, 48.5, 0.91, 2000, 35_000).toJson());
        ReportOptions options = ReportOptions.defaults();
        Map<String, String> outputs = Reporter.render(Reporter.build(List.of(run), "workers", options), options);
        assertTrue(outputs.get("report.md").contains("## Cost anatomy: what each worker costs"), outputs.get("report.md"));
        assertTrue(outputs.get("report.md").contains("| alpha | 40.0 MiB | 48.5 KiB | 0.910 KiB | 34.2 MiB |"),
                outputs.get("report.md"));
        assertTrue(outputs.get("report.html").contains("<caption>Memory per worker"));
        assertTrue(outputs.get("report.json").contains("\"platformThreadKiB\" : 48.5"));
    }

    @Test
    void escapeCoversEveryHtmlSpecialCharacter() {
        assertTrue(HtmlWriter.escape("a&b<c>d\"e'f").equals("a&amp;b&lt;c&gt;d&quot;e&#39;f"));
    }
}
