package forkbench.report.markup;

import java.util.List;

/** One piece of a section. */
public sealed interface Block {

    /** A paragraph of plain text. */
    record Paragraph(String text) implements Block {
    }

    /** A table. */
    record TableBlock(Table table) implements Block {
    }

    /** Charts by file name (charts/NAME): inline in HTML, linked from Markdown. */
    record Charts(List<String> names) implements Block {

        public Charts {
            names = List.copyOf(names);
        }
    }

    /** A one-line summary whose lines are folded away until asked for ({@code <details>} in HTML). */
    record Folded(String summary, List<String> lines) implements Block {

        public Folded {
            lines = List.copyOf(lines);
        }
    }
}
