package forkbench.process;

import forkbench.workload.Range;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JvmMemoryTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void aHeapIsSharedOutAmongTheChildrenAndTheCollectorIsEveryonesAlike() {
        JvmMemory memory = JvmMemory.of("1g", "parallel");
        assertEquals(Optional.of(1L << 30), memory.heapBytes());
        assertEquals(List.of("-Xmx1048576k", "-XX:+UseParallelGC"), memory.benchmarkJvmFlags());
        assertEquals(List.of("-XX:+UseParallelGC", "-XX:-UsePerfData", "-Xmx262144k"), memory.childJvmFlags(4));
        assertEquals(List.of(), JvmMemory.DEFAULT.benchmarkJvmFlags(), "default: the benchmark JVM as it is");
        assertEquals(ForkOptions.WORKER_JVM_ARGS, JvmMemory.of("default", "default").childJvmFlags(2),
                "default: children as they always were");
    }

    @Test
    void whatCannotRunIsRefusedInOneLine() {
        assertEquals("not a heap size; give one as -Xmx takes it, such as 512m or 2g (or default)",
                assertThrows(IllegalArgumentException.class, () -> JvmMemory.of("5x", null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> JvmMemory.of("0m", null));
        assertThrows(IllegalArgumentException.class, () -> JvmMemory.of("-1g", null));
        assertEquals("no such collector; give G1, Parallel, Serial, Z or Shenandoah (or default)",
                assertThrows(IllegalArgumentException.class, () -> JvmMemory.of(null, "Epsilon")).getMessage());
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> JvmMemory.of("32m", null).check(4, JAVA));
        assertEquals("-p heap=32m is too small for 4 workers: each child JVM would get 8 MiB, below 16 MiB",
                small.getMessage());
        JvmMemory.of("64m", "Serial").check(4, JAVA);
    }

    @Test
    void aChildRunsWithItsShareOfTheHeapAndTheCollectorAskedFor() throws Exception {
        JvmMemory memory = JvmMemory.of("512m", "Parallel");
        ForkOptions options = ForkOptions.builder().startupArchive(StartupArchive.NONE)
                .jvmArgs(memory.childJvmFlags(2)).build();
        try (ChildProcess child = ChildProcess.fork(options)) {
            long maxHeap = child.submit(new JvmFacts(), new Range(0, 1)).get();
            long collector = child.submit(new JvmFacts(), new Range(1, 2)).get();
            assertTrue(maxHeap <= 256L << 20 && maxHeap > 200L << 20, "a child's max heap: " + maxHeap);
            assertEquals(2, collector, "the parallel collector");
        }
        try (ChildProcess child = ChildProcess.fork(options.toBuilder()
                .jvmArgs(JvmMemory.of("default", "G1").childJvmFlags(2)).build())) {
            assertEquals(1, child.submit(new JvmFacts(), new Range(1, 2)).get().longValue(), "G1");
        }
    }

    @Test
    void aForksHeapIsItsLastXmxOrTheErgonomicDefault() {
        assertEquals(14L << 30, JvmMemory.maxHeap(List.of("-Xmx256m", "-XX:+UseSerialGC", "-Xmx14g"), 1));
        assertEquals(1L << 20, JvmMemory.maxHeap(List.of("-Xmx1048576"), 1));
        assertEquals(7, JvmMemory.maxHeap(List.of("-Xms1g", "-Xmxnonsense"), 7));
    }
}
