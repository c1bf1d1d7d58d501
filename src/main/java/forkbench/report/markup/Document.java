package forkbench.report.markup;

import java.util.List;

/**
 * What a report or a comparison says, built once as data: sections of paragraphs, tables, charts and folded
 * details. Each format (Markdown, HTML, CSV) only writes it out, so the formats cannot drift apart; every string in
 * it is plain text, escaped by the writer of each format.
 */
public record Document(String title, List<Section> sections) {

    public Document {
        sections = List.copyOf(sections);
    }

    /** Every table in the document, in order. */
    public List<Table> tables() {
        return sections.stream().flatMap(section -> section.blocks().stream())
                .filter(Block.TableBlock.class::isInstance).map(block -> ((Block.TableBlock) block).table()).toList();
    }
}
