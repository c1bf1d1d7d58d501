package forkbench.workload.data;

import forkbench.io.Leftovers;
import forkbench.workload.Kernel;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A data kernel over a seeded input of {@code size} bytes, as a {@link Kernel} over the input's {@link #BLOCK}s: so
 * every strategy splits and runs it unchanged, and parts start on block boundaries. Threads read the input (and
 * write the output) where the job keeps it: in the heap under {@link Transport#COPY}, in files in shared memory
 * under {@link Transport#SHARED}, which child processes map. Made once per trial; {@link #close} removes its files.
 */
public final class DataJob implements Kernel, AutoCloseable {

    /** Parts start at multiples of 4 KiB: whole words for every kernel, whole pages for every mapping. */
    public static final int BLOCK = 4096;
    /** A part is computed in calls over at most 64 KiB, the size of one frame under {@code copy}. */
    public static final int CHUNK = 64 * 1024;
    /** The seed every published run uses; any other gives other bytes and other answers. */
    public static final long SEED = 0x5EED_F0B5L;

    private final String kernelName;
    private final DataKernel kernel;
    private final Transport transport;
    private final Bytes input;
    private final Bytes output;
    private final Path inputFile;
    private final Path outputFile;

    private DataJob(String kernelName, DataKernel kernel, Transport transport, Bytes input, Bytes output,
                    Path inputFile, Path outputFile) {
        this.kernelName = kernelName;
        this.kernel = kernel;
        this.transport = transport;
        this.input = input;
        this.output = output;
        this.inputFile = inputFile;
        this.outputFile = outputFile;
    }

    /**
     * Makes the input (and room for the output) where {@code transport} says, before anything is timed.
     *
     * @throws IllegalArgumentException when the kernel name gives no data kernel
     * @throws DataSetupException when the input does not fit (heap, shared memory) or cannot be mapped
     */
    public static DataJob create(String kernel, long size, Transport transport, long seed) {
        DataKernel created = DataKernels.byName(kernel);
        String wireName = DataKernels.wireName(created);
        if (size < 0) {
            throw new IllegalArgumentException("an input size must be >= 0 bytes, got " + size);
        }
        long needed = needed(created, size);
        return transport == Transport.COPY ? inHeap(wireName, created, size, needed, seed)
                : shared(wireName, created, size, needed, seed, SharedFiles.directory());
    }

    /**
     * Refuses, before any fork starts, a job that cannot fit where {@code transport} keeps it: under copy a heap of
     * {@code forkHeap} bytes (the forks' own, not the launcher's), under shared the shared folder's free space once
     * files of killed runs are swept. A kernel with an output needs as much again.
     */
    public static void checkRoom(String kernel, long size, Transport transport, long forkHeap) {
        DataKernel created = DataKernels.byName(kernel);
        long needed = needed(created, size);
        if (transport == Transport.COPY) {
            if (needed > forkHeap * 0.9) {
                throw new DataSetupException(what(created, size) + " does not fit in the forks' heap of "
                        + Bytes.describe(forkHeap) + ": give them a larger one (-jvmArgsAppend -Xmx"
                        + Math.max(1, (long) Math.ceil(needed / 0.9 / (1L << 30))) + "g) or use the shared transport");
            }
        } else {
            Path directory = SharedFiles.directory();
            SharedFiles.sweep(directory);
            checkShared(what(created, size), needed, size, directory);
        }
    }

    /** What a job of {@code size} bytes takes: its input, and as much again for an output (saturating). */
    private static long needed(DataKernel kernel, long size) {
        return !kernel.writesOutput() ? size : size > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : 2 * size;
    }

    private static void checkHeap(String what, long needed) {
        Runtime runtime = Runtime.getRuntime();
        long room = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (needed > room * 0.9) {
            throw new DataSetupException(what + " does not fit in this JVM's heap (" + Bytes.describe(room)
                    + " free): give it a larger -Xmx or use the shared transport");
        }
    }

    private static void checkShared(String what, long needed, long input, Path directory) {
        long free;
        try {
            free = Files.getFileStore(directory).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            throw new DataSetupException("cannot put a shared input in " + directory + ": " + reason(e));
        }
        if (needed > free) {
            throw new DataSetupException(what + (needed > input ? " needs " + Bytes.describe(needed) + " in "
                    : " does not fit in ") + directory + ", which has " + Bytes.describe(free) + " free");
        }
    }

    private static DataJob inHeap(String name, DataKernel kernel, long size, long needed, long seed) {
        checkHeap(what(kernel, size), needed);
        Bytes input = Bytes.allocate(size);
        Inputs.fill(input, seed);
        return new DataJob(name, kernel, Transport.COPY, input, kernel.writesOutput() ? Bytes.allocate(size) : null,
                null, null);
    }

    static DataJob shared(String name, DataKernel kernel, long size, long needed, long seed, Path directory) {
        checkShared(what(kernel, size), needed, size, directory);
        Path inputFile = null;
        Path outputFile = null;
        try {
            inputFile = SharedFiles.create(directory, "input");
            Bytes input;
            try (FileChannel file = FileChannel.open(inputFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                Inputs.write(file, size, seed);
                input = Bytes.map(file, FileChannel.MapMode.READ_ONLY, 0, size);
            }
            Bytes output = null;
            if (kernel.writesOutput()) {
                outputFile = SharedFiles.create(directory, "output");
                try (FileChannel file = FileChannel.open(outputFile, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
                    Inputs.writeZeros(file, size);
                    output = Bytes.map(file, FileChannel.MapMode.READ_WRITE, 0, size);
                }
            }
            return new DataJob(name, kernel, Transport.SHARED, input, output, inputFile, outputFile);
        } catch (IOException | RuntimeException e) {
            remove(inputFile);
            remove(outputFile);
            throw new DataSetupException("cannot make a shared input of " + Bytes.describe(size) + " in " + directory
                    + ": " + reason(e));
        }
    }

    public String kernelName() {
        return kernelName;
    }

    public DataKernel kernel() {
        return kernel;
    }

    public Transport transport() {
        return transport;
    }

    /** The input's size in bytes. */
    public long size() {
        return input.size();
    }

    /** The {@code n} this job runs over as a {@link Kernel}: its blocks, the last one possibly partial. */
    public long blocks() {
        return Math.ceilDiv(size(), BLOCK);
    }

    /** The first byte of block {@code block}, or the input's end. */
    public long byteAt(long block) {
        return Math.min(size(), block * BLOCK);
    }

    public Bytes input() {
        return input;
    }

    /** Where the output goes, when the kernel writes one. */
    public Optional<Bytes> output() {
        return Optional.ofNullable(output);
    }

    /** The shared file a child maps its input slice from, under {@link Transport#SHARED}. */
    public Optional<Path> inputFile() {
        return Optional.ofNullable(inputFile);
    }

    /** The shared file a child maps its output slice into, under {@link Transport#SHARED} for a transform. */
    public Optional<Path> outputFile() {
        return Optional.ofNullable(outputFile);
    }

    /** The part over blocks {@code [from, to)}, read from the input where this job keeps it. */
    @Override
    public long compute(long from, long to) {
        return compute(kernel, input, output, 0, byteAt(from), byteAt(to));
    }

    @Override
    public long combine(long left, long right) {
        return kernel.combine(left, right);
    }

    /** One chunk (16 blocks, 64 KiB): an index here is a whole block of bytes, not one element. */
    @Override
    public long smallestPart() {
        return CHUNK / BLOCK;
    }

    /**
     * The kernel over the bytes {@code [from, to)} of {@code input}, whose byte 0 is byte {@code base} of the whole
     * input, in calls over at most one {@link #CHUNK}; the output, if any, goes to the same bytes of {@code output}.
     * What a thread runs over the whole input and a child over the slice it mapped.
     */
    public static long compute(DataKernel kernel, Bytes input, Bytes output, long base, long from, long to) {
        long result = kernel.compute(input.slice(from, from), output == null ? null : output.slice(from, from),
                base + from);
        for (long start = from; start < to; ) {
            long end = Bytes.pieceEnd(start, to, CHUNK);
            long part = kernel.compute(input.slice(start, end), output == null ? null : output.slice(start, end),
                    base + start);
            result = kernel.combine(result, part);
            start = end;
        }
        return result;
    }

    /** Removes the job's files; a mapping still held stays readable until it is dropped. */
    @Override
    public void close() {
        remove(inputFile);
        remove(outputFile);
    }

    private static void remove(Path file) {
        if (file != null) {
            Leftovers.delete(file);
        }
    }

    private static String what(DataKernel kernel, long size) {
        return "an input of " + Bytes.describe(size) + (kernel.writesOutput() ? " and its output" : "");
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    @Override
    public String toString() {
        return kernelName + " over " + Bytes.describe(size()) + " (" + transport.id() + ")";
    }
}
