package forkbench.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorkerSweepTest {

    @Test
    void doublesUpToTwiceTheProcessorsAndIncludesTheProcessorCount() {
        assertEquals(List.of("1"), WorkerSweep.forProcessors(1));
        assertEquals(List.of("1", "2"), WorkerSweep.forProcessors(2));
        assertEquals(List.of("1", "2", "3"), WorkerSweep.forProcessors(3));
        assertEquals(List.of("1", "2", "4", "6"), WorkerSweep.forProcessors(6));
        assertEquals(List.of("1", "2", "4", "8"), WorkerSweep.forProcessors(8));
    }

    @Test
    void refusesANonsenseProcessorCount() {
        assertThrows(IllegalArgumentException.class, () -> WorkerSweep.forProcessors(0));
    }
}
