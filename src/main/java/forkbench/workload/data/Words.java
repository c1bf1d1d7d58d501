package forkbench.workload.data;

import java.nio.ByteBuffer;

/** Helpers for kernels that work in little-endian 8-byte words. */
final class Words {

    private Words() {
    }

    /** The bytes {@code [from, to)} (fewer than 8) as the low bytes of a little-endian word, zero-padded. */
    static long partial(ByteBuffer bytes, int from, int to) {
        long word = 0;
        for (int i = from; i < to; i++) {
            word |= (bytes.get(i) & 0xFFL) << (8 * (i - from));
        }
        return word;
    }

    /** Writes the low {@code to - from} bytes of {@code word} at {@code [from, to)}, little-endian. */
    static void putPartial(ByteBuffer bytes, int from, int to, long word) {
        for (int i = from; i < to; i++) {
            bytes.put(i, (byte) (word >>> (8 * (i - from))));
        }
    }

    /** A 64-bit finalizer (MurmurHash3's fmix64): every input bit affects every output bit. */
    static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }
}
