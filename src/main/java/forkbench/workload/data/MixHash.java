package forkbench.workload.data;

import java.nio.ByteBuffer;

/**
 * Spends tens of cycles on every byte, so computing outweighs moving them: each 8-byte word, keyed by its position,
 * goes through {@link #ROUNDS} rounds of a 64-bit mixing function; the answer is the sum of the results, modulo
 * 2^64.
 */
final class MixHash implements DataKernel {

    /**
     * Rounds per word: about 1.8 ns per byte on the 2-core VM (sequential, 256 MiB in 487 ms; 12 rounds took
     * 4.8 ns), against 0.1 ns for {@link Checksum}; a pipe moves a byte in 1-2 ns there.
     */
    static final int ROUNDS = 6;

    @Override
    public long compute(ByteBuffer in, ByteBuffer out, long offset) {
        int length = in.limit();
        int words = length >>> 3;
        long position = offset >>> 3;
        long sum = 0;
        for (int i = 0; i < words; i++) {
            sum += hash(in.getLong(i << 3), position + i);
        }
        if ((length & 7) != 0) {
            sum += hash(Words.partial(in, words << 3, length), position + words);
        }
        return sum;
    }

    @Override
    public long combine(long left, long right) {
        return left + right;
    }

    private static long hash(long word, long position) {
        long x = word ^ (position * 0x9E3779B97F4A7C15L);
        for (int round = 0; round < ROUNDS; round++) {
            x = Words.mix(x + round);
        }
        return x;
    }
}
