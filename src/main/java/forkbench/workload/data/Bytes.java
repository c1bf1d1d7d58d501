package forkbench.workload.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Bytes {@code [0, size)} of any size, held as segments of at most {@link #SEGMENT} bytes: a {@code ByteBuffer}
 * is indexed by {@code int}, so an input above 2 GiB needs more than one. The segments are heap buffers or
 * mappings of a file; either way every slice handed out is little-endian and lies within one segment.
 */
public final class Bytes {

    /** 1 GiB: a power of two, so segment boundaries fall on every block and chunk boundary. */
    public static final long SEGMENT = 1L << 30;

    private final ByteBuffer[] segments;
    private final long size;

    private Bytes(ByteBuffer[] segments, long size) {
        this.segments = segments;
        this.size = size;
    }

    /** {@code size} zero bytes in the heap. */
    public static Bytes allocate(long size) {
        ByteBuffer[] segments = new ByteBuffer[segmentCount(size)];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = ByteBuffer.allocate(segmentLength(size, i));
        }
        return new Bytes(segments, size);
    }

    /** The bytes {@code [position, position + size)} of {@code file}, mapped as {@code mode} says. */
    public static Bytes map(FileChannel file, FileChannel.MapMode mode, long position, long size) throws IOException {
        ByteBuffer[] segments = new ByteBuffer[segmentCount(size)];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = file.map(mode, position + i * SEGMENT, segmentLength(size, i));
        }
        return new Bytes(segments, size);
    }

    public long size() {
        return size;
    }

    /**
     * The bytes {@code [from, to)} as a little-endian buffer from position 0, sharing these bytes (writes go
     * through).
     *
     * @throws IllegalArgumentException when the range crosses a segment boundary or leaves {@code [0, size)}
     */
    public ByteBuffer slice(long from, long to) {
        if (from < 0 || to < from || to > size) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") outside [0, " + size + ")");
        }
        int segment = (int) (from / SEGMENT);
        long start = from - segment * SEGMENT;
        if (to - from > 0 && (to - 1) / SEGMENT != segment) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") crosses a segment boundary");
        }
        if (to == from) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        return segments[segment].slice((int) start, (int) (to - from)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The end of the piece that starts at {@code from} and covers at most {@code chunk} bytes of {@code [from, to)}
     * without crossing a segment boundary.
     */
    public static long pieceEnd(long from, long to, long chunk) {
        long segmentEnd = (from / SEGMENT + 1) * SEGMENT;
        return Math.min(to, Math.min(segmentEnd, from + chunk));
    }

    /** A size in the binary unit that reads best: 512 B, 64 KiB, 1.5 GiB. */
    public static String describe(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.1f", value)) + " "
                + units[unit];
    }

    private static int segmentCount(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        return (int) Math.ceilDiv(size, SEGMENT);
    }

    private static int segmentLength(long size, int segment) {
        return (int) Math.min(SEGMENT, size - segment * SEGMENT);
    }
}
