package forkbench.process;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that only reads: the parent's end of {@link PipeSink}. {@link #send} pushes bytes down the child's
 * stdin and returns once the child has read them all, so its time is what moving that many bytes from this JVM into
 * another costs through a pipe, the same channel {@link ChildProcess} uses. An anchor, not a transport.
 */
public final class PipeBandwidth implements AutoCloseable {

    /** 64 KiB: a Linux pipe's capacity, and the copy transport's frame. */
    static final int WRITE = 64 * 1024;

    private final Process process;
    private final DataOutputStream toChild;
    private final DataInputStream fromChild;

    private PipeBandwidth(Process process) {
        this.process = process;
        this.toChild = new DataOutputStream(process.getOutputStream());
        this.fromChild = new DataInputStream(process.getInputStream());
    }

    /** Starts a sink child with {@code options}' JVM, flags and class path, without a shell. */
    public static PipeBandwidth open(ForkOptions options) {
        ForkOptions sink = options.toBuilder().main(PipeSink.class.getName()).build();
        try {
            return new PipeBandwidth(new ProcessBuilder(sink.command())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new ChildStartException("cannot start a pipe sink with " + options.javaExecutable() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Sends {@code data[0, length)} and waits until the child has read it all.
     *
     * @throws ChildProcessException when the child is gone or answers with another count
     */
    public void send(byte[] data, int length) {
        try {
            toChild.writeLong(length);
            // In writes of one pipe's capacity, as the copy transport sends its frames: one giant write would have
            // the JVM copy the whole array to native memory first, which no transport pays.
            for (int from = 0; from < length; from += WRITE) {
                toChild.write(data, from, Math.min(WRITE, length - from));
            }
            toChild.flush();
            long read = fromChild.readLong();
            if (read != length) {
                throw new ChildProtocolException("the pipe sink read " + read + " bytes of " + length);
            }
        } catch (IOException e) {
            throw new ChildProcessException("the pipe sink (pid " + process.pid() + ") is gone: " + e.getMessage(), e);
        }
    }

    /** Ends the child: end of stream, then a bounded wait, then destroy. */
    @Override
    public void close() {
        try {
            toChild.close();
        } catch (IOException e) {
            // Already gone.
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }
}
