package forkbench.workload.data;

import java.nio.ByteBuffer;

/**
 * Reads every byte once and does next to nothing with it, so moving the bytes is the whole cost: the sum, modulo
 * 2^64, of each little-endian 8-byte word of the input times its 1-based position (a last partial word is padded
 * with zeros). The weight makes the answer change when words swap places, not only when bytes change.
 */
public final class Checksum implements DataKernel {

    @Override
    public long compute(ByteBuffer in, ByteBuffer out, long offset) {
        return of(in, offset);
    }

    @Override
    public long combine(long left, long right) {
        return left + right;
    }

    /** The checksum of {@code bytes}, which start {@code offset} bytes (a multiple of 8) into the input. */
    public static long of(ByteBuffer bytes, long offset) {
        int length = bytes.limit();
        int words = length >>> 3;
        long weight = (offset >>> 3) + 1;
        long sum = 0;
        for (int i = 0; i < words; i++) {
            sum += bytes.getLong(i << 3) * (weight + i);
        }
        if ((length & 7) != 0) {
            sum += Words.partial(bytes, words << 3, length) * (weight + words);
        }
        return sum;
    }
}
