package forkbench.workload;

import java.util.SplittableRandom;

/** Item {@code i}'s own random numbers: the same for item i however the job is split, in any JVM. */
final class Items {

    /** Every allocating kernel draws its items from this seed. */
    static final long SEED = 0x5EEDF00DL;

    private Items() {
    }

    static SplittableRandom random(long item) {
        return new SplittableRandom(mix(SEED + item * 0x9E3779B97F4A7C15L));
    }

    /** A 64-bit finaliser (the one SplittableRandom uses), so a checksum of small numbers fills every bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
