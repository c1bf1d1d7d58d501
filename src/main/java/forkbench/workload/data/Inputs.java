package forkbench.workload.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.stream.LongStream;

/**
 * The input bytes of a data job, made from a seed: word {@code j} is a mix of the seed and {@code j}, so every run,
 * strategy and transport sees the same bytes, none of them zero pages the OS could share or skip.
 */
final class Inputs {

    /** Made in pieces of this size, in parallel: setting up a 1 GiB input takes a fraction of a second. */
    private static final long PIECE = 4L << 20;

    private Inputs() {
    }

    static void fill(Bytes bytes, long seed) {
        LongStream.range(0, Math.ceilDiv(bytes.size(), PIECE)).parallel().forEach(piece -> {
            long from = piece * PIECE;
            write(bytes.slice(from, Bytes.pieceEnd(from, bytes.size(), PIECE)), from, seed);
        });
    }

    /**
     * Writes {@code size} input bytes into {@code file} with ordinary writes, not through a mapping: a full file
     * system is then an {@link IOException} here, never a fault in a mapping later.
     */
    static void write(FileChannel file, long size, long seed) throws IOException {
        writeFile(file, size, seed, true);
    }

    /** Writes {@code size} zero bytes into {@code file}: room taken up front for an output written through mappings. */
    static void writeZeros(FileChannel file, long size) throws IOException {
        writeFile(file, size, 0, false);
    }

    private static void writeFile(FileChannel file, long size, long seed, boolean input) throws IOException {
        try {
            LongStream.range(0, Math.ceilDiv(size, PIECE)).parallel().forEach(piece -> {
                long from = piece * PIECE;
                ByteBuffer buffer = ByteBuffer.allocate((int) (Math.min(size, from + PIECE) - from))
                        .order(ByteOrder.LITTLE_ENDIAN);
                if (input) {
                    write(buffer, from, seed);
                }
                try {
                    for (long at = from; buffer.hasRemaining(); ) {
                        at += file.write(buffer, at);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The input bytes that start {@code offset} (a multiple of 8) bytes in. */
    private static void write(ByteBuffer target, long offset, long seed) {
        int length = target.limit();
        int words = length >>> 3;
        long position = offset >>> 3;
        for (int i = 0; i < words; i++) {
            target.putLong(i << 3, Words.mix(seed ^ (position + i) * 0x9E3779B97F4A7C15L));
        }
        if ((length & 7) != 0) {
            Words.putPartial(target, words << 3, length, Words.mix(seed ^ (position + words) * 0x9E3779B97F4A7C15L));
        }
    }
}
