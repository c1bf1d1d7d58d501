package forkbench.report.markup;

import java.util.List;

/** A titled part of a document; {@code id} names it in HTML anchors and CSV files. */
public record Section(String id, String title, List<Block> blocks) {

    public Section {
        blocks = List.copyOf(blocks);
    }
}
