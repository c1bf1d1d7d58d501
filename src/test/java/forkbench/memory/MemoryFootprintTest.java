package forkbench.memory;

import forkbench.record.MemoryFootprint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryFootprintTest {

    @Test
    void measuresChildrenAndThreadsOnThisMachine() throws Exception {
        MemoryFootprint footprint = MemoryMeasurement.measure(1, 1000);
        assertEquals(1, footprint.children());
        assertTrue(footprint.childRssKiB() > 10_000, "a JVM is tens of MiB resident: " + footprint);
        assertTrue(footprint.parentBaseKiB() > 10_000, footprint.toString());
        // A parked platform thread holds at least a page of stack; a virtual thread is a small heap object.
        assertTrue(footprint.platformThreadKiB() >= 4, footprint.toString());
        assertTrue(footprint.platformThreadKiB() > footprint.virtualThreadKiB(), footprint.toString());
    }

    @Test
    void isSavedBesideAResultFileAndReadBack(@TempDir Path dir) throws Exception {
        Path result = dir.resolve("run.json");
        assertEquals(dir.resolve("run.memory.json"), MemoryFootprint.fileFor(result));
        assertNull(MemoryFootprint.readFor(result));
        MemoryFootprint footprint = new MemoryFootprint(40_000, 39_000, 41_000, 2, 48.5, 0.9, 2000, 35_000);
        Files.writeString(MemoryFootprint.fileFor(result), footprint.toJson());
        assertEquals(footprint, MemoryFootprint.readFor(result));
    }
}
