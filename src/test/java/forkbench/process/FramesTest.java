package forkbench.process;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
                new Message.Result(-7), new Message.Ready(Frames.PROTOCOL_VERSION), new Message.Failure("no \u2603"),
                new Message.Usage(1L << 40, 17, 1234, 5L << 30, 123_456_789)}) {
            assertEquals(message, roundTrip(message));
        }
    }

    @Test
    void dataStartsAndDataFramesSurviveTheWire() throws IOException {
        Message.StartData start = new Message.StartData("checksum", 4096, 1L << 33, "/dev/shm/in é", "");
        assertEquals(start, roundTrip(start));
        byte[] bytes = new byte[Frames.MAX_PAYLOAD];
        bytes[0] = 1;
        bytes[bytes.length - 1] = -1;
        Message.Data data = (Message.Data) roundTrip(new Message.Data(bytes));
        assertArrayEquals(bytes, data.bytes());
    }

    /** What a child sends back leaves in writes a pipe keeps whole, text from the JVM skipped between them. */
    @Test
    void aChildsDataFrameIsOneAtomicWriteAndTextAroundItIsSkipped() throws IOException {
        byte[] output = new byte[Frames.MAX_CHILD_DATA];
        java.util.Arrays.fill(output, (byte) 7);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        java.util.List<Integer> writes = new java.util.ArrayList<>();
        DataOutputStream out = new DataOutputStream(new java.io.FilterOutputStream(sink) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writes.add(len);
                sink.write(b, off, len);
            }
        });
        sink.write("[gc] pause\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Frames.writeData(out, output, 0, output.length);
        assertEquals(java.util.List.of(Frames.ATOMIC_DATA_FRAME), writes);
        java.util.List<String> text = new java.util.ArrayList<>();
        Message read = Frames.readSkippingText(new DataInputStream(new ByteArrayInputStream(sink.toByteArray())),
                text::add);
        assertArrayEquals(output, ((Message.Data) read).bytes());
        assertEquals(java.util.List.of("[gc] pause"), text);
        assertThrows(IllegalArgumentException.class, () -> Frames.writeData(out, new byte[Frames.MAX_PAYLOAD + 1], 0,
                Frames.MAX_PAYLOAD + 1));
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
