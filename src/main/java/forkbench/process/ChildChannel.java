package forkbench.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * The child's end of the channel: frames on stdin and stdout. Opening it takes file descriptor 1 for the
 * channel alone and points {@code System.out} at stderr, so a stray {@code println} in the child (or in code it
 * calls) lands in the parent's stderr tail instead of corrupting a frame.
 */
final class ChildChannel {

    private final DataInputStream in;
    private final DataOutputStream out;

    private ChildChannel(DataInputStream in, DataOutputStream out) {
        this.in = in;
        this.out = out;
    }

    static ChildChannel open() throws IOException {
        DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 512));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        ChildChannel channel = new ChildChannel(in, out);
        channel.send(new Message.Ready(Frames.PROTOCOL_VERSION));
        return channel;
    }

    /** The next message from the parent, or {@code null} once the parent has closed the channel or died. */
    Message receive() throws IOException {
        return Frames.read(in);
    }

    synchronized void send(Message message) throws IOException {
        Frames.write(out, message);
    }

    /** Output bytes as one data frame that leaves in a single write a pipe keeps whole. */
    synchronized void sendData(byte[] bytes, int offset, int length) throws IOException {
        Frames.writeData(out, bytes, offset, length);
    }
}
