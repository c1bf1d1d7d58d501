package forkbench.process;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * The child end of {@link PipeBandwidth}: reads a batch (an 8-byte length, then that many bytes) from stdin, answers
 * with the count it read, and waits for the next. Nothing is done with the bytes: what is timed is the pipe between
 * two JVMs, the floor of any transport that copies data to a child. End of stream (the parent is done, or gone)
 * ends it, as it ends every forkbench child.
 */
final class PipeSink {

    /** Big reads, as a transport would make: the pipe moves at most its capacity (64 KiB on Linux) per write anyway. */
    private static final int READ = 1 << 20;

    private PipeSink() {
    }

    public static void main(String[] args) {
        DataInputStream in = new DataInputStream(new FileInputStream(FileDescriptor.in));
        DataOutputStream out = new DataOutputStream(new FileOutputStream(FileDescriptor.out));
        byte[] buffer = new byte[READ];
        try {
            while (true) {
                long length;
                try {
                    length = in.readLong();
                } catch (EOFException e) {
                    Runtime.getRuntime().halt(0);
                    return;
                }
                long read = 0;
                while (read < length) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - read));
                    if (n < 0) {
                        Runtime.getRuntime().halt(0);
                    }
                    read += n;
                }
                out.writeLong(read);
                out.flush();
            }
        } catch (IOException e) {
            System.err.println("forkbench pipe sink: " + e.getMessage());
            Runtime.getRuntime().halt(2);
        }
    }
}
