package forkbench.process;

import forkbench.workload.data.Bytes;
import forkbench.workload.data.DataJob;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The wire format: {@code [0xFB marker][type byte][int payload length][payload]}; a start's payload is
 * {@code [long from][long to][kernel name, UTF-8]}; a data start's is {@code [long offset][long length]} and three
 * UTF-8 strings each after its {@code short} length (kernel, input file, output file); a data frame's payload is
 * its bytes. The length cap stops a corrupt frame from making the parent
 * allocate gigabytes.
 *
 * <p>A child's stdout is shared with its JVM, which prints there when an option says so ({@code -verbose:gc},
 * {@code -XX:+PrintCommandLineFlags}, set on the command line or through {@code JAVA_TOOL_OPTIONS},
 * {@code JDK_JAVA_OPTIONS} or {@code _JAVA_OPTIONS}). Two rules keep frames whole anyway: every frame a child sends
 * leaves in a single {@code write} of at most {@link #ATOMIC_FRAME} bytes, which a pipe never interleaves with
 * another writer's bytes (POSIX {@code PIPE_BUF}); and the parent skips text between frames
 * ({@link #readSkippingText}), which the marker cannot be confused with: 0xFB never occurs in UTF-8.
 */
final class Frames {

    /** 3: data jobs (a data start, data frames); 4: a child's usage before its answer, when asked for. */
    static final int PROTOCOL_VERSION = 4;
    static final int MARKER = 0xFB;
    static final int MAX_PAYLOAD = 64 * 1024;
    /** Far beyond any class name, far below the frame cap. */
    static final int MAX_KERNEL_NAME = 1024;
    /** POSIX guarantees that a pipe write of up to 512 bytes is atomic; Linux, 4096. Frames stay below both. */
    static final int ATOMIC_FRAME = 512;
    private static final int HEADER = 6;
    /**
     * A child sends output in frames of at most this many bytes: Linux's {@code PIPE_BUF}, the largest write a pipe
     * keeps whole (data frames are Linux-only, as shared memory under /dev/shm is).
     */
    static final int ATOMIC_DATA_FRAME = 4096;
    /** The most bytes of output one child frame carries. */
    static final int MAX_CHILD_DATA = ATOMIC_DATA_FRAME - 6; // the header is 6 bytes
    /** A failure message is cut to fit one atomic frame. */
    static final int MAX_FAILURE_TEXT = ATOMIC_FRAME - HEADER;

    private static final byte READY = 'R';
    private static final byte START = 'S';
    private static final byte RESULT = '=';
    private static final byte FAILURE = '!';
    private static final byte START_DATA = 'D';
    private static final byte DATA = 'B';
    private static final byte USAGE = 'U';

    private Frames() {
    }

    static void write(DataOutputStream out, Message message) throws IOException {
        // Built whole, then written in one call: one write(2) on the pipe, never split by the JVM's own output.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        DataOutputStream frame = new DataOutputStream(bytes);
        // An if-chain, not a pattern switch: a child writes frames within milliseconds of starting, and a switch
        // over types costs an invokedynamic bootstrap (~10 ms here) on first use.
        if (message instanceof Message.Start start) {
            byte[] kernel = start.kernel().getBytes(StandardCharsets.UTF_8);
            if (kernel.length > MAX_KERNEL_NAME) {
                throw new IllegalArgumentException("kernel name longer than " + MAX_KERNEL_NAME + " bytes");
            }
            header(frame, START, 2 * Long.BYTES + kernel.length);
            frame.writeLong(start.from());
            frame.writeLong(start.to());
            frame.write(kernel);
        } else if (message instanceof Message.Data data) {
            writeData(out, data.bytes(), 0, data.bytes().length);
            return;
        } else if (message instanceof Message.StartData start) {
            byte[][] strings = {utf8(start.kernel()), utf8(start.input()), utf8(start.output())};
            if (strings[0].length > MAX_KERNEL_NAME || strings[1].length > MAX_KERNEL_NAME
                    || strings[2].length > MAX_KERNEL_NAME) {
                throw new IllegalArgumentException("kernel or file name longer than " + MAX_KERNEL_NAME + " bytes");
            }
            header(frame, START_DATA, 2 * Long.BYTES + 3 * Short.BYTES + strings[0].length + strings[1].length
                    + strings[2].length);
            frame.writeLong(start.offset());
            frame.writeLong(start.length());
            for (byte[] string : strings) {
                frame.writeShort(string.length);
                frame.write(string);
            }
        } else if (message instanceof Message.Result result) {
            header(frame, RESULT, Long.BYTES);
            frame.writeLong(result.value());
        } else if (message instanceof Message.Usage usage) {
            header(frame, USAGE, 5 * Long.BYTES);
            frame.writeLong(usage.allocatedBytes());
            frame.writeLong(usage.collections());
            frame.writeLong(usage.collectionMillis());
            frame.writeLong(usage.heapAfterGcBytes());
            frame.writeLong(usage.residentBytes());
        } else if (message instanceof Message.Ready ready) {
            header(frame, READY, Integer.BYTES);
            frame.writeInt(ready.protocolVersion());
        } else {
            byte[] text = truncate(((Message.Failure) message).message().getBytes(StandardCharsets.UTF_8));
            header(frame, FAILURE, text.length);
            frame.write(text);
        }
        out.write(bytes.toByteArray());
        out.flush();
    }

    /**
     * Writes {@code length} bytes of {@code bytes} from {@code offset} as one data frame: its header and bytes in
     * one write when they fit {@link #ATOMIC_DATA_FRAME}, else (parent to child, where no one else writes) two.
     */
    static void writeData(DataOutputStream out, byte[] bytes, int offset, int length) throws IOException {
        if (length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a data frame carries at most " + MAX_PAYLOAD + " bytes");
        }
        if (length + HEADER <= ATOMIC_DATA_FRAME) {
            byte[] frame = new byte[HEADER + length];
            frame[0] = (byte) MARKER;
            frame[1] = DATA;
            frame[2] = (byte) (length >>> 24);
            frame[3] = (byte) (length >>> 16);
            frame[4] = (byte) (length >>> 8);
            frame[5] = (byte) length;
            System.arraycopy(bytes, offset, frame, HEADER, length);
            out.write(frame);
        } else {
            header(out, DATA, length);
            out.write(bytes, offset, length);
        }
        out.flush();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads one frame as {@link #read} does, but hands any bytes before its marker to {@code text} instead of
     * failing: what the child's JVM printed on stdout. {@code null} when the stream ends.
     */
    static Message readSkippingText(DataInputStream in, Consumer<String> text) throws IOException {
        ByteArrayOutputStream skipped = new ByteArrayOutputStream();
        for (int b; ; ) {
            b = in.read();
            if (b == MARKER || b < 0 || b == '\n' || skipped.size() >= ATOMIC_FRAME) {
                if (skipped.size() > 0) {
                    text.accept(skipped.toString(StandardCharsets.UTF_8));
                    skipped.reset();
                }
            }
            if (b < 0) {
                return null;
            }
            if (b == MARKER) {
                return body(in);
            }
            if (b != '\n') {
                skipped.write(b);
            }
        }
    }

    /** Reads one frame; {@code null} when the stream ends cleanly between frames. */
    static Message read(DataInputStream in) throws IOException {
        int marker = in.read();
        if (marker < 0) {
            return null;
        }
        if (marker != MARKER) {
            throw new ChildProtocolException("garbage on the channel: expected frame marker 0xFB, read "
                    + describeByte(marker));
        }
        return body(in);
    }

    /** The rest of a frame, after its marker. */
    private static Message body(DataInputStream in) throws IOException {
        try {
            byte type = in.readByte();
            int length = in.readInt();
            if (length < 0 || length > MAX_PAYLOAD) {
                throw new ChildProtocolException("oversized frame: " + Integer.toUnsignedString(length)
                        + " bytes announced, the limit is " + MAX_PAYLOAD);
            }
            return switch (type) {
                case READY -> new Message.Ready(fixed(in, length, Integer.BYTES).readInt());
                case START -> {
                    if (length < 2 * Long.BYTES || length > 2 * Long.BYTES + MAX_KERNEL_NAME) {
                        throw new ChildProtocolException("start frame of " + length + " bytes");
                    }
                    long from = in.readLong();
                    long to = in.readLong();
                    byte[] kernel = new byte[length - 2 * Long.BYTES];
                    in.readFully(kernel);
                    yield new Message.Start(new String(kernel, StandardCharsets.UTF_8), from, to);
                }
                case START_DATA -> {
                    if (length < 2 * Long.BYTES + 3 * Short.BYTES) {
                        throw new ChildProtocolException("data start frame of " + length + " bytes");
                    }
                    long offset = in.readLong();
                    long size = in.readLong();
                    String[] strings = new String[3];
                    int left = length - 2 * Long.BYTES;
                    for (int i = 0; i < strings.length; i++) {
                        int stringLength = in.readUnsignedShort();
                        left -= Short.BYTES + stringLength;
                        if (stringLength > MAX_KERNEL_NAME || left < (2 - i) * Short.BYTES) {
                            throw new ChildProtocolException("data start frame with a malformed name");
                        }
                        byte[] string = new byte[stringLength];
                        in.readFully(string);
                        strings[i] = new String(string, StandardCharsets.UTF_8);
                    }
                    if (left != 0) {
                        throw new ChildProtocolException("data start frame with " + left + " bytes left over");
                    }
                    yield new Message.StartData(strings[0], offset, size, strings[1], strings[2]);
                }
                case DATA -> {
                    byte[] bytes = new byte[length];
                    in.readFully(bytes);
                    yield new Message.Data(bytes);
                }
                case RESULT -> new Message.Result(fixed(in, length, Long.BYTES).readLong());
                case USAGE -> {
                    DataInputStream usage = fixed(in, length, 5 * Long.BYTES);
                    yield new Message.Usage(usage.readLong(), usage.readLong(), usage.readLong(), usage.readLong(),
                            usage.readLong());
                }
                case FAILURE -> {
                    byte[] text = new byte[length];
                    in.readFully(text);
                    yield new Message.Failure(new String(text, StandardCharsets.UTF_8));
                }
                default -> throw new ChildProtocolException("unknown frame type " + describeByte(type & 0xFF));
            };
        } catch (EOFException e) {
            throw new ChildProtocolException("the stream ended inside a frame");
        }
    }

    private static void header(DataOutputStream out, byte type, int length) throws IOException {
        out.writeByte(MARKER);
        out.writeByte(type);
        out.writeInt(length);
    }

    private static DataInputStream fixed(DataInputStream in, int length, int expected) throws IOException {
        if (length != expected) {
            throw new ChildProtocolException("frame of " + length + " bytes where " + expected + " were expected");
        }
        return in;
    }

    private static byte[] truncate(byte[] text) {
        if (text.length <= MAX_FAILURE_TEXT) {
            return text;
        }
        byte[] cut = new byte[MAX_FAILURE_TEXT];
        System.arraycopy(text, 0, cut, 0, MAX_FAILURE_TEXT);
        return cut;
    }

    private static String describeByte(int b) {
        String hex = String.format("0x%02X", b);
        return (b >= 0x20 && b < 0x7F) ? hex + " ('" + (char) b + "')" : hex;
    }

    /** The bytes {@code [from, to)} of {@code input} as data frames, each copied out of the input once. */
    static void writeSlice(DataOutputStream out, Bytes input, long from, long to) throws IOException {
        byte[] frame = new byte[DataJob.CHUNK];
        for (long start = from; start < to; ) {
            long end = Bytes.pieceEnd(start, to, DataJob.CHUNK);
            int length = (int) (end - start);
            input.slice(start, end).get(0, frame, 0, length);
            writeData(out, frame, 0, length);
            start = end;
        }
    }
}
