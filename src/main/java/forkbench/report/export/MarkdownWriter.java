package forkbench.report.export;

import forkbench.report.markup.Block;
import forkbench.report.markup.Document;
import forkbench.report.markup.Section;
import forkbench.report.markup.Table;

import java.util.List;

/** A {@link Document} as Markdown: tables to paste into a pull request or a README. Every text is escaped. */
public final class MarkdownWriter {

    private MarkdownWriter() {
    }

    public static String write(Document document) {
        StringBuilder md = new StringBuilder("# ").append(escape(document.title())).append('\n');
        for (Section section : document.sections()) {
            md.append("\n## ").append(escape(section.title())).append("\n");
            for (Block block : section.blocks()) {
                md.append('\n');
                switch (block) {
                    case Block.Paragraph p -> md.append(escape(p.text())).append('\n');
                    case Block.TableBlock t -> md.append(table(t.table()));
                    case Block.Charts c -> c.names().forEach(name -> md.append("![").append(escape(name))
                            .append("](charts/").append(name).append(")\n"));
                    case Block.Folded f -> {
                        md.append("- ").append(escape(f.summary())).append('\n');
                        f.lines().forEach(line -> md.append("  - ").append(escape(line)).append('\n'));
                    }
                }
            }
        }
        return md.toString();
    }

    /**
     * Blocks quoted on their own, without the document around them (a README's headline): each paragraph and table
     * followed by a blank line; charts and folded lists, which need the whole report, are left out.
     */
    public static String excerpt(List<Block> blocks) {
        StringBuilder md = new StringBuilder();
        for (Block block : blocks) {
            switch (block) {
                case Block.Paragraph p -> md.append(escape(p.text())).append("\n\n");
                case Block.TableBlock t -> md.append(table(t.table())).append('\n');
                case Block.Charts c -> {
                }
                case Block.Folded f -> {
                }
            }
        }
        return md.toString();
    }

    /** One table, caption first. */
    public static String table(Table table) {
        StringBuilder md = new StringBuilder();
        if (table.caption() != null) {
            md.append("**").append(escape(table.caption())).append("**\n\n");
        }
        md.append(row(table.columns().stream().map(c -> escape(c.name())).toList()));
        md.append(row(table.columns().stream().map(c -> c.numeric() ? "--:" : "---").toList()));
        for (List<Table.Cell> cells : table.rows()) {
            md.append(row(cells.stream().map(MarkdownWriter::cell).toList()));
        }
        return md.toString();
    }

    private static String cell(Table.Cell cell) {
        String text = escape(cell.text());
        return switch (cell.mark()) {
            case BEST -> text.isEmpty() ? text : "**" + text + "**";
            case WARN -> "⚠ " + text;
            case DIM, PLAIN -> text;
        };
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /**
     * Text from the input, made safe anywhere in Markdown: no column or line breaks (every control character
     * becomes a space), no raw HTML, and no link or image syntax ({@code ![x](http://...)} would make a Markdown
     * viewer fetch a remote image).
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            switch (c) {
                // Link and image syntax is what can make a viewer fetch something: ![..](..), [..](..), [..][..].
                case ']' -> safe.append(next == '(' || next == '[' ? "\\]" : "]");
                case '!' -> safe.append(next == '[' ? "\\!" : "!");
                case '\\', '|', '`', '*' -> safe.append('\\').append(c);
                case '&' -> safe.append("&amp;");
                case '<' -> safe.append("&lt;");
                case '>' -> safe.append("&gt;");
                default -> safe.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
            }
        }
        return safe.toString();
    }
}
