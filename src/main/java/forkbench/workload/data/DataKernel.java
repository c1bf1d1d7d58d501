package forkbench.workload.data;

import java.nio.ByteBuffer;

/**
 * A CPU-bound job over an input of bytes: the sibling of {@link forkbench.workload.Kernel} for work that has input
 * (and maybe output), where a thread reads its slice in place and a child process must be sent it or map it.
 *
 * <p>The contract that lets any split give the sequential answer, as for kernels over ranges: {@code compute}
 * depends only on the bytes it is given and their position; {@code combine} is associative and commutative; and
 * {@code compute} over an empty slice returns the identity of {@code combine}. Slices are little-endian buffers
 * from position 0 to their limit; every slice starts at a multiple of {@link DataJob#BLOCK} bytes into the input,
 * or of {@link DataJob#CHUNK} within a part, and only the slice that ends the input may end between two multiples
 * of 8, so a kernel may work in whole 8-byte words.
 *
 * <p>A kernel that {@link #writesOutput() writes output} fills {@code out} (as long as {@code in}) and answers the
 * {@link Checksum} of what it wrote: that lets a parent that receives the output check it arrived whole. Kernels
 * are created by class name in child JVMs, so a kernel must be a public class with a public no-argument
 * constructor.
 */
public interface DataKernel {

    /**
     * The part of the job over the bytes of {@code in}, which start {@code offset} bytes into the input.
     *
     * @param out where the output goes when {@link #writesOutput()}, as long as {@code in}; else {@code null}
     */
    long compute(ByteBuffer in, ByteBuffer out, long offset);

    /** Two parts combined into the part of their union. */
    long combine(long left, long right);

    /** Whether the kernel writes an output as large as its input (a transform) rather than only reading. */
    default boolean writesOutput() {
        return false;
    }
}
