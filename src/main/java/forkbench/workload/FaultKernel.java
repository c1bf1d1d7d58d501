package forkbench.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A normal kernel with a fault at one index: whichever worker computes index {@code at} meets {@code fault} as its
 * call over that index begins, however the strategy split the job (threads, ForkJoin tasks, a child's chunks), so
 * every strategy meets the same fault in the same place. Every other call, and the faulted one when the fault does
 * not fire, computes the inner kernel, so a job that survives its fault still verifies.
 *
 * <p>A fault with a {@code token} fires once: the first worker to create the token file fires it and writes the
 * {@link System#nanoTime} it fired at into the file; a retry of the same part, in any JVM on this machine, finds the
 * token taken and computes normally, as a retry after a transient fault would. Without a token it fires on every call
 * over {@code at}: a fault that no retry cures. The token is a file because the workers may be other processes.
 *
 * <p>A child JVM creates its twin from {@link #wireName()} ({@code fault:KIND:AT:TOKEN:INNER}, {@code -} for no
 * token), so the kernel crosses the channel like any other.
 */
public final class FaultKernel implements Kernel {

    /**
     * The exit code a {@link Fault#CRASH} halts its JVM with where it cannot send itself SIGKILL (no {@code kill}
     * program); where it can, the JVM ends with signal 9, exit code 137.
     */
    public static final int CRASH_EXIT_CODE = 86;
    static final String PREFIX = "fault:";
    private static final String NO_TOKEN = "-";
    private static final int OOM_BLOCK = 1 << 20;

    private final Fault fault;
    private final long at;
    private final Path token;
    private final Kernel inner;
    private final String innerName;

    /**
     * @param token the file whose creation fires the fault once, or {@code null} to fire every time; its path must
     *              not contain {@code ':'}
     */
    public FaultKernel(Fault fault, long at, Path token, Kernel inner) {
        if (at < 0) {
            throw new IllegalArgumentException("a fault's index must be >= 0, got " + at);
        }
        if (token != null && token.toString().contains(":")) {
            throw new IllegalArgumentException("a fault token's path may not contain ':': " + token);
        }
        if (inner instanceof FaultKernel) {
            throw new IllegalArgumentException("a fault kernel wraps a normal kernel, not another fault kernel");
        }
        this.fault = fault;
        this.at = at;
        this.token = token;
        this.inner = inner;
        this.innerName = Kernels.wireName(inner);
    }

    /** The kernel a child creates from {@code fault:KIND:AT:TOKEN:INNER}. */
    static FaultKernel fromWireName(String name) {
        String[] fields = name.substring(PREFIX.length()).split(":", 4);
        if (fields.length != 4) {
            throw new IllegalArgumentException("a fault kernel's name is fault:KIND:AT:TOKEN:INNER, got '" + name + "'");
        }
        long index;
        try {
            index = Long.parseLong(fields[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a fault kernel's index is not a number in '" + name + "'");
        }
        Path file = fields[2].equals(NO_TOKEN) ? null : Path.of(fields[2]);
        return new FaultKernel(Fault.byId(fields[0]), index, file, Kernels.byName(fields[3]));
    }

    public String wireName() {
        return PREFIX + fault.id() + ":" + at + ":" + (token == null ? NO_TOKEN : token) + ":" + innerName;
    }

    public Fault fault() {
        return fault;
    }

    public long at() {
        return at;
    }

    public Kernel inner() {
        return inner;
    }

    /** When a once-only fault fired, by {@link System#nanoTime} (one clock for every process on a Linux machine). */
    public static OptionalLong firedAt(Path token) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(token, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public Optional<Path> token() {
        return Optional.ofNullable(token);
    }

    @Override
    public long compute(long from, long to) {
        if (from <= at && at < to && claim()) {
            fire();
        }
        return inner.compute(from, to);
    }

    @Override
    public long combine(long left, long right) {
        return inner.combine(left, right);
    }

    @Override
    public long smallestPart() {
        return inner.smallestPart();
    }

    @Override
    public OptionalLong expected(long n) {
        return inner.expected(n);
    }

    private boolean claim() {
        if (token == null) {
            return true;
        }
        try {
            Files.writeString(Files.createFile(token), Long.toString(System.nanoTime()), StandardCharsets.US_ASCII);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim the fault token " + token, e);
        }
    }

    private void fire() {
        switch (fault) {
            case CRASH -> crash();
            case OOM -> exhaustHeap();
            case HANG -> spinForever();
            case THROWS -> throw new IllegalStateException("injected fault at index " + at);
        }
    }

    /**
     * Ends this JVM at once, as the OOM killer, a {@code kill -9} or a native crash do: by SIGKILL, sent by the
     * {@code kill} program (started without a shell), since Java cannot signal its own process. Not by
     * {@link Runtime#halt}: a JVM that halts waits up to 300 ms for threads blocked in native code (a child's main
     * thread reading its stdin) before it exits, a delay no real crash has.
     */
    private static void crash() {
        try {
            new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start().waitFor();
            Thread.sleep(10_000);
        } catch (IOException | InterruptedException e) {
            // No kill program, or interrupted on the way: halt instead.
        }
        Runtime.getRuntime().halt(CRASH_EXIT_CODE);
    }

    /** Holds every block it allocates until the heap is gone; the error leaves them unreachable again. */
    private static void exhaustHeap() {
        List<long[]> held = new ArrayList<>();
        while (true) {
            held.add(new long[OOM_BLOCK]);
        }
    }

    @SuppressWarnings("InfiniteLoopStatement")
    private static void spinForever() {
        while (true) {
            Thread.onSpinWait();
        }
    }

    @Override
    public String toString() {
        return wireName();
    }
}
