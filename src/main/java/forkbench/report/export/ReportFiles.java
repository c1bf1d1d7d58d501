package forkbench.report.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes outputs so that nothing is ever half-written or silently replaced: each file goes to a temporary name in
 * its folder and is renamed into place, and a folder that already holds any of them is refused unless told.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** The first of {@code base}, {@code base-2}, {@code base-3}, ... that holds none of the named files. */
    public static Path freeFolder(Path base, Iterable<String> names) {
        for (int i = 1; ; i++) {
            Path candidate = i == 1 ? base : base.resolveSibling(base.getFileName() + "-" + i);
            if (!holdsAny(candidate, names)) {
                return candidate;
            }
        }
    }

    public static boolean holdsAny(Path folder, Iterable<String> names) {
        for (String name : names) {
            if (Files.exists(folder.resolve(name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes every output into {@code folder}.
     *
     * @throws IOException when the folder cannot be written, or already holds one of the files and
     *                     {@code replace} is false; in that case nothing is written
     */
    public static void write(Path folder, Map<String, String> outputs, boolean replace) throws IOException {
        if (!replace) {
            for (String name : outputs.keySet()) {
                if (Files.exists(folder.resolve(name))) {
                    throw new IOException(folder + " already holds " + name + "; choose another --out or pass --force");
                }
            }
        }
        Files.createDirectories(folder);
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            writeAtomically(folder.resolve(output.getKey()), output.getValue());
        }
    }

    public static void writeAtomically(Path target, String content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "." + target.getFileName(), ".partial");
        try {
            Files.writeString(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
