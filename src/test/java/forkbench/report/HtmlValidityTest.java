package forkbench.report;

import forkbench.compare.Comparison;
import forkbench.report.export.HtmlWriter;
import forkbench.report.input.JmhResults;
import forkbench.report.model.Report;
import forkbench.report.model.ReportOptions;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report page, and the compare page, pass the W3C Nu HTML Checker without an error. */
class HtmlValidityTest {

    @TempDir
    Path dir;

    /** A run with every section: sizes, workers, an overhead benchmark, and names that need escaping. */
    private Path run(String name, double scale) throws Exception {
        JmhJson json = new JmhJson();
        for (String n : List.of("1000", "1000000")) {
            json.add("b.S.sequential", "avgt", "ms/op", 1, Map.of("n", n, "tag", "<b>&\"'"),
                    new double[][] {{10 * scale}, {10.2 * scale}, {9.9 * scale}});
            for (int workers : new int[] {1, 2, 3, 4, 6}) {
                double t = scale * 10.0 / Math.min(workers, 2) * (1 + 0.01 * workers);
                json.add("b.S.threadPool", "avgt", "ms/op", 1, Map.of("n", n, "tag", "<b>&\"'",
                        "workers", String.valueOf(workers)), new double[][] {{t}, {t * 1.02}, {t * 0.99}});
            }
        }
        json.add("b.O.platformThread", "avgt", "us/op", 1, Map.of(), new double[][] {{200}, {210}, {190}});
        return json.write(dir.resolve(name));
    }

    @Test
    void theReportPageHasNoHtmlError() throws Exception {
        ReportOptions options = ReportOptions.defaults();
        Report report = Reporter.build(List.of(run("run.json", 1)), "workers", options);
        Path page = Files.writeString(dir.resolve("report.html"), Reporter.render(report, options).get("report.html"));
        assertEquals(List.of(), errors(page));
    }

    @Test
    void theComparePageHasNoHtmlError() throws Exception {
        Comparison comparison = Comparison.of(JmhResults.read(run("base.json", 1), "workers", "base"),
                JmhResults.read(run("new.json", 1.1), "workers", "new"), 0.95, 5);
        Path page = Files.writeString(dir.resolve("compare.html"),
                HtmlWriter.write(comparison.document(), Map.of()));
        assertEquals(List.of(), errors(page));
    }

    @Test
    void theCheckerDoesFindErrors() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.html"), "<!DOCTYPE html><html lang=\"en\"><head>"
                + "<title>x</title></head><body><table><tr><td>1</td></tr></table><p id=\"a\" id=\"a\">"
                + "<div></p></body></html>");
        List<String> errors = errors(broken);
        assertEquals(true, errors.size() >= 2, errors.toString());
    }

    private static List<String> errors(Path page) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " fatal: " + e.getMessage());
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator(false, false, false);
        try {
            validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
        } catch (Exception e) {
            throw new AssertionError("schema: " + errors, e);
        }
        validator.setUpValidatorAndParsers(collect, true, false);
        validator.checkHtmlFile(page.toFile(), true);
        return errors;
    }
}
