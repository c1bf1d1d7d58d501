package forkbench.process;

import forkbench.workload.Summation;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A child JVM that misbehaves in the way its first argument names, once it has received a start message. */
public final class FaultyChild {

    private FaultyChild() {
    }

    public static void main(String[] args) throws Exception {
        String fault = args[0];
        if (fault.equals("never-ready")) {
            System.err.println("dying before the handshake");
            System.exit(4);
        }
        ChildChannel channel = ChildChannel.open();
        Message message = channel.receive();
        if (!(message instanceof Message.Start start)) {
            System.exit(9);
            return;
        }
        OutputStream rawStdout = new FileOutputStream(FileDescriptor.out);
        switch (fault) {
            case "error" -> channel.send(new Message.Failure("refusing range on purpose"));
            case "exit3" -> {
                System.err.println("dying with code 3 on purpose");
                System.exit(3);
            }
            case "sigkill" -> {
                new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
                Thread.sleep(10_000);
            }
            case "silent" -> {
                // Keeps reading, so it still dies on end of stream; it just never answers.
                while (channel.receive() != null) {
                    Thread.onSpinWait();
                }
            }
            case "garbage" -> {
                // A marker followed by no frame type forkbench knows: binary garbage, not text a JVM prints.
                rawStdout.write(new byte[] {(byte) Frames.MARKER, 'Z', 0, 0, 0, 0});
                rawStdout.flush();
            }
            case "text-then-result" -> {
                // What -verbose:gc and friends do: text on fd 1, beside the frames.
                rawStdout.write("[0.004s][info][gc] Using Serial\nno newline at the end".getBytes(StandardCharsets.UTF_8));
                rawStdout.flush();
                channel.send(new Message.Result(Summation.sum(start.from(), start.to())));
            }
            case "text-then-exit3" -> {
                rawStdout.write("printed on stdout before dying\n".getBytes(StandardCharsets.UTF_8));
                rawStdout.flush();
                System.exit(3);
            }
            case "oversized" -> {
                rawStdout.write(new byte[] {(byte) Frames.MARKER, '=', 0x40, 0, 0, 0});
                rawStdout.flush();
            }
            case "eof" -> System.exit(0);
            case "noisy" -> {
                for (int i = 0; i < 1000; i++) {
                    System.out.println("stray output " + i);
                }
                channel.send(new Message.Result(Summation.sum(start.from(), start.to())));
            }
            case "flood" -> {
                byte[] line = "x".repeat(1023).concat("\n").getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 10 * 1024; i++) {
                    System.err.write(line);
                }
                System.err.flush();
                channel.send(new Message.Result(Summation.sum(start.from(), start.to())));
            }
            default -> throw new IllegalArgumentException("unknown fault " + fault);
        }
        // Stay until the parent closes the channel, as a real child does.
        while (channel.receive() != null) {
            Thread.onSpinWait();
        }
    }

}
