package forkbench.process;

import forkbench.io.AtomicFiles;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Makes and finds the start-up archives of {@link StartupArchive}: an application class-data archive, or JDK 25's
 * AOT cache. On the 2-core development machine a child reached its first message in 130.8 ms without one,
 * 105.4 ms with the AppCDS archive and 90.8 ms with the AOT cache (results/2026-11-27-cold-start-variants).
 *
 * <p>An archive is made once per JDK, class path, flag set, kernel set and kind, by a training child that runs a
 * small job of each kernel. A JVM maps an archive without checking its content, and a damaged one crashes it, so
 * nothing is trusted blindly:
 * <ul>
 *   <li>the cache folder and the archive must belong to the current user and be writable by nobody else (as
 *       OpenSSH checks its keys), or the cache is not used at all;</li>
 *   <li>each archive has a checksum beside it, written when it was made; an archive whose size or checksum no longer
 *       matches is removed and made again, with one line saying so;</li>
 *   <li>a training that fails is remembered for that key ({@code KEY.failed}, with the reason), said once, and not
 *       retried by every new JVM; delete the file to retry;</li>
 *   <li>a training interrupted in the parent leaves no {@code training-*} file: removed at exit, and swept by the
 *       next JVM when a SIGKILL skipped that.</li>
 * </ul>
 * Anything that goes wrong leaves children on the JDK's default archive: slower, still right. This class finds and
 * keeps archives; {@link ArchiveTrust} decides whether one may be mapped and {@link ArchiveTraining} makes one.
 */
final class StartupArchiveCache {

    /** Set (to anything but empty), children start without a start-up archive and nothing is trained. */
    public static final String NO_ARCHIVE_VARIABLE = "FORKBENCH_NO_ARCHIVE";
    private static final Duration STALE_AFTER = Duration.ofDays(14);
    /** A training takes seconds; a file of one older than this was left by a killed parent. */
    private static final Duration ABANDONED_TRAINING = Duration.ofMinutes(10);
    private static final Map<List<Object>, Optional<Path>> ARCHIVES = new ConcurrentHashMap<>();
    /**
     * JDK 25 replays the training child's method profiles in every JVM that maps the AOT cache. The training runs
     * each data kernel under both transports, and with the replay a pooled child's {@code scramble} ran 21-30 ms a
     * job in 4 forks of 10 against 7-9 ms in the others; without it, 7.9-10.2 ms in all 10 (32 MiB, shared, 2
     * workers). A cold child started no slower without it (hyperfine, 60 runs: 65-66 ms against 68-75). The
     * classes stay archived either way. Only on the JDK it was measured on: the option is diagnostic, and a JDK
     * without it would refuse to start the child.
     */
    private static final List<String> WITHOUT_PROFILE_REPLAY = Runtime.version().feature() == 25
            ? List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining") : List.of();

    private StartupArchiveCache() {
    }

    /**
     * Makes or finds the archive for children with this base command, once per JVM: what {@link ChildProcess#prepare}
     * does, so that no fork ever pays for a training.
     */
    static void prepare(StartupArchive kind, List<String> baseCommand, String classPath, List<String> kernels) {
        Path base = cacheBase(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
        ARCHIVES.computeIfAbsent(List.of(kind, baseCommand, kernels),
                key -> locate(kind, baseCommand, classPath, kernels, base));
    }

    /** The flags that make a child use the archive {@link #prepare} made or found; none when it was not prepared. */
    static List<String> preparedFlags(StartupArchive kind, List<String> baseCommand, List<String> kernels) {
        Optional<Path> archive = ARCHIVES.getOrDefault(List.of(kind, baseCommand, kernels), Optional.empty());
        return archive.map(path -> useFlags(kind, path)).orElse(List.of());
    }

    /** The flags that make a child map {@code archive}, an archive of {@code kind}. */
    static List<String> useFlags(StartupArchive kind, Path archive) {
        if (kind != StartupArchive.AOT_CACHE) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        List<String> flags = new ArrayList<>(List.of("-XX:AOTCache=" + archive));
        flags.addAll(WITHOUT_PROFILE_REPLAY);
        return List.copyOf(flags);
    }

    /**
     * The cache's base folder: {@code XDG_CACHE_HOME} when it is an absolute path (the XDG spec says a relative one
     * is invalid and must be ignored), else {@code ~/.cache}.
     */
    static Path cacheBase(String xdgCacheHome, String userHome) {
        if (xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()) {
            return Path.of(xdgCacheHome);
        }
        return Path.of(userHome, ".cache");
    }

    /** The archive for this command under {@code base}, made when missing or damaged; empty when none can be used. */
    static Optional<Path> locate(StartupArchive kind, List<String> baseCommand, String classPath,
                                 List<String> kernels, Path base) {
        return locate(kind, baseCommand, classPath, kernels, base, ArchiveTraining.TRAINING_LIMIT);
    }

    /** As above, the training bounded by {@code limit}. */
    static Optional<Path> locate(StartupArchive kind, List<String> baseCommand, String classPath,
                                 List<String> kernels, Path base, Duration limit) {
        String extension = kind == StartupArchive.AOT_CACHE ? ".aot" : ".jsa";
        try {
            Path directory = ArchiveTrust.trustedDirectory(base);
            sweepAbandonedTraining(directory);
            String key = key(baseCommand, classPath, kernels);
            Path archive = directory.resolve(key + extension);
            Path failed = directory.resolve(key + ".failed");
            if (Files.exists(failed, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (Files.exists(archive, LinkOption.NOFOLLOW_LINKS)) {
                String damage = ArchiveTrust.damage(archive);
                if (damage == null) {
                    return Optional.of(archive);
                }
                say("start-up archive " + archive + " " + damage + "; removing it and making a new one");
                Files.deleteIfExists(archive);
                Files.deleteIfExists(ArchiveTrust.checksumFile(archive));
            }
            String unusable = unarchivableClassPath(classPath);
            if (unusable != null) {
                remember(failed, unusable);
                return Optional.empty();
            }
            return ArchiveTraining.train(kind, baseCommand, kernels, directory, archive, failed, extension, limit);
        } catch (ArchiveTrust.UntrustedCacheException e) {
            say("not using the start-up archive cache: " + e.getMessage() + "; children start without an archive");
        } catch (IOException | RuntimeException e) {
            say("no start-up archive for child JVMs (" + e.getMessage() + "); they start without one");
        }
        return Optional.empty();
    }

    /** Says why in one line, and leaves a note so that the next JVMs do not try again for this key. */
    static void remember(Path failed, String why) {
        say("no start-up archive for child JVMs: " + why + "; they start without one (not retried for this class "
                + "path; delete " + failed + " to retry)");
        try {
            AtomicFiles.write(failed, why + "\n");
        } catch (IOException e) {
            // Then the next JVM tries again: slower, still right.
        }
    }

    /** JDK archives refuse a non-empty folder on the class path (a build's classes/, say): no use training. */
    private static String unarchivableClassPath(String classPath) throws IOException {
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                try (Stream<Path> contents = Files.list(path)) {
                    if (contents.findAny().isPresent()) {
                        return "the class path holds the folder " + entry + ", which a JVM archive cannot include";
                    }
                }
            }
        }
        return null;
    }

    /** Removes what a training killed mid-way (SIGKILL skips the exit hook) left in the cache. */
    private static void sweepAbandonedTraining(Path directory) throws IOException {
        deleteOlderThan(directory, "training-*", ABANDONED_TRAINING);
    }

    /** Every rebuilt jar gets its own archive; drop the ones nothing has written for a fortnight. */
    static void pruneStale(Path directory) throws IOException {
        deleteOlderThan(directory, "*.{jsa,aot,crc,failed}", STALE_AFTER);
    }

    private static void deleteOlderThan(Path directory, String glob, Duration age) throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(age));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, glob)) {
            for (Path old : files) {
                if (Files.getLastModifiedTime(old, LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) < 0) {
                    Files.deleteIfExists(old);
                }
            }
        }
    }

    /**
     * Names an archive by what makes it valid: the JDK build, the command, the kernels, each class path entry's
     * stamp.
     */
    private static String key(List<String> baseCommand, String classPath, List<String> kernels) throws IOException {
        StringBuilder identity = new StringBuilder()
                .append(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.vm.version")).append('\n')
                .append(String.join("\u0000", baseCommand)).append('\n')
                .append(String.join("\u0000", kernels)).append('\n');
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

    static void say(String line) {
        System.err.println("forkbench: " + line);
    }

}
