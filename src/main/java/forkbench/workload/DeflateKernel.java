package forkbench.workload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Compressing, as a log shipper or an HTTP server does: item {@code i} is about 1 KiB of generated text (words of a
 * small vocabulary, so it compresses as prose does), deflated and inflated again by {@code java.util.zip}, whose
 * zlib works outside the heap; the answer is a checksum of the round trip and of the compressed size, and a round
 * trip that changes a byte fails the job. The heap holds the text and the buffers.
 */
final class DeflateKernel extends SummedKernel {

    private static final String[] WORDS = {"the", "parent", "forks", "a", "worker", "which", "sums", "numbers",
            "and", "sends", "its", "result", "back", "while", "threads", "share", "one", "heap", "collector", "pause"};
    private static final int TEXT_BYTES = 1024;

    @Override
    public long compute(long from, long to) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        Inflater inflater = new Inflater();
        try {
            long sum = 0;
            for (long i = from; i < to; i++) {
                byte[] text = text(i);
                byte[] packed = new byte[TEXT_BYTES + 64];
                deflater.reset();
                deflater.setInput(text);
                deflater.finish();
                int packedLength = deflater.deflate(packed);
                byte[] unpacked = new byte[text.length];
                inflater.reset();
                inflater.setInput(packed, 0, packedLength);
                int unpackedLength = inflater.inflate(unpacked);
                if (unpackedLength != text.length || !Arrays.equals(text, unpacked)) {
                    throw new IllegalStateException("item " + i + " changed in its deflate round trip");
                }
                CRC32 crc = new CRC32();
                crc.update(unpacked);
                sum += Items.mix(crc.getValue() * 31 + packedLength);
            }
            return sum;
        } catch (DataFormatException e) {
            throw new IllegalStateException("inflating what was just deflated failed: " + e.getMessage(), e);
        } finally {
            deflater.end();
            inflater.end();
        }
    }

    /** About 1 KiB of item {@code i}'s words. */
    static byte[] text(long i) {
        SplittableRandom random = Items.random(i);
        StringBuilder text = new StringBuilder(TEXT_BYTES + 16);
        while (text.length() < TEXT_BYTES - 16) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(8) == 0 ? ". " : " ");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public long smallestPart() {
        return 1 << 8;
    }
}
