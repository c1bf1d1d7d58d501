package forkbench.process;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipeBandwidthTest {

    private static final ForkOptions OPTIONS = ForkOptions.builder().startupArchive(StartupArchive.NONE).build();

    @Test
    void everyBatchArrivesWholeWhateverItsSize() {
        byte[] data = new byte[3 * (1 << 20) + 17];
        try (PipeBandwidth pipe = PipeBandwidth.open(OPTIONS)) {
            for (int length : new int[] {0, 1, 65_535, 65_536, 65_537, data.length}) {
                pipe.send(data, length);
            }
            assertTrue(pipe.isAlive());
        }
    }

    @Test
    void aSinkKilledMidTransferFailsTheSendInsteadOfHangingAndCloseStillEnds() throws Exception {
        byte[] data = new byte[64 << 20];
        PipeBandwidth pipe = PipeBandwidth.open(OPTIONS);
        pipe.send(data, 1);
        ProcessHandle.of(pipe.pid()).orElseThrow().destroyForcibly();
        ProcessHandle.of(pipe.pid()).ifPresent(handle -> handle.onExit().join());
        ChildProcessException failure = assertThrows(ChildProcessException.class, () -> pipe.send(data, data.length));
        assertTrue(failure.getMessage().contains("is gone"), failure.getMessage());
        pipe.close();
        assertFalse(pipe.isAlive());
    }

    @Test
    void closingEndsTheSink() {
        PipeBandwidth pipe = PipeBandwidth.open(OPTIONS);
        pipe.send(new byte[10], 10);
        pipe.close();
        assertFalse(pipe.isAlive());
        assertThrows(ChildProcessException.class, () -> pipe.send(new byte[1], 1));
    }
}
