package forkbench.report;

import forkbench.report.export.CsvWriter;
import forkbench.report.export.HtmlWriter;
import forkbench.report.export.MarkdownWriter;
import forkbench.report.markup.Document;
import forkbench.report.markup.Table;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import forkbench.report.view.ReportView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Markdown, HTML and CSV are three writings of one document: every table, the same columns in each. */
class TableFormatsTest {

    @TempDir
    Path dir;

    @Test
    void everyTableHasTheSameColumnsInEveryFormat() throws Exception {
        JmhJson json = new JmhJson();
        for (String n : List.of("1000", "1000000")) {
            json.add("b.S.sequential", "avgt", "ms/op", 1, Map.of("n", n), new double[][] {{10}, {10.2}, {9.9}});
            for (int workers : new int[] {1, 2, 4}) {
                double t = 10.0 / Math.min(workers, 2);
                json.add("b.S.threadPool", "avgt", "ms/op", 1, Map.of("n", n, "workers", String.valueOf(workers)),
                        new double[][] {{t}, {t * 1.02}, {t * 0.99}});
            }
        }
        json.add("b.O.platformThread", "avgt", "us/op", 1, Map.of(), new double[][] {{200}, {210}, {190}});
        ReportOptions options = ReportOptions.defaults();
        Report report = Reporter.build(List.of(json.write(dir.resolve("run.json"))), "workers", options);
        Map<String, String> outputs = Reporter.render(report, options);
        Document document = ReportView.of(report, options, List.of());
        List<String> ids = document.tables().stream().map(Table::id).toList();
        assertTrue(ids.containsAll(List.of("answer-1", "answer-2", "break-even", "cost", "fits", "runs")), ids.toString());
        for (Table table : document.tables()) {
            List<String> names = table.columns().stream().map(Table.Column::name).toList();
            assertEquals(names, markdownHeader(MarkdownWriter.table(table)), table.id() + " in Markdown");
            assertEquals(names, htmlHeader(HtmlWriter.table(table)), table.id() + " in HTML");
            assertEquals(String.join(",", names.stream().map(CsvWriter::field).toList()),
                    CsvWriter.table(table).lines().findFirst().orElseThrow(), table.id() + " in CSV");
            // ...and each format holds it, as written.
            assertTrue(outputs.get("report.md").contains(MarkdownWriter.table(table)), table.id() + " missing in .md");
            assertTrue(outputs.get("report.html").contains(HtmlWriter.table(table)), table.id() + " missing in .html");
            assertEquals(CsvWriter.table(table), outputs.get("csv/" + table.id() + ".csv"), table.id() + " csv");
        }
    }

    private static List<String> markdownHeader(String markdown) {
        String header = markdown.lines().filter(line -> line.startsWith("| ")).findFirst().orElseThrow();
        List<String> names = new ArrayList<>();
        for (String cell : header.substring(2, header.length() - 2).split(" \\| ")) {
            names.add(cell.replace("\\|", "|"));
        }
        return names;
    }

    private static List<String> htmlHeader(String html) {
        Matcher th = Pattern.compile("<th[^>]*>([^<]*)</th>").matcher(html.substring(html.indexOf("<thead>"),
                html.indexOf("</thead>")));
        List<String> names = new ArrayList<>();
        while (th.find()) {
            names.add(th.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"));
        }
        return names;
    }
}
