package forkbench.strategy;

import forkbench.process.ChildErrorException;
import forkbench.process.ChildExitException;
import forkbench.process.ChildProcess;
import forkbench.process.ChildProtocolException;
import forkbench.process.ForkOptions;
import forkbench.process.StartupArchive;
import forkbench.workload.data.Bytes;
import forkbench.workload.data.Checksum;
import forkbench.workload.data.DataJob;
import forkbench.workload.data.DataKernel;
import forkbench.workload.data.DataKernels;
import forkbench.workload.data.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every strategy over every data kernel and transport gives the sequential answer; failures are clear and clean. */
class DataStrategiesTest {

    private static final ForkOptions CHILDREN = ForkOptions.builder().startupArchive(StartupArchive.NONE).build();

    /** 0 and 1 bytes, fewer blocks than workers, a last block cut short, a size that splits unevenly. */
    private static final long[] SIZES = {0, 1, DataJob.BLOCK + 7, 5 * DataJob.BLOCK + DataJob.CHUNK + 3};

    static Stream<Arguments> strategies() {
        return Strategies.IDS.stream().flatMap(id -> Stream.of(Transport.values())
                .map(transport -> Arguments.of(id, transport)));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("strategies")
    void everyStrategyGivesTheSequentialAnswerForEveryDataKernel(String id, Transport transport) throws Exception {
        for (int workers : new int[] {1, 3}) {
            try (Strategy strategy = Strategies.create(id, workers, CHILDREN)) {
                for (String kernel : DataKernels.BUILT_IN) {
                    for (long size : SIZES) {
                        try (DataJob job = DataJob.create(kernel, size, transport, DataJob.SEED);
                             DataJob reference = DataJob.create(kernel, size, Transport.COPY, DataJob.SEED)) {
                            long expected = reference.compute(0, reference.blocks());
                            String what = kernel + " over " + size + " bytes, " + workers + " workers";
                            assertEquals(expected, strategy.run(job, job.blocks()), what);
                            if (job.kernel().writesOutput()) {
                                assertEquals(checksum(reference.output().orElseThrow(), size),
                                        checksum(job.output().orElseThrow(), size), what + ": the output");
                            }
                        }
                    }
                }
            }
        }
    }

    /** Above 2 GiB a part's offsets pass int range, and each child maps its slice as more than one segment. */
    @Test
    @EnabledIf("sharedMemoryHoldsFourGibibytes")
    void aSharedInputAboveTwoGibibytesGivesTheSameAnswerFromThreadsAndChildren() throws Exception {
        long size = 2 * Bytes.SEGMENT + 3 * DataJob.BLOCK + 5;
        try (DataJob job = DataJob.create("checksum", size, Transport.SHARED, DataJob.SEED)) {
            long expected = job.compute(0, job.blocks());
            try (Strategy threads = Strategies.create(Strategies.PLATFORM_THREADS, 2, CHILDREN);
                 Strategy children = Strategies.create(Strategies.PROCESS_POOL, 2, CHILDREN)) {
                assertEquals(expected, threads.run(job, job.blocks()));
                assertEquals(expected, children.run(job, job.blocks()));
            }
            // Against words computed one at a time, without any slicing.
            ByteBuffer last = job.input().slice(size - 5, size);
            assertEquals(job.compute(job.blocks() - 1, job.blocks()), Checksum.of(last, size - 5));
        }
    }

    static boolean sharedMemoryHoldsFourGibibytes() throws Exception {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.getFileStore(shm).getUsableSpace() > 4 * Bytes.SEGMENT;
    }

    @Test
    void aChildKilledMidTransferFailsTheJobAndLeavesNothingBehind() throws Exception {
        DataJob job = DataJob.create("hash", 256L << 20, Transport.COPY, DataJob.SEED);
        try (job; ChildProcess child = ChildProcess.fork(CHILDREN)) {
            child.ready().join();
            CompletableFuture<CompletableFuture<Long>> sending = CompletableFuture.supplyAsync(
                    () -> child.submit(job, 0, job.size()));
            Thread.sleep(300);
            ProcessHandle.of(child.pid()).orElseThrow().destroyForcibly();
            CompletionException failed = assertThrows(CompletionException.class, () -> sending.join().join());
            assertInstanceOf(ChildExitException.class, failed.getCause());
            assertFalse(child.isAlive());
        }
    }

    @Test
    void aSliceWhoseFileIsGoneFailsThatJobAndTheChildStaysUsable() throws Exception {
        DataJob gone = DataJob.create("checksum", 3 * DataJob.BLOCK, Transport.SHARED, DataJob.SEED);
        gone.close();
        try (ChildProcess child = ChildProcess.fork(CHILDREN);
             DataJob job = DataJob.create("checksum", 3 * DataJob.BLOCK, Transport.SHARED, DataJob.SEED)) {
            CompletionException failed = assertThrows(CompletionException.class,
                    () -> child.submit(gone, 0, gone.size()).join());
            assertInstanceOf(ChildErrorException.class, failed.getCause());
            assertTrue(failed.getCause().getMessage().contains("cannot map the shared slice"),
                    failed.getCause().getMessage());
            assertEquals(job.compute(0, job.blocks()), child.submit(job, 0, job.size()).join());
        }
    }

    /** A transform that answers something other than the checksum of what it sent back. */
    public static final class LyingTransform implements DataKernel {
        @Override
        public long compute(ByteBuffer in, ByteBuffer out, long offset) {
            out.put(0, in, 0, in.limit());
            return 42;
        }

        @Override
        public long combine(long left, long right) {
            return left + right;
        }

        @Override
        public boolean writesOutput() {
            return true;
        }
    }

    @Test
    void outputThatDoesNotMatchTheChildsAnswerIsCaughtOnArrival() throws Exception {
        try (ChildProcess child = ChildProcess.fork(CHILDREN);
             DataJob job = DataJob.create(LyingTransform.class.getName(), 2 * DataJob.BLOCK, Transport.COPY,
                     DataJob.SEED)) {
            CompletionException failed = assertThrows(CompletionException.class,
                    () -> child.submit(job, 0, job.size()).join());
            assertInstanceOf(ChildProtocolException.class, failed.getCause());
            assertTrue(failed.getCause().getMessage().contains("output arrived changed"),
                    failed.getCause().getMessage());
        }
    }

    private static long checksum(Bytes bytes, long size) {
        return DataJob.compute(new Checksum(), bytes, null, 0, 0, size);
    }

}
