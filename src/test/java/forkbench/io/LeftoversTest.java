package forkbench.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A temporary file outlives no run: removed at exit, and swept by the next run when a SIGKILL skipped that. */
class LeftoversTest {

    @Test
    void aFileOfAProcessThatIsGoneIsSweptAndOneOfALiveProcessIsKept(@TempDir Path dir) throws IOException {
        // pid 99999999 is no process: what a run killed with SIGKILL leaves.
        Path dead = Files.createFile(dir.resolve("forkbench-one-round-only-99999999-123.json"));
        Path live = Files.createFile(dir.resolve("forkbench-one-round-only-" + ProcessHandle.current().pid()
                + "-456.json"));
        Path other = Files.createFile(dir.resolve("someone-elses-99999999-1.json"));
        Path mine = Leftovers.ownedTempFile(dir, "forkbench-one-round-only-", ".json");
        assertFalse(Files.exists(dead), "a killed run's file was not swept");
        assertTrue(Files.exists(live), "a running process's file was swept");
        assertTrue(Files.exists(other), "a file without the prefix was swept");
        assertTrue(mine.getFileName().toString().startsWith("forkbench-one-round-only-"
                + ProcessHandle.current().pid() + "-"), mine.toString());
        Leftovers.delete(mine);
        assertFalse(Files.exists(mine));
    }
}
