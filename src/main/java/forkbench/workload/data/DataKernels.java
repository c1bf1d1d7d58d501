package forkbench.workload.data;

import forkbench.workload.Kernels;

import java.util.List;

/** Data kernels by name: the built-in short names, or the class name of any {@link DataKernel} on the class path. */
public final class DataKernels {

    /** {@link Checksum}: movement dominates. */
    public static final String CHECKSUM = "checksum";
    /** {@link MixHash}: computing dominates. */
    public static final String HASH = "hash";
    /** {@link Scramble}: output as large as the input. */
    public static final String SCRAMBLE = "scramble";

    public static final List<String> BUILT_IN = List.of(CHECKSUM, HASH, SCRAMBLE);

    private DataKernels() {
    }

    /**
     * A new data kernel: a built-in by short or class name (created directly: a child does this within
     * milliseconds of starting), else the named class created with its public no-argument constructor.
     *
     * @throws IllegalArgumentException with a one-line reason when the name does not give a data kernel
     */
    public static DataKernel byName(String name) {
        forkbench.workload.Kernels.refuseShadowed(name, DataKernels.class.getClassLoader());
        if (name.equals(CHECKSUM) || name.equals(Checksum.class.getName())) {
            return new Checksum();
        }
        if (name.equals(HASH) || name.equals(MixHash.class.getName())) {
            return new MixHash();
        }
        if (name.equals(SCRAMBLE) || name.equals(Scramble.class.getName())) {
            return new Scramble();
        }
        return Kernels.createByName(name, DataKernel.class, BUILT_IN);
    }

    /** The name a child creates {@code kernel}'s twin by: a built-in's short name, else its checked class name. */
    static String wireName(DataKernel kernel) {
        return switch (kernel) {
            case Checksum c -> CHECKSUM;
            case MixHash h -> HASH;
            case Scramble s -> SCRAMBLE;
            default -> Kernels.checkCreatableByName(kernel.getClass(), DataKernel.class);
        };
    }
}
