package example;

import forkbench.workload.Kernel;

/** Total Collatz stopping times over a range: no closed form, and the cost per index varies wildly. */
public class Collatz implements Kernel {
    @Override
    public long compute(long from, long to) {
        long steps = 0;
        for (long i = Math.max(from, 1); i < to; i++) {
            for (long x = i; x != 1; steps++) {
                x = (x & 1) == 0 ? x >>> 1 : 3 * x + 1;
            }
        }
        return steps;
    }

    @Override
    public long combine(long left, long right) {
        return left + right;
    }
}
