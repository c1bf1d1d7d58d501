package forkbench.workload;

/** A kernel whose parts add up (modulo 2^64): the allocating kernels, each item's mixed value summed. */
abstract class SummedKernel implements Kernel {

    @Override
    public final long combine(long left, long right) {
        return left + right;
    }
}
