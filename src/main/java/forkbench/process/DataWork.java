package forkbench.process;

import forkbench.workload.data.Bytes;
import forkbench.workload.data.DataJob;
import forkbench.workload.data.DataKernel;
import forkbench.workload.data.DataKernels;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/**
 * A child's side of data jobs. A slice that comes in frames is computed frame by frame as it arrives (a child's
 * memory stays bounded whatever the job's size), and a transform's output goes back frame by frame. A slice in a
 * shared file is mapped, and the mapping kept for the next job over the same slice: a pooled child maps once per
 * trial.
 */
final class DataWork {

    private final ChildChannel channel;
    private final BlockingQueue<Message> messages;
    private final Map<String, DataKernel> kernels = new HashMap<>();
    private final Map<String, Mapped> mappings = new HashMap<>();

    DataWork(ChildChannel channel, BlockingQueue<Message> messages) {
        this.channel = channel;
        this.messages = messages;
    }

    /** The answer to {@code start}: a result, or a failure once every frame of its slice has been taken. */
    Message answer(Message.StartData start) throws InterruptedException, IOException {
        DataKernel kernel;
        try {
            kernel = kernel(start.kernel());
            boolean aligned = start.offset() % DataJob.BLOCK == 0 || start.length() == 0;
            if (start.offset() < 0 || start.length() < 0 || !aligned) {
                throw new IllegalArgumentException("invalid slice of " + start.length() + " bytes at "
                        + start.offset());
            }
        } catch (IllegalArgumentException e) {
            skipFrames(start);
            return new Message.Failure(String.valueOf(e.getMessage()));
        }
        if (start.input().isEmpty()) {
            return fromFrames(kernel, start);
        }
        try {
            Bytes input = mapping(start.input(), FileChannel.MapMode.READ_ONLY, start.offset(), start.length());
            Bytes output = kernel.writesOutput() ? mapping(start.output(), FileChannel.MapMode.READ_WRITE,
                    start.offset(), start.length()) : null;
            return new Message.Result(DataJob.compute(kernel, input, output, start.offset(), 0, start.length()));
        } catch (IOException e) {
            return new Message.Failure("cannot map the shared slice: " + e.getMessage());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return new Message.Failure(start.kernel() + " threw " + e);
        }
    }

    /** Computes each frame of the slice as it arrives, sending a transform's output back before the result. */
    private Message fromFrames(DataKernel kernel, Message.StartData start) throws InterruptedException, IOException {
        long offset = start.offset();
        long end = start.offset() + start.length();
        long result = 0;
        boolean first = true;
        String failure = null;
        while (offset < end || first) {
            byte[] bytes = offset < end ? nextFrame() : new byte[0];
            if (offset + bytes.length > end) {
                throw new ChildProtocolException("data frames overran their slice");
            }
            if (failure == null) {
                try {
                    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                    ByteBuffer out = kernel.writesOutput()
                            ? ByteBuffer.allocate(bytes.length).order(ByteOrder.LITTLE_ENDIAN) : null;
                    long part = kernel.compute(in, out, offset);
                    result = first ? part : kernel.combine(result, part);
                    if (out != null) {
                        sendOutput(out.array());
                    }
                } catch (RuntimeException | LinkageError | StackOverflowError e) {
                    failure = start.kernel() + " threw " + e;
                }
            }
            first = false;
            offset += bytes.length;
        }
        return failure == null ? new Message.Result(result) : new Message.Failure(failure);
    }

    private byte[] nextFrame() throws InterruptedException {
        Message message = messages.take();
        if (!(message instanceof Message.Data data) || data.bytes().length == 0) {
            throw new ChildProtocolException("expected a data frame, got " + message);
        }
        return data.bytes();
    }

    private void sendOutput(byte[] bytes) throws IOException {
        for (int from = 0; from < bytes.length; from += Frames.MAX_CHILD_DATA) {
            channel.sendData(bytes, from, Math.min(Frames.MAX_CHILD_DATA, bytes.length - from));
        }
    }

    /** Takes the frames of a slice this child will not compute, so the next message is the next job's. */
    private void skipFrames(Message.StartData start) throws InterruptedException {
        if (start.input().isEmpty()) {
            for (long left = start.length(); left > 0; ) {
                left -= nextFrame().length;
            }
        }
    }

    private DataKernel kernel(String name) {
        DataKernel kernel = kernels.get(name);
        if (kernel == null) {
            kernel = DataKernels.byName(name);
            kernels.put(name, kernel);
        }
        return kernel;
    }

    /** The slice of {@code file}, mapped as {@code mode} says: the mapping of the last job, when it is the same. */
    private Bytes mapping(String file, FileChannel.MapMode mode, long offset, long length) throws IOException {
        Mapped last = mappings.get(mode.toString());
        if (last != null && last.file().equals(file) && last.offset() == offset && last.length() == length) {
            return last.bytes();
        }
        try (FileChannel channel = FileChannel.open(Path.of(file), mode == FileChannel.MapMode.READ_ONLY
                ? new StandardOpenOption[] {StandardOpenOption.READ}
                : new StandardOpenOption[] {StandardOpenOption.READ, StandardOpenOption.WRITE})) {
            if (channel.size() < offset + length) {
                throw new IOException(file + " holds " + channel.size() + " bytes, the slice ends at "
                        + (offset + length));
            }
            Bytes bytes = Bytes.map(channel, mode, offset, length);
            mappings.put(mode.toString(), new Mapped(file, offset, length, bytes));
            return bytes;
        }
    }

    private record Mapped(String file, long offset, long length, Bytes bytes) {
    }
}
