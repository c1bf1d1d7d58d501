package forkbench.report.markup;

import java.util.List;

/**
 * A table built once and written by every format alike.
 *
 * @param id      a short name, unique in its document: the CSV file is {@code ID.csv}
 * @param caption a line above the table ({@code null} for none)
 * @param columns the header
 * @param rows    each a cell per column
 */
public record Table(String id, String caption, List<Column> columns, List<List<Cell>> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": a row of " + row.size() + " cells under "
                        + columns.size() + " columns");
            }
        }
    }

    /** A column: its header, and whether its values are numbers (right-aligned). */
    public record Column(String name, boolean numeric) {

        public static Column text(String name) {
            return new Column(name, false);
        }

        public static Column number(String name) {
            return new Column(name, true);
        }
    }

    /**
     * One cell: its text and how it is marked. {@link Mark#DIM} for a result that is not significant,
     * {@link Mark#WARN} for one past a physical limit or otherwise suspect, {@link Mark#BEST} for the answer.
     */
    public record Cell(String text, Mark mark) {

        public Cell {
            text = text == null ? "" : text;
        }

        public static Cell of(String text) {
            return new Cell(text, Mark.PLAIN);
        }
    }

    public enum Mark { PLAIN, DIM, WARN, BEST }
}
