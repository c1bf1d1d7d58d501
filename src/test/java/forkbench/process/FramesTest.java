package forkbench.process;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramesTest {

    private static Message roundTrip(Message message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Frames.write(new DataOutputStream(bytes), message);
        return Frames.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void everyMessageSurvivesTheWire() throws IOException {
        for (Message message : new Message[] {
                new Message.Start("com.example.Kernel\u00e9", 3, Long.MAX_VALUE), new Message.Start("", 0, 0),
                new Message.Result(-7), new Message.Ready(Frames.PROTOCOL_VERSION), new Message.Failure("no \u2603")}) {
            assertEquals(message, roundTrip(message));
        }
    }

    @Test
    void aKernelNameBeyondTheLimitIsNotSent() {
        Message.Start start = new Message.Start("k".repeat(Frames.MAX_KERNEL_NAME + 1), 0, 1);
        assertThrows(IllegalArgumentException.class,
                () -> Frames.write(new DataOutputStream(new ByteArrayOutputStream()), start));
    }

    @Test
    void aStartTooShortToHoldItsRangeIsAProtocolError() {
        // A start must hold at least its range: two longs.
        byte[] frame = {(byte) Frames.MARKER, 'S', 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 1};
        ChildProtocolException e = assertThrows(ChildProtocolException.class,
                () -> Frames.read(new DataInputStream(new ByteArrayInputStream(frame))));
        assertTrue(e.getMessage().contains("start frame of 8 bytes"), e.getMessage());
    }
}
