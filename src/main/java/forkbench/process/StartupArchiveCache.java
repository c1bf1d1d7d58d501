package forkbench.process;

import forkbench.workload.Summation;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Makes and finds the start-up archives of {@link StartupArchive}: an application class-data archive, or JDK 25's
 * AOT cache. On the 2-core development machine a child reached its first message in 130.8 ms without one,
 * 105.4 ms with the AppCDS archive and 90.8 ms with the AOT cache (results/2026-11-27-cold-start-variants).
 *
 * <p>An archive is made once per JDK, class path, flag set and kind, by a training child that runs one small job;
 * it is written under a temporary name and renamed into place, so a reader never maps half an archive. Anything
 * that goes wrong leaves children on the JDK's default archive: slower, still right. The JVM itself checks an
 * archive against the class path it runs with and ignores one that does not match.
 */
final class StartupArchiveCache {

    private static final long TRAINING_TIMEOUT_SECONDS = 60;
    private static final Duration STALE_AFTER = Duration.ofDays(14);
    private static final Map<List<Object>, Optional<Path>> ARCHIVES = new ConcurrentHashMap<>();

    private StartupArchiveCache() {
    }

    /** The flags that make a child with this base command use its archive, creating the archive on first use. */
    static List<String> flagsFor(StartupArchive kind, List<String> baseCommand, String classPath) {
        String useFlag = kind == StartupArchive.AOT_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        return ARCHIVES.computeIfAbsent(List.of(kind, baseCommand), key -> locate(kind, baseCommand, classPath))
                .map(archive -> List.of(useFlag + archive))
                .orElse(List.of());
    }

    private static Optional<Path> locate(StartupArchive kind, List<String> baseCommand, String classPath) {
        String extension = kind == StartupArchive.AOT_CACHE ? ".aot" : ".jsa";
        String trainFlag = kind == StartupArchive.AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
        try {
            Path directory = cacheDirectory();
            Path archive = directory.resolve(key(baseCommand, classPath) + extension);
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                return Optional.of(archive);
            }
            Path partial = Files.createTempFile(directory, "training-", extension);
            try {
                if (train(baseCommand, trainFlag + partial) && Files.size(partial) > 0) {
                    Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    pruneStale(directory);
                    return Optional.of(archive);
                }
            } finally {
                Files.deleteIfExists(partial);
                Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + ".config"));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("forkbench: no start-up archive for child JVMs (" + e.getMessage()
                    + "); they start without one");
        }
        return Optional.empty();
    }

    /** Runs one child through a real job, so the archive holds what a job loads, and lets it dump at exit. */
    private static boolean train(List<String> baseCommand, String trainFlag) throws IOException {
        List<String> command = new ArrayList<>(baseCommand);
        command.add(1, trainFlag);
        Process trainee = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (DataOutputStream toChild = new DataOutputStream(trainee.getOutputStream());
             DataInputStream fromChild = new DataInputStream(new BufferedInputStream(trainee.getInputStream()))) {
            Frames.write(toChild, new Message.Start(Summation.class.getName(), 0, 100_000));
            for (Message message; (message = Frames.read(fromChild)) != null; ) {
                if (message instanceof Message.Result) {
                    break;
                }
            }
        } catch (IOException | ChildProtocolException e) {
            trainee.destroyForcibly();
            return false;
        }
        try {
            if (!trainee.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                trainee.destroyForcibly();
                return false;
            }
        } catch (InterruptedException e) {
            trainee.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
        return trainee.exitValue() == 0;
    }

    /** Every rebuilt jar gets its own archive; drop the ones nothing has written for a fortnight. */
    private static void pruneStale(Path directory) throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE_AFTER));
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(directory, "*.{jsa,aot}")) {
            for (Path old : archives) {
                if (Files.getLastModifiedTime(old).compareTo(cutoff) < 0) {
                    Files.deleteIfExists(old);
                }
            }
        }
    }

    /** A per-user cache folder, private to its owner: nobody else can plant an archive for our children to map. */
    private static Path cacheDirectory() throws IOException {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        Path directory = base.resolve("forkbench").resolve("cds");
        Files.createDirectories(directory);
        try {
            Files.setPosixFilePermissions(directory.getParent(), PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the user's home folder is the protection there.
        }
        return directory;
    }

    /** Names an archive by everything that makes it valid: the JDK build, the command, each class path entry's stamp. */
    private static String key(List<String> baseCommand, String classPath) throws IOException {
        StringBuilder identity = new StringBuilder()
                .append(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.vm.version")).append('\n')
                .append(String.join("\u0000", baseCommand)).append('\n');
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.exists(path)) {
                identity.append(entry).append(' ').append(Files.size(path)).append(' ')
                        .append(Files.getLastModifiedTime(path).toMillis()).append('\n');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
