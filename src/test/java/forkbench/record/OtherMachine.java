package forkbench.record;

/** Run metadata as another machine would have recorded it: for tests of what differs between machines. */
public final class OtherMachine {

    private OtherMachine() {
    }

    /** {@code here}'s metadata, but made on {@code host} with {@code cores} cores and JDK {@code jdk}. */
    public static RunMetadata of(RunMetadata here, String host, int cores, String jdk) {
        return new RunMetadata(host, here.cpuModel(), cores, null, here.os(), jdk, here.jvm(), here.jvmFlags(),
                here.startedAt(), here.endedAt(), null, null, here.interleaving(), null, here.arguments(),
                here.classPath());
    }
}
