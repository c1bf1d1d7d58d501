package forkbench.workload.data;

import forkbench.io.Leftovers;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where shared inputs live: {@code /dev/shm} when the machine has it (memory, not disk), else the temporary folder;
 * the system property {@value #DIRECTORY_PROPERTY} names another folder. Each file is named after the process that
 * made it, removed when its job closes or the JVM exits, and swept by name when a killed run left it behind.
 */
final class SharedFiles {

    static final String DIRECTORY_PROPERTY = "forkbench.shared.dir";
    private static final String PREFIX = "forkbench-data-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");

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
        sweep(directory);
        Path file = Files.createTempFile(directory, PREFIX + ProcessHandle.current().pid() + "-" + role + "-", ".bin");
        return Leftovers.track(file);
    }

    /** Removes files left by runs whose process is gone (a SIGKILL skips the shutdown hook). */
    static void sweep(Path directory) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*")) {
            for (Path file : files) {
                Matcher matcher = NAME.matcher(file.getFileName().toString());
                if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Tidiness only: a file that cannot be swept harms nothing but space.
        }
    }
}
