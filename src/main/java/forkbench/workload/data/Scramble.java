package forkbench.workload.data;

import java.nio.ByteBuffer;

/**
 * A transform whose output is as large as its input, so the way back is measured too: each word XORed with a
 * keystream word derived from its position (cheap: moving the bytes there and back dominates). Answers the
 * {@link Checksum} of its output, as every output-writing kernel does.
 */
final class Scramble implements DataKernel {

    @Override
    public long compute(ByteBuffer in, ByteBuffer out, long offset) {
        int length = in.limit();
        int words = length >>> 3;
        long position = offset >>> 3;
        for (int i = 0; i < words; i++) {
            out.putLong(i << 3, in.getLong(i << 3) ^ keystream(position + i));
        }
        if ((length & 7) != 0) {
            Words.putPartial(out, words << 3, length,
                    Words.partial(in, words << 3, length) ^ keystream(position + words));
        }
        return Checksum.of(out, offset);
    }

    @Override
    public long combine(long left, long right) {
        return left + right;
    }

    /** The keystream word at a word position (fmix64 alone would map position 0 to 0). */
    private static long keystream(long position) {
        return Words.mix(position ^ 0x2545F4914F6CDD1DL);
    }

    @Override
    public boolean writesOutput() {
        return true;
    }
}
