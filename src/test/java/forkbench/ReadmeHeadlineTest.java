package forkbench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's headlines are the published runs' own answers, as their reports wrote them: generated, never typed. */
class ReadmeHeadlineTest {

    private static final Pattern HEADLINE = Pattern.compile(
            "<!-- headline: (\\S+) -->\\n(.*?)<!-- /headline -->", Pattern.DOTALL);

    @Test
    void everyReadmeHeadlineEqualsThePublishedReportsHeadline() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher matcher = HEADLINE.matcher(readme);
        int blocks = 0;
        while (matcher.find()) {
            blocks++;
            Path source = Path.of(matcher.group(1));
            assertTrue(Files.isRegularFile(source), source + " does not exist");
            assertEquals(Files.readString(source), matcher.group(2),
                    "README.md's headline differs from " + source + ": run scripts/regenerate");
        }
        assertTrue(blocks >= 2, "README.md has " + blocks + " <!-- headline: FILE --> ... <!-- /headline --> blocks: "
                + "the strategies' answer and the faults' are both generated");
    }
}
