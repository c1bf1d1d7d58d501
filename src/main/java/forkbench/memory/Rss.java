package forkbench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size, as Linux reports it in {@code /proc/<pid>/status}. */
final class Rss {

    private Rss() {
    }

    /** The process's resident memory in KiB. */
    static long kibibytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").strip());
            }
        }
        throw new IOException("/proc/" + pid + "/status has no VmRSS line");
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/status"));
    }
}
