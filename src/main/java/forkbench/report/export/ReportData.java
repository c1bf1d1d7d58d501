package forkbench.report.export;

import forkbench.report.model.Report;

/**
 * The report's numbers as data, not as a rendering: report.json (the whole model, every number the pages show) and
 * report.csv (one line per configuration and worker count, unrounded). The renderings of a document are the
 * writers' ({@link MarkdownWriter}, {@link HtmlWriter}, {@link CsvWriter}).
 */
public final class ReportData {

    private ReportData() {
    }

    public static String json(Report report) {
        return Json.render(report);
    }

    public static String csv(Report report) {
        return Csv.render(report);
    }
}
