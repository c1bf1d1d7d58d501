package forkbench.process;

/** What parent and child say to each other: a closed set, so a switch over it is checked by the compiler. */
sealed interface Message {

    /** The child's first frame: it is up and speaks this protocol. */
    record Ready(int protocolVersion) implements Message {
    }

    /** Parent to child: compute the kernel of this (class) name over {@code [from, to)}. */
    record Start(String kernel, long from, long to) implements Message {
    }

    /** Child to parent: the answer to the oldest unanswered {@code Start}. */
    record Result(long value) implements Message {
    }

    /** Child to parent: the oldest unanswered {@code Start} failed; the child stays usable. */
    record Failure(String message) implements Message {
    }
}
