package forkbench.workload.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a child process gets its slice of the input, which decides where the parent keeps the input. Threads read
 * the input where it is either way: under {@code copy} the heap, under {@code shared} the same mapping the
 * children use, which separates "shared memory" from "same process".
 */
public enum Transport {

    /** The input lives in the parent's heap; a child is sent its slice in frames over its channel. */
    COPY,
    /** The input lives in a file in shared memory; a child maps its slice and reads it in place. */
    SHARED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the known transports */
    public static Transport parse(String text) {
        for (Transport transport : values()) {
            if (transport.id().equals(text.strip())) {
                return transport;
            }
        }
        throw new IllegalArgumentException("no transport '" + text + "'; known: "
                + Arrays.stream(values()).map(Transport::id).toList());
    }
}
