package forkbench.record;

import java.nio.file.Path;

/** The files recorded beside a JMH result {@code NAME.json}: {@code NAME.metadata.json}, {@code NAME.memory.json}. */
final class Beside {

    private Beside() {
    }

    /** {@code NAME.<kind>.json} in the folder of {@code NAME.json}. */
    public static Path resultFile(Path resultFile, String kind) {
        String name = resultFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return resultFile.resolveSibling(stem + "." + kind + ".json");
    }
}
