package forkbench.workload.data;

import forkbench.io.Leftovers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where shared inputs live: {@code /dev/shm} when the machine has it (memory, not disk), else the temporary folder;
 * the system property {@value #DIRECTORY_PROPERTY} names another folder. Each file is named after the process that
 * made it, removed when its job closes or the JVM exits, and swept by name when a killed run left it behind.
 */
final class SharedFiles {

    static final String DIRECTORY_PROPERTY = "forkbench.shared.dir";
    private static final String PREFIX = "forkbench-data-";

    private SharedFiles() {
    }

    static Path directory() {
        String chosen = System.getProperty(DIRECTORY_PROPERTY);
        if (chosen != null) {
            return Path.of(chosen);
        }
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** A new empty file for {@code role} in {@code directory}, tracked so that it is removed however the JVM ends. */
    static Path create(Path directory, String role) throws IOException {
        return Leftovers.ownedTempFile(directory, PREFIX, "-" + role + ".bin");
    }

    /** Removes files left by runs whose process is gone (a SIGKILL skips the shutdown hook). */
    static void sweep(Path directory) {
        Leftovers.sweepDeadOwners(directory, PREFIX);
    }
}
