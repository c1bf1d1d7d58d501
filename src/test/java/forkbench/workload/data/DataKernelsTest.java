package forkbench.workload.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataKernelsTest {

    /** Any split into block-aligned parts, computed in any order, gives the answer of one pass. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"checksum", "hash", "scramble"})
    void anyBlockAlignedSplitGivesTheSequentialAnswer(String kernel) {
        long size = 5 * DataJob.BLOCK + 13;
        try (DataJob job = DataJob.create(kernel, size, Transport.COPY, DataJob.SEED)) {
            long whole = job.compute(0, job.blocks());
            long split = job.combine(job.compute(3, job.blocks()), job.combine(job.compute(1, 3), job.compute(0, 1)));
            assertEquals(whole, split);
            assertEquals(job.compute(0, 0), job.compute(job.blocks(), job.blocks()), "empty parts are the identity");
        }
    }

    @Test
    void checksumWeighsEveryWordByItsPositionAndPadsAPartialOne() {
        ByteBuffer bytes = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(0, 5).putLong(8, 7).put(16, (byte) 1).put(18, (byte) 2);
        // Words 5, 7 and 0x020001 at positions 1, 2, 3; then the same bytes as if 16 bytes further in.
        assertEquals(5 + 7 * 2 + 0x020001L * 3, Checksum.of(bytes, 0));
        assertEquals(5 * 3 + 7 * 4 + 0x020001L * 5, Checksum.of(bytes, 16));
        ByteBuffer swapped = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 7).putLong(8, 5);
        assertNotEquals(Checksum.of(bytes.slice(0, 16).order(ByteOrder.LITTLE_ENDIAN), 0), Checksum.of(swapped, 0));
    }

    @Test
    void scrambleWritesItsOutputAndAnswersItsChecksum() {
        long size = 3 * DataJob.BLOCK + 5;
        try (DataJob job = DataJob.create("scramble", size, Transport.COPY, DataJob.SEED)) {
            long answer = job.compute(0, job.blocks());
            Bytes output = job.output().orElseThrow();
            assertEquals(DataJob.compute(new Checksum(), output, null, 0, 0, size), answer);
            assertNotEquals(job.input().slice(0, 8).getLong(0), output.slice(0, 8).getLong(0));
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesInTheHeapAndInSharedMemory() {
        long size = 2 * DataJob.BLOCK + 3;
        try (DataJob heap = DataJob.create("checksum", size, Transport.COPY, DataJob.SEED);
             DataJob shared = DataJob.create("checksum", size, Transport.SHARED, DataJob.SEED);
             DataJob other = DataJob.create("checksum", size, Transport.COPY, DataJob.SEED + 1)) {
            assertEquals(heap.compute(0, heap.blocks()), shared.compute(0, shared.blocks()));
            assertNotEquals(heap.compute(0, heap.blocks()), other.compute(0, other.blocks()));
            assertTrue(Files.exists(shared.inputFile().orElseThrow()));
        }
    }

    @Test
    void slicesNeverCrossASegmentAndPiecesStopAtItsEnd() {
        long size = Bytes.SEGMENT + 10;
        assertEquals(Bytes.SEGMENT, Bytes.pieceEnd(Bytes.SEGMENT - 8, size, 64));
        assertEquals(Bytes.SEGMENT + 10, Bytes.pieceEnd(Bytes.SEGMENT, size, 64));
        Bytes small = Bytes.allocate(100);
        assertEquals(0, small.slice(100, 100).limit());
        assertThrows(IllegalArgumentException.class, () -> small.slice(90, 101));
    }

    @Test
    void closingAJobRemovesItsFiles() {
        DataJob job = DataJob.create("scramble", 10_000, Transport.SHARED, DataJob.SEED);
        List<Path> files = Stream.of(job.inputFile(), job.outputFile()).map(f -> f.orElseThrow()).toList();
        files.forEach(file -> assertTrue(Files.exists(file)));
        job.close();
        files.forEach(file -> assertFalse(Files.exists(file), file + " left behind"));
    }

    @Test
    void anInputLargerThanTheSharedFolderHoldsIsRefusedInOneLineAndLeavesNoFile() throws Exception {
        Path directory = SharedFiles.directory();
        long before = leftovers(directory);
        DataSetupException refused = assertThrows(DataSetupException.class, () -> DataJob.shared("checksum",
                new Checksum(), 1L << 50, 1L << 50, DataJob.SEED, directory));
        assertTrue(refused.getMessage().matches("an input of 1 PiB does not fit in .*, which has .* free"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"));
        assertEquals(before, leftovers(directory));
    }

    @Test
    void aFolderWhereNoMappingCanBeMadeIsRefusedInOneLine() {
        Path missing = Path.of("/nonexistent-forkbench-folder");
        DataSetupException refused = assertThrows(DataSetupException.class, () -> DataJob.shared("checksum",
                new Checksum(), 100, 100, DataJob.SEED, missing));
        assertTrue(refused.getMessage().startsWith("cannot put a shared input in " + missing), refused.getMessage());
    }

    @Test
    void anInputLargerThanTheHeapIsRefusedBeforeAnyIsAllocated() {
        long tooLarge = Runtime.getRuntime().maxMemory() * 2;
        DataSetupException refused = assertThrows(DataSetupException.class,
                () -> DataJob.create("checksum", tooLarge, Transport.COPY, DataJob.SEED));
        assertTrue(refused.getMessage().contains("does not fit in this JVM's heap"), refused.getMessage());
    }

    @Test
    void unknownNamesAreRefusedWithTheKnownOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DataKernels.byName("nope"));
        assertTrue(refused.getMessage().contains("[checksum, hash, scramble]"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataKernels.byName("forkbench.workload.Summation"));
        assertEquals(Transport.SHARED, Transport.parse("shared"));
        assertThrows(IllegalArgumentException.class, () -> Transport.parse("carrier-pigeon"));
    }

    private static long leftovers(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("forkbench-data-"
                    + ProcessHandle.current().pid())).count();
        }
    }

    @Test
    void theRoomCheckSweepsWhatKilledRunsLeftBeforeCountingTheSpace(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // A run killed with SIGKILL left its input: pid 99999999 is no process.
        Path left = Files.writeString(dir.resolve("forkbench-data-99999999-input-1.bin"), "x".repeat(4096));
        String before = System.getProperty(SharedFiles.DIRECTORY_PROPERTY);
        System.setProperty(SharedFiles.DIRECTORY_PROPERTY, dir.toString());
        try {
            DataJob.checkRoom("checksum", 4096, Transport.SHARED, 1L << 30);
        } finally {
            if (before == null) {
                System.clearProperty(SharedFiles.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(SharedFiles.DIRECTORY_PROPERTY, before);
            }
        }
        assertFalse(Files.exists(left), "the check counted a dead run's file as used");
    }
}
