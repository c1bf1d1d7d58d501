package forkbench.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a child's stderr on its own thread and keeps only the last bytes. Draining is not optional: a child that
 * fills the pipe buffer (64 KiB on Linux) blocks in its next write, and would deadlock a parent waiting for it.
 */
final class StderrTail {

    static final int CAPACITY = 4096;
    private static final int MESSAGE_CHARS = 800;

    private final byte[] ring = new byte[CAPACITY];
    private long written;
    private final Thread drainer;

    StderrTail(InputStream stderr, String threadName) {
        drainer = new Thread(() -> drain(stderr), threadName);
        drainer.setDaemon(true);
        drainer.start();
    }

    private void drain(InputStream stderr) {
        byte[] buffer = new byte[8192];
        try (stderr) {
            for (int n; (n = stderr.read(buffer)) >= 0; ) {
                append(buffer, n);
            }
        } catch (IOException e) {
            // The stream was closed under us (the child was destroyed): the tail holds what came before.
        }
    }

    private synchronized void append(byte[] buffer, int n) {
        for (int i = Math.max(0, n - CAPACITY); i < n; i++) {
            ring[(int) (written++ % CAPACITY)] = buffer[i];
        }
    }

    /** Adds a line the child's JVM printed on stdout, skipped by the channel, so a failure can show it too. */
    void appendStdout(String line) {
        byte[] bytes = ("[stdout] " + line + "\n").getBytes(StandardCharsets.UTF_8);
        append(bytes, bytes.length);
    }

    /** Waits briefly for the child's last words, then returns the tail as text. */
    String awaitText(long millis) {
        try {
            drainer.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text();
    }

    synchronized String text() {
        int size = (int) Math.min(written, CAPACITY);
        byte[] tail = new byte[size];
        long start = written - size;
        for (int i = 0; i < size; i++) {
            tail[i] = ring[(int) ((start + i) % CAPACITY)];
        }
        String text = new String(tail, StandardCharsets.UTF_8).strip();
        return written > CAPACITY ? "..." + text : text;
    }

    /** The tail as the end of an exception message: {@code "; stderr: ..."}, or nothing when it is empty. */
    static String suffix(String tail) {
        if (tail.isEmpty()) {
            return "";
        }
        String oneLine = tail.replace("\r", "").replace("\n", " | ");
        return "; stderr: " + (oneLine.length() > MESSAGE_CHARS
                ? "..." + oneLine.substring(oneLine.length() - MESSAGE_CHARS) : oneLine);
    }
}
