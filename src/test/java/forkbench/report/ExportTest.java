package forkbench.report;

import forkbench.report.export.Html;
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
                    new double[][] {{10.0 / workers, 10.2 / workers, 9.8 / workers}});
        }
        json.add("evil.Bench.sequential", "avgt", "ms/op", 1,
                Map.of("n", "1000", "tag", "\"><img src=x onerror=alert(1)>"), new double[][] {{10, 10.1, 9.9}});
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
    void escapeCoversEveryHtmlSpecialCharacter() {
        assertTrue(Html.escape("a&b<c>d\"e'f").equals("a&amp;b&lt;c&gt;d&quot;e&#39;f"));
    }
}
