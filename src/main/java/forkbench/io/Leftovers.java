package forkbench.io;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary files and folders that must not outlive an interrupted run: each is removed when the work that made it
 * finishes, or by a shutdown hook when the JVM ends first (Ctrl-C, SIGTERM, {@code System.exit}). A SIGKILL skips
 * the hook; whoever makes such files also sweeps old ones by name.
 */
public final class Leftovers {

    private static final Set<Path> TEMPORARY = ConcurrentHashMap.newKeySet();
    private static final Set<Path> IF_EMPTY = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Leftovers::removeAll, "forkbench-leftovers"));
    }

    private Leftovers() {
    }

    /** Removes {@code path} (a file, or a folder and everything in it) if the JVM ends before {@link #keep}. */
    public static Path track(Path path) {
        TEMPORARY.add(path.toAbsolutePath());
        return path;
    }

    /**
     * Removes {@code path} at exit if it is an empty file or an empty folder then: a run stopped before it wrote
     * anything leaves neither a 0-byte result (JMH creates its result file when a run starts) nor an empty folder.
     */
    public static Path removeIfEmptyAtExit(Path path) {
        IF_EMPTY.add(path.toAbsolutePath());
        return path;
    }

    /** {@code path} is no longer temporary: it was renamed into place or deleted. */
    public static void keep(Path path) {
        TEMPORARY.remove(path.toAbsolutePath());
    }

    /**
     * A new temporary file in {@code directory} named {@code prefix}, this process's pid, a dash and a random part,
     * removed however this JVM ends; files of that prefix left by processes that are gone (a SIGKILL skips the
     * shutdown hook) are swept first.
     */
    public static Path ownedTempFile(Path directory, String prefix, String suffix) throws IOException {
        sweepDeadOwners(directory, prefix);
        return track(Files.createTempFile(directory, prefix + ProcessHandle.current().pid() + "-", suffix));
    }

    /** Removes the files in {@code directory} named {@code prefix} + a pid + "-..." whose process is gone. */
    public static void sweepDeadOwners(Path directory, String prefix) {
        java.util.regex.Pattern name = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix)
                + "(\\d{1,18})-.*");
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*")) {
            for (Path file : files) {
                java.util.regex.Matcher matcher = name.matcher(file.getFileName().toString());
                if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Tidiness only: a file that cannot be swept harms nothing but space.
        }
    }

    /** Deletes {@code path} now, recursively, quietly, and stops tracking it. */
    public static void delete(Path path) {
        deleteRecursively(path);
        keep(path);
    }

    private static void removeAll() {
        new ArrayList<>(TEMPORARY).forEach(Leftovers::deleteRecursively);
        removeEmpty(IF_EMPTY);
    }

    /** Deletes each of {@code paths} that is an empty file or an empty folder, deepest first. */
    public static void removeEmpty(Collection<Path> paths) {
        List<Path> deepestFirst = new ArrayList<>(paths);
        deepestFirst.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path path : deepestFirst) {
            try {
                if (Files.isRegularFile(path) && Files.size(path) == 0 || Files.isDirectory(path)) {
                    Files.deleteIfExists(path);
                }
            } catch (DirectoryNotEmptyException e) {
                // It holds results: keep it.
            } catch (IOException e) {
                // Best effort.
            }
        }
    }

    static void deleteRecursively(Path path) {
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // Already gone.
        } catch (IOException e) {
            // Best effort: what cannot be deleted is reported by nobody, and harms nothing but tidiness.
        }
    }
}
