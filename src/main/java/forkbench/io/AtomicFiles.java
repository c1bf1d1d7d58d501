package forkbench.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files that appear whole or not at all: written under a hidden temporary name beside the target, then renamed into
 * place. The temporary name is created plainly (not with {@code createTempFile}, which makes files 0600), so the
 * result gets the permissions the umask gives, as JMH's own result files do.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Leftovers.track(hiddenSibling(target, "partial"));
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(content);
            }
            move(temporary, target);
        } finally {
            Leftovers.delete(temporary);
        }
    }

    /** Renames {@code source} to {@code target}, replacing a file there; atomically where the file system can. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A new, unused name beside {@code target}: {@code .NAME.KIND-RANDOM}, hidden from globs such as *.json. */
    public static Path hiddenSibling(Path target, String kind) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + "." + kind + "-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
    }
}
