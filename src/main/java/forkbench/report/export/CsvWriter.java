package forkbench.report.export;

import forkbench.report.markup.Document;
import forkbench.report.markup.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Document}'s tables as CSV (RFC 4180), one file per table ({@code csv/ID.csv}), with the same columns and
 * the same text as the Markdown and HTML; report.json has every number unrounded.
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    /** Each table by file name. */
    public static Map<String, String> write(Document document) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Table table : document.tables()) {
            files.put(table.id() + ".csv", table(table));
        }
        return files;
    }

    public static String table(Table table) {
        StringBuilder csv = new StringBuilder();
        line(csv, table.columns().stream().map(Table.Column::name).toList());
        for (List<Table.Cell> cells : table.rows()) {
            line(csv, cells.stream().map(c -> c.mark() == Table.Mark.WARN ? "⚠ " + c.text() : c.text()).toList());
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(String.join(",", cells.stream().map(CsvWriter::field).toList())).append("\r\n");
    }

    /**
     * RFC 4180 quoting, and text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
     * apostrophe: input names must stay names.
     */
    public static String field(String value) {
        String safe = value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
