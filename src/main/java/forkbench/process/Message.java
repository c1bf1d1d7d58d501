package forkbench.process;

/** What parent and child say to each other: a closed set, so a switch over it is checked by the compiler. */
sealed interface Message {

    /** The child's first frame: it is up and speaks this protocol. */
    record Ready(int protocolVersion) implements Message {
    }

    /** Parent to child: compute the kernel of this (class) name over {@code [from, to)}. */
    record Start(String kernel, long from, long to) implements Message {
    }

    /**
     * Parent to child: compute the data kernel of this (class) name over the input bytes {@code [offset, offset +
     * length)}. With an {@code input} file, the child maps its slice of it (and, for a kernel that writes output,
     * of the {@code output} file); with none ({@code ""}), the slice follows in {@link Data} frames and the child
     * sends its output, if any, back the same way, before its result.
     */
    record StartData(String kernel, long offset, long length, String input, String output) implements Message {
    }

    /** Bytes of a data job's slice (parent to child) or of its output (child to parent), in order. */
    record Data(byte[] bytes) implements Message {
        @Override
        public String toString() {
            return "Data[" + bytes.length + " bytes]";
        }
    }

    /** Child to parent: the answer to the oldest unanswered {@code Start}. */
    record Result(long value) implements Message {
    }

    /**
     * Child to parent, just before an answer when the parent asked for accounting: what the child's JVM has done
     * since it started. Cumulative, so the parent adds the change since the child's previous one.
     *
     * @param allocatedBytes   heap bytes allocated by all of its threads, those that ended included
     * @param collections      garbage collections, all collectors together
     * @param collectionMillis time spent in them
     * @param heapAfterGcBytes heap in use after the latest collection of each pool, summed
     * @param residentBytes    the JVM's resident memory now (Linux's VmRSS), 0 where the system does not tell
     */
    record Usage(long allocatedBytes, long collections, long collectionMillis, long heapAfterGcBytes,
                 long residentBytes) implements Message {
    }

    /** Child to parent: the oldest unanswered {@code Start} failed; the child stays usable. */
    record Failure(String message) implements Message {
    }
}
