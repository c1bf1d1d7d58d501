package forkbench.process;

import forkbench.io.AtomicFiles;
import forkbench.io.Leftovers;
import forkbench.workload.Kernels;
import forkbench.workload.data.DataJob;
import forkbench.workload.data.DataKernels;
import forkbench.workload.data.DataSetupException;
import forkbench.workload.data.Transport;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

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
 * Anything that goes wrong leaves children on the JDK's default archive: slower, still right.
 */
final class StartupArchiveCache {

    /** The most a whole training may take, answers and exit: a kernel that loops must not stall the run. */
    static final Duration TRAINING_LIMIT = Duration.ofSeconds(60);
    /** Set (to anything but empty), children start without a start-up archive and nothing is trained. */
    public static final String NO_ARCHIVE_VARIABLE = "FORKBENCH_NO_ARCHIVE";
    /** Elements per training job: enough to load and link a kernel's code, short for a heavy user kernel. */
    private static final long TRAINING_JOB = 10_000;
    private static final Duration STALE_AFTER = Duration.ofDays(14);
    /** A training takes seconds; a file of one older than this was left by a killed parent. */
    private static final Duration ABANDONED_TRAINING = Duration.ofMinutes(10);
    private static final Set<PosixFilePermission> SHARED_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);
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
        return locate(kind, baseCommand, classPath, kernels, base, TRAINING_LIMIT);
    }

    /** As above, the training bounded by {@code limit}. */
    static Optional<Path> locate(StartupArchive kind, List<String> baseCommand, String classPath,
                                 List<String> kernels, Path base, Duration limit) {
        String extension = kind == StartupArchive.AOT_CACHE ? ".aot" : ".jsa";
        try {
            Path directory = trustedDirectory(base);
            sweepAbandonedTraining(directory);
            String key = key(baseCommand, classPath, kernels);
            Path archive = directory.resolve(key + extension);
            Path failed = directory.resolve(key + ".failed");
            if (Files.exists(failed, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (Files.exists(archive, LinkOption.NOFOLLOW_LINKS)) {
                String damage = damage(archive);
                if (damage == null) {
                    return Optional.of(archive);
                }
                say("start-up archive " + archive + " " + damage + "; removing it and making a new one");
                Files.deleteIfExists(archive);
                Files.deleteIfExists(checksumFile(archive));
            }
            String unusable = unarchivableClassPath(classPath);
            if (unusable != null) {
                remember(failed, unusable);
                return Optional.empty();
            }
            return train(kind, baseCommand, kernels, directory, archive, failed, extension, limit);
        } catch (UntrustedCacheException e) {
            say("not using the start-up archive cache: " + e.getMessage() + "; children start without an archive");
        } catch (IOException | RuntimeException e) {
            say("no start-up archive for child JVMs (" + e.getMessage() + "); they start without one");
        }
        return Optional.empty();
    }

    private static Optional<Path> train(StartupArchive kind, List<String> baseCommand, List<String> kernels,
                                        Path directory, Path archive, Path failed, String extension,
                                        Duration limit) throws IOException {
        String trainFlag = kind == StartupArchive.AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
        Path partial = Leftovers.track(Files.createTempFile(directory, "training-", extension));
        Path config = Leftovers.track(partial.resolveSibling(partial.getFileName() + ".config"));
        try {
            String why = runTrainee(baseCommand, kernels, trainFlag + partial, limit);
            if (why == null && Files.size(partial) == 0) {
                why = "the training JVM wrote an empty archive";
            }
            if (why != null) {
                remember(failed, why);
                return Optional.empty();
            }
            AtomicFiles.write(checksumFile(archive), checksum(partial));
            AtomicFiles.move(partial, archive);
            pruneStale(directory);
            return Optional.of(archive);
        } finally {
            Leftovers.delete(partial);
            Leftovers.delete(config);
        }
    }

    /**
     * Runs one child through a whole job per kernel (start, kernel, result) and lets it exit and dump, so the archive
     * holds what a job loads and links. A training job of 5·10⁸ elements instead of a small one did not make a
     * cold child compute faster (results/2026-11-28-cold-children), so the jobs stay small.
     *
     * @return why the training failed, or {@code null} when it succeeded
     */
    private static String runTrainee(List<String> baseCommand, List<String> kernels, String trainFlag,
                                     Duration limit) throws IOException {
        List<String> command = new ArrayList<>(baseCommand);
        command.add(1, trainFlag);
        List<String> own = kernels.stream().filter(kernel -> !Kernels.BUILT_IN.contains(kernel)).toList();
        say("training a start-up archive for child JVMs" + (own.isEmpty() ? "" : " on " + String.join(", ", own))
                + " (once per class path, at most " + limit.toSeconds() + " s; " + NO_ARCHIVE_VARIABLE
                + "=1 skips it)");
        Process trainee = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        // Past the limit the trainee is killed, which ends the reading below at end of stream.
        java.util.concurrent.atomic.AtomicBoolean overTime = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watchdog = Thread.ofPlatform().daemon().name("forkbench-training-limit").start(() -> {
            try {
                if (!trainee.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    overTime.set(true);
                    trainee.destroyForcibly();
                }
            } catch (InterruptedException e) {
                trainee.destroyForcibly();
            }
        });
        String suspects = own.isEmpty() ? "" : " (kernel" + (own.size() == 1 ? " " : "s ") + String.join(", ", own)
                + ")";
        try {
            String failure = talkToTrainee(trainee, kernels);
            if (!trainee.waitFor(limit.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                trainee.destroyForcibly();
            }
            if (overTime.get()) {
                return "the training child did not finish within " + limit.toSeconds() + " s: a kernel that loops "
                        + "or is slow on " + TRAINING_JOB + " elements" + suspects;
            }
            // A child that died (out of memory, say) breaks the pipe too: its exit code says more than the pipe.
            int code = trainee.exitValue();
            if (code != 0) {
                return "the training child " + ChildExitException.describe(code) + suspects;
            }
            return failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            trainee.destroyForcibly();
            watchdog.interrupt();
        }
    }

    /** Sends the training jobs and reads their answers; why that failed, or {@code null}. */
    private static String talkToTrainee(Process trainee, List<String> kernels) {
        try (DataOutputStream toChild = new DataOutputStream(trainee.getOutputStream());
             DataInputStream fromChild = new DataInputStream(new BufferedInputStream(trainee.getInputStream()));
             DataJob shared = DataJob.create(DataKernels.SCRAMBLE, DataJob.BLOCK, Transport.SHARED, DataJob.SEED)) {
            for (String kernel : kernels) {
                Frames.write(toChild, new Message.Start(kernel, 0, TRAINING_JOB));
            }
            // A data job of each built-in kernel, one block sent in a frame, and one mapped from shared memory: the
            // classes of both transports (and a transform's way back) in the archive too.
            byte[] block = new byte[DataJob.BLOCK];
            for (String kernel : DataKernels.BUILT_IN) {
                Frames.write(toChild, new Message.StartData(kernel, 0, block.length, "", ""));
                Frames.writeData(toChild, block, 0, block.length);
            }
            Frames.write(toChild, new Message.StartData(shared.kernelName(), 0, shared.size(),
                    shared.inputFile().orElseThrow().toString(), shared.outputFile().orElseThrow().toString()));
            int answers = 0;
            int expected = kernels.size() + DataKernels.BUILT_IN.size() + 1;
            for (Message message; answers < expected
                    && (message = Frames.readSkippingText(fromChild, line -> { })) != null; ) {
                if (message instanceof Message.Result || message instanceof Message.Failure) {
                    answers++;
                }
            }
            return null;
        } catch (IOException | ChildProtocolException | DataSetupException e) {
            return "the training child failed (" + e.getMessage() + ")";
        }
    }

    /** Says why in one line, and leaves a note so that the next JVMs do not try again for this key. */
    private static void remember(Path failed, String why) {
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

    /** Why the archive cannot be used as it is, or {@code null} when it is whole, ours, and private. */
    static String damage(Path archive) throws IOException {
        if (!Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS)) {
            return "is not a regular file";
        }
        String ownership = untrusted(archive);
        if (ownership != null) {
            throw new UntrustedCacheException(archive + " " + ownership);
        }
        Path sum = checksumFile(archive);
        if (!Files.isRegularFile(sum, LinkOption.NOFOLLOW_LINKS)) {
            return "has no checksum beside it";
        }
        String expected = Files.readString(sum).strip();
        return expected.equals(checksum(archive)) ? null : "does not match its checksum (damaged or truncated)";
    }

    /** Size and CRC-32C: enough to catch damage; the ownership checks keep out archives planted on purpose. */
    static String checksum(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                size += n;
            }
        }
        return size + " " + Long.toHexString(crc.getValue());
    }

    private static Path checksumFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".crc");
    }

    /**
     * {@code base/forkbench/cds}, created private to the current user; refused when it, or the folder above it,
     * belongs to someone else or can be written by others: they could plant an archive for our children to map.
     */
    static Path trustedDirectory(Path base) throws IOException {
        Path forkbench = base.resolve("forkbench");
        Path directory = forkbench.resolve("cds");
        Files.createDirectories(directory);
        for (Path folder : List.of(forkbench, directory)) {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw new UntrustedCacheException(folder + " is not a folder (a symbolic link?)");
            }
            String problem = untrusted(folder);
            if (problem != null) {
                throw new UntrustedCacheException(folder + " " + problem);
            }
        }
        return directory;
    }

    /** Why {@code path} cannot be trusted, or {@code null}: it must be ours and writable by nobody else. */
    private static String untrusted(Path path) throws IOException {
        UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = path.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!owner.equals(me)) {
            return "belongs to " + owner.getName() + ", not to " + me.getName();
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (permissions.stream().anyMatch(SHARED_WRITE::contains)) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    // Ours, so we may close it; whatever is inside is checked on its own.
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
                } else {
                    return "is writable by others (" + PosixFilePermissions.toString(permissions) + ")";
                }
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: ownership is what can be checked there.
        }
        return null;
    }

    /** Removes what a training killed mid-way (SIGKILL skips the exit hook) left in the cache. */
    private static void sweepAbandonedTraining(Path directory) throws IOException {
        deleteOlderThan(directory, "training-*", ABANDONED_TRAINING);
    }

    /** Every rebuilt jar gets its own archive; drop the ones nothing has written for a fortnight. */
    private static void pruneStale(Path directory) throws IOException {
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

    /** Names an archive by what makes it valid: the JDK build, the command, the kernels, each class path entry's stamp. */
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

    private static void say(String line) {
        System.err.println("forkbench: " + line);
    }

    /** The cache is someone else's, or open to others: not an error, a reason to do without it. */
    static final class UntrustedCacheException extends IOException {
        private static final long serialVersionUID = 1L;

        UntrustedCacheException(String message) {
            super(message);
        }
    }
}
