package forkbench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * How many processes the kernel's OOM killer has killed in this machine's memory cgroup: the {@code oom_kill}
 * counter of cgroup v2's {@code memory.events} or v1's {@code memory.oom_control}. A child killed by SIGKILL while
 * it rose was most likely one of them; nothing else tells an OOM kill from a {@code kill -9}.
 */
final class OomKills {

    private static final List<Path> COUNTERS = List.of(Path.of("/sys/fs/cgroup/memory.events"),
            Path.of("/sys/fs/cgroup/memory/memory.oom_control"));

    private OomKills() {
    }

    /** The counter now, or empty where no cgroup file tells it. */
    static OptionalLong count() {
        for (Path counter : COUNTERS) {
            try {
                for (String line : Files.readAllLines(counter)) {
                    if (line.startsWith("oom_kill ")) {
                        return OptionalLong.of(Long.parseLong(line.substring("oom_kill ".length()).strip()));
                    }
                }
            } catch (IOException | NumberFormatException | SecurityException e) {
                // Not this cgroup version, or not readable here: try the other, else say nothing.
            }
        }
        return OptionalLong.empty();
    }

    /** What a SIGKILL most likely was, given the counter at the child's start: a clause to add, or nothing. */
    static String hint(OptionalLong atStart) {
        OptionalLong now = count();
        if (atStart.isPresent() && now.isPresent() && now.getAsLong() > atStart.getAsLong()) {
            return " (likely the kernel's OOM killer: its cgroup's oom_kill count rose from " + atStart.getAsLong()
                    + " to " + now.getAsLong() + " meanwhile)";
        }
        return "";
    }
}
