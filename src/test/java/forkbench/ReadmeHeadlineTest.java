package forkbench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages' headlines are the published runs' own answers, as their reports wrote them: generated, never typed. */
class ReadmeHeadlineTest {

    private static final Pattern HEADLINE = Pattern.compile(
            "<!-- headline: (\\S+) -->\\n(.*?)<!-- /headline -->", Pattern.DOTALL);

    /** README.md and every page under docs/. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void everyGeneratedBlockEqualsThePublishedReportsHeadline() throws IOException {
        int inReadme = 0;
        int blocks = 0;
        for (Path page : pages()) {
            Matcher matcher = HEADLINE.matcher(Files.readString(page));
            while (matcher.find()) {
                blocks++;
                inReadme += page.equals(Path.of("README.md")) ? 1 : 0;
                Path source = Path.of(matcher.group(1));
                assertTrue(Files.isRegularFile(source), page + ": " + source + " does not exist");
                assertEquals(Files.readString(source), matcher.group(2),
                        page + "'s headline differs from " + source + ": run scripts/regenerate");
            }
        }
        assertTrue(inReadme >= 1, "README.md's answer is not generated");
        assertTrue(blocks >= 3, blocks + " <!-- headline: FILE --> ... <!-- /headline --> blocks: the strategies' "
                + "answer, the allocation's and the faults' are all generated");
    }
}
