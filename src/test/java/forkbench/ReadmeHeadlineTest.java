package forkbench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's headline is the publication's own answer, as its report wrote it: generated, never typed. */
class ReadmeHeadlineTest {

    private static final Pattern HEADLINE = Pattern.compile(
            "<!-- headline: (\\S+) -->\\n(.*?)<!-- /headline -->", Pattern.DOTALL);

    @Test
    void theReadmeHeadlineEqualsThePublishedReportsHeadline() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher matcher = HEADLINE.matcher(readme);
        assertTrue(matcher.find(), "README.md has no <!-- headline: FILE --> ... <!-- /headline --> markers");
        Path source = Path.of(matcher.group(1));
        assertTrue(Files.isRegularFile(source), source + " does not exist");
        assertEquals(Files.readString(source), matcher.group(2),
                "README.md's headline differs from " + source + ": run scripts/regenerate");
    }
}
