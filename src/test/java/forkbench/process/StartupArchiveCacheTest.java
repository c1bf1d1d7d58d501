package forkbench.process;

import forkbench.workload.Range;
import forkbench.workload.Summation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The archive cache trusts nothing it finds: damaged, foreign, shared or half-made archives are never mapped. */
class StartupArchiveCacheTest {

    private static final StartupArchive KIND = StartupArchive.best().available(true);

    /** A JVM archive cannot hold a class folder, so the children here run from a jar of the main classes. */
    private static Path jar;

    /** A user's kernels, as scripts/kernel packs them: a jar beside forkbench's. */
    private static Path kernelJar;

    @BeforeAll
    static void packTheJars(@TempDir Path dir) throws IOException {
        Path mainClasses = Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        jar = pack(dir.resolve("forkbench.jar"), mainClasses, file -> true);
        Path testClasses = Path.of(Spinning.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> kernels = List.of(Spinning.class.getSimpleName(), Exhausting.class.getSimpleName());
        kernelJar = pack(dir.resolve("kernels.jar"), testClasses,
                file -> kernels.contains(file.getFileName().toString().replace(".class", "")));
    }

    /** The class files under {@code classes} that {@code which} keeps, as a jar. */
    private static Path pack(Path jarFile, Path classes, java.util.function.Predicate<Path> which)
            throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jarFile))) {
            Files.walkFileTree(classes, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (which.test(file)) {
                        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return jarFile;
    }

    private static ForkOptions fromJar(String mainClass) {
        return ForkOptions.builder().classPath(jar.toString()).main(mainClass).timeout(Duration.ofMinutes(1))
                .startupArchive(KIND).build();
    }

    private static Optional<Path> locate(ForkOptions options, Path base) {
        return StartupArchiveCache.locate(KIND, options.baseCommand(), options.classPath(),
                options.trainingKernels(), base);
    }

    /** A child mapping {@code archive} by the flag the cache would give it computes as it should. */
    private static long sumInAChild(ForkOptions options, Path archive) throws Exception {
        List<String> flags = new java.util.ArrayList<>(StartupArchiveCache.useFlags(KIND, archive));
        flags.addAll(ForkOptions.WORKER_JVM_ARGS);
        try (ChildProcess child = ChildProcess.fork(options.toBuilder().startupArchive(StartupArchive.NONE)
                .jvmArgs(flags).build())) {
            return child.submit(new Range(0, 1_000_000)).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aChildMapsTheAotCacheWithoutReplayingTheTrainingProfiles() {
        Path archive = Path.of("/cache/key.aot");
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive),
                StartupArchiveCache.useFlags(StartupArchive.APP_CDS, archive));
        if (Runtime.version().feature() == 25) {
            // The JDK these flags were measured on; a later one may drop the option, and then gets none.
            assertEquals(List.of("-XX:AOTCache=" + archive, "-XX:+UnlockDiagnosticVMOptions",
                    "-XX:-AOTReplayTraining"), StartupArchiveCache.useFlags(StartupArchive.AOT_CACHE, archive));
        }
    }

    @Test
    void readingOptionsNeverTrainsAnArchiveOnlyPrepareDoes() {
        ForkOptions options = fromJar(ChildMain.class.getName()).toBuilder()
                .jvmArgs(List.of("-XX:+UseSerialGC", "-Dforkbench.test.unprepared=" + System.nanoTime())).build();
        // Not prepared: the command is the bare one, and building it made nothing anywhere.
        assertEquals(options.baseCommand(), options.command());
    }

    @Test
    void theArchiveIsTrainedOnEveryKernelItIsAskedFor(@TempDir Path base) throws Exception {
        ForkOptions sumOnly = fromJar(ChildMain.class.getName()).toBuilder().trainingKernels(List.of("sum")).build();
        ForkOptions both = sumOnly.toBuilder().trainingKernels(List.of("sum", "primes")).build();
        Path one = locate(sumOnly, base).orElseThrow();
        Path other = locate(both, base).orElseThrow();
        assertFalse(one.equals(other), "the kernels trained on are part of the archive's key");
        // A kernel the training cannot create is answered with an error and the training still succeeds.
        ForkOptions unknown = sumOnly.toBuilder().trainingKernels(List.of("no.such.Kernel", "sum")).build();
        assertTrue(locate(unknown, base).isPresent());
        assertEquals(Summation.sum(0, 1_000_000), sumInAChild(both, other));
        assertNoTrainingLeftovers(base);
    }

    @Test
    void aRelativeXdgCacheHomeIsIgnoredAsTheSpecSays() {
        assertEquals(Path.of("/home/u/.cache"), StartupArchiveCache.cacheBase("relative/cache", "/home/u"));
        assertEquals(Path.of("/home/u/.cache"), StartupArchiveCache.cacheBase("  ", "/home/u"));
        assertEquals(Path.of("/home/u/.cache"), StartupArchiveCache.cacheBase(null, "/home/u"));
        assertEquals(Path.of("/var/cache/me"), StartupArchiveCache.cacheBase("/var/cache/me", "/home/u"));
    }

    @Test
    void aDamagedOrTruncatedArchiveIsRemadeNotMapped(@TempDir Path base) throws Exception {
        ForkOptions options = fromJar(ChildMain.class.getName());
        Path archive = locate(options, base).orElseThrow();
        assertNull(ArchiveTrust.damage(archive));

        // 4 KiB of garbage in the middle: the checksum no longer matches, so the archive is made again.
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.seek(file.length() / 2);
            file.write(new byte[4096]);
        }
        assertTrue(ArchiveTrust.damage(archive).contains("checksum"));
        Path remade = locate(options, base).orElseThrow();
        assertEquals(archive, remade);
        assertNull(ArchiveTrust.damage(remade));
        assertEquals(Summation.sum(0, 1_000_000), sumInAChild(options, remade));

        // Truncated: the same.
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.setLength(file.length() / 3);
        }
        assertNull(ArchiveTrust.damage(locate(options, base).orElseThrow()));
        assertNoTrainingLeftovers(base);
    }

    @Test
    void aFailedTrainingIsRememberedAndNotRetried(@TempDir Path base) throws Exception {
        ForkOptions broken = fromJar("no.such.MainClass");
        assertTrue(locate(broken, base).isEmpty());
        Path failed;
        try (Stream<Path> files = Files.list(base.resolve("forkbench/cds"))) {
            failed = files.filter(f -> f.toString().endsWith(".failed")).findFirst().orElseThrow();
        }
        assertTrue(Files.readString(failed).contains("exited with code 1"), Files.readString(failed));
        FileTime when = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(failed, when);
        assertTrue(locate(broken, base).isEmpty());
        assertEquals(when, Files.getLastModifiedTime(failed), "the note was rewritten: the training ran again");
        assertNoTrainingLeftovers(base);
    }

    @Test
    void aClassFolderOnTheClassPathIsRefusedWithoutTraining(@TempDir Path base) throws Exception {
        String folder = Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toString();
        ForkOptions fromFolder = ForkOptions.builder().classPath(folder).jvmArgs(List.of()).startupArchive(KIND)
                .build();
        assertTrue(locate(fromFolder, base).isEmpty());
        try (Stream<Path> files = Files.list(base.resolve("forkbench/cds"))) {
            Path failed = files.filter(f -> f.toString().endsWith(".failed")).findFirst().orElseThrow();
            assertTrue(Files.readString(failed).contains("holds the folder"));
        }
    }

    @Test
    void trainingLeftoversOfAKilledParentAreSwept(@TempDir Path base) throws Exception {
        Path directory = ArchiveTrust.trustedDirectory(base);
        Path abandoned = Files.writeString(directory.resolve("training-123.aot"), "half an archive");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minusSeconds(3600)));
        Path inProgress = Files.writeString(directory.resolve("training-456.aot"), "another JVM is training");
        locate(fromJar("no.such.MainClass"), base);
        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(inProgress), "a fresh training file may belong to a JVM training right now");
    }

    @Test
    void aCacheFolderOpenToOthersIsClosedAndAnArchiveOpenToOthersIsRefused(@TempDir Path base) throws Exception {
        Path directory = ArchiveTrust.trustedDirectory(base);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(directory, ArchiveTrust.trustedDirectory(base));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));

        Path archive = Files.writeString(directory.resolve("planted.aot"), "not an archive");
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-rw-rw-"));
        IOException refused = assertThrows(IOException.class, () -> ArchiveTrust.damage(archive));
        assertTrue(refused.getMessage().contains("writable by others"), refused.getMessage());
    }

    @Test
    void aCacheFolderOfAnotherUserIsNotUsed(@TempDir Path base) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a folder away");
        Path theirs = Files.createDirectories(base.resolve("forkbench/cds"));
        UserPrincipal nobody = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(theirs, nobody);
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwxrwxrwx"));
        IOException refused = assertThrows(IOException.class, () -> ArchiveTrust.trustedDirectory(base));
        assertTrue(refused.getMessage().contains("belongs to nobody"), refused.getMessage());
        // It stays open as it was: we do not touch what is not ours...
        assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(theirs)));
        // ...and children do without an archive rather than map one from there.
        assertTrue(locate(fromJar(ChildMain.class.getName()), base).isEmpty());
        try (Stream<Path> files = Files.list(theirs)) {
            assertEquals(0, files.count(), "nothing written into a folder of someone else");
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {Spinning.class, Exhausting.class})
    void aUserKernelThatLoopsOrRunsOutOfMemoryInTrainingEndsItWithinTheLimitNamingIt(Class<?> kernel,
                                                                                   @TempDir Path base)
            throws Exception {
        ForkOptions options = ForkOptions.builder().classPath(jar + java.io.File.pathSeparator + kernelJar)
                .jvmArgs(List.of("-XX:+UseSerialGC", "-Xmx64m")).timeout(Duration.ofMinutes(1)).startupArchive(KIND)
                .trainingKernels(List.of("sum", kernel.getName())).build();
        long start = System.nanoTime();
        Optional<Path> archive = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> StartupArchiveCache.locate(
                KIND, options.baseCommand(), options.classPath(), options.trainingKernels(), base,
                Duration.ofSeconds(5)));
        assertTrue(archive.isEmpty());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "the limit did not hold");
        String note;
        try (Stream<Path> files = Files.list(base.resolve("forkbench/cds"))) {
            note = Files.readString(files.filter(f -> f.toString().endsWith(".failed")).findFirst().orElseThrow());
        }
        assertTrue(note.contains("(kernel " + kernel.getName() + ")"), note);
        assertTrue(note.contains(kernel == Spinning.class ? "did not finish within 5 s" : "ran out of memory"), note);
        assertTrue(ProcessHandle.current().children().noneMatch(child -> child.info().commandLine()
                .orElse("").contains(kernelJar.toString())), "the training child is still running");
        assertNoTrainingLeftovers(base);
    }

    private static void assertNoTrainingLeftovers(Path base) throws IOException {
        try (Stream<Path> files = Files.list(base.resolve("forkbench/cds"))) {
            List<String> leftovers = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith("training-") || name.contains(".partial-")).toList();
            assertEquals(List.of(), leftovers);
        }
    }
}
