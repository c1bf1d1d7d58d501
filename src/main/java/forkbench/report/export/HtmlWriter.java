package forkbench.report.export;

import forkbench.report.markup.Block;
import forkbench.report.markup.Document;
import forkbench.report.markup.Section;
import forkbench.report.markup.Table;

import java.util.List;
import java.util.Map;

/**
 * A {@link Document} as one self-contained HTML page: inline styles and inline SVG charts, no scripts, no external
 * resources, so it opens offline and cannot be made to run anything. Every text is escaped.
 */
public final class HtmlWriter {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:1.5rem 2rem;color:#222;max-width:1400px;line-height:1.4}
            h1{margin:.2rem 0 .6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:.4rem 0 1.2rem;font-size:13px}
            caption{text-align:left;font-weight:600;padding:.3rem 0}
            th,td{border:1px solid #ccc;padding:3px 8px;text-align:right;vertical-align:top}
            th{background:#f3f3f3}td.t,th.t{text-align:left}
            td.dim{color:#888}td.warn{background:#fff0e0}td.best{font-weight:700;background:#e8f5e9}
            .answer{display:flex;flex-wrap:wrap;gap:0 2rem}.charts{display:flex;flex-wrap:wrap;gap:1rem}
            details{margin:.2rem 0}summary{cursor:pointer}p{max-width:70rem}
            """;

    private HtmlWriter() {
    }

    /** The page, with each chart of {@code charts} (by name) inline where the document shows it. */
    public static String write(Document document, Map<String, String> charts) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(document.title())).append("</title>\n<style>\n").append(STYLE)
                .append("</style></head><body>\n<h1>").append(escape(document.title())).append("</h1>\n");
        for (Section section : document.sections()) {
            html.append("<section id=\"").append(escape(section.id())).append("\"><h2>").append(escape(section.title()))
                    .append("</h2>\n");
            boolean answer = section.id().equals("answer");
            boolean inFlex = false;
            for (Block block : section.blocks()) {
                if (answer && block instanceof Block.TableBlock && !inFlex) {
                    html.append("<div class=\"answer\">");
                    inFlex = true;
                }
                switch (block) {
                    case Block.Paragraph p -> html.append("<p>").append(escape(p.text())).append("</p>\n");
                    case Block.TableBlock t -> html.append(table(t.table()));
                    case Block.Charts c -> {
                        html.append("<div class=\"charts\">");
                        c.names().forEach(name -> html.append(charts.getOrDefault(name, "")));
                        html.append("</div>\n");
                    }
                    case Block.Folded f -> {
                        html.append("<details><summary>").append(escape(f.summary())).append("</summary><ul>");
                        f.lines().forEach(line -> html.append("<li>").append(escape(line)).append("</li>"));
                        html.append("</ul></details>\n");
                    }
                }
            }
            if (inFlex) {
                html.append("</div>");
            }
            html.append("</section>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** One table, its caption as a {@code <caption>}. */
    public static String table(Table table) {
        StringBuilder html = new StringBuilder("<table>");
        if (table.caption() != null) {
            html.append("<caption>").append(escape(table.caption())).append("</caption>");
        }
        html.append("<thead><tr>");
        for (Table.Column column : table.columns()) {
            html.append(column.numeric() ? "<th>" : "<th class=\"t\">").append(escape(column.name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (List<Table.Cell> cells : table.rows()) {
            html.append("<tr>");
            for (int i = 0; i < cells.size(); i++) {
                Table.Cell cell = cells.get(i);
                String kind = switch (cell.mark()) {
                    case BEST -> "best";
                    case WARN -> "warn";
                    case DIM -> "dim";
                    case PLAIN -> "";
                };
                String classes = (table.columns().get(i).numeric() ? "" : "t") + (kind.isEmpty() ? "" : " " + kind);
                html.append(classes.isBlank() ? "<td>" : "<td class=\"" + classes.strip() + "\">")
                        .append(cell.mark() == Table.Mark.WARN ? "⚠ " : "").append(escape(cell.text()))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>\n").toString();
    }

    /** Text made safe in HTML and XML (SVG) alike; control characters become a visible stand-in. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
