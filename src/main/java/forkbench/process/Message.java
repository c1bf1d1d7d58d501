package forkbench.process;

/** What parent and child say to each other: a closed set, so a switch over it is checked by the compiler. */
sealed interface Message {

    /** The child's first frame: it is up and speaks this protocol. */
    record Ready(int protocolVersion) implements Message {
    }

    /** Parent to child: sum the indices in {@code [from, to)}. */
    record Start(long from, long to) implements Message {
    }

    /** Child to parent: the sum of the last {@code Start}. */
    record Result(long sum) implements Message {
    }

    /** Child to parent: the last {@code Start} failed; the child stays usable. */
    record Failure(String message) implements Message {
    }
}
