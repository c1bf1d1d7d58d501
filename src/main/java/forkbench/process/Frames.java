package forkbench.process;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The wire format: {@code [0xFB marker][type byte][int payload length][payload]}; a start's payload is
 * {@code [long from][long to][kernel name, UTF-8]}. The marker makes stray bytes on
 * the channel fail at once as garbage instead of being read as a length; the length cap stops a corrupt frame from
 * making the parent allocate gigabytes.
 */
final class Frames {

    /** 2: a start names its kernel. */
    static final int PROTOCOL_VERSION = 2;
    static final int MARKER = 0xFB;
    static final int MAX_PAYLOAD = 64 * 1024;
    /** Far beyond any class name, far below the frame cap. */
    static final int MAX_KERNEL_NAME = 1024;

    private static final byte READY = 'R';
    private static final byte START = 'S';
    private static final byte RESULT = '=';
    private static final byte FAILURE = '!';

    private Frames() {
    }

    static void write(DataOutputStream out, Message message) throws IOException {
        // An if-chain, not a pattern switch: a child writes frames within milliseconds of starting, and a switch
        // over types costs an invokedynamic bootstrap (~10 ms here) on first use.
        if (message instanceof Message.Start start) {
            byte[] kernel = start.kernel().getBytes(StandardCharsets.UTF_8);
            if (kernel.length > MAX_KERNEL_NAME) {
                throw new IllegalArgumentException("kernel name longer than " + MAX_KERNEL_NAME + " bytes");
            }
            header(out, START, 2 * Long.BYTES + kernel.length);
            out.writeLong(start.from());
            out.writeLong(start.to());
            out.write(kernel);
        } else if (message instanceof Message.Result result) {
            header(out, RESULT, Long.BYTES);
            out.writeLong(result.value());
        } else if (message instanceof Message.Ready ready) {
            header(out, READY, Integer.BYTES);
            out.writeInt(ready.protocolVersion());
        } else {
            byte[] text = truncate(((Message.Failure) message).message().getBytes(StandardCharsets.UTF_8));
            header(out, FAILURE, text.length);
            out.write(text);
        }
        out.flush();
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
                case RESULT -> new Message.Result(fixed(in, length, Long.BYTES).readLong());
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
        if (text.length <= MAX_PAYLOAD) {
            return text;
        }
        byte[] cut = new byte[MAX_PAYLOAD];
        System.arraycopy(text, 0, cut, 0, MAX_PAYLOAD);
        return cut;
    }

    private static String describeByte(int b) {
        String hex = String.format("0x%02X", b);
        return (b >= 0x20 && b < 0x7F) ? hex + " ('" + (char) b + "')" : hex;
    }
}
