package forkbench.process;

import forkbench.workload.data.Bytes;
import forkbench.workload.data.Checksum;
import forkbench.workload.data.DataJob;

/**
 * Where a transform's output lands as it arrives: the job's output bytes {@code [from, to)}, in order. Once all
 * has come, the parent's own checksum of it must equal the child's answer.
 */
final class OutputSink {
    private final Bytes output;
    private final long from;
    private final long to;
    private long next;

    OutputSink(Bytes output, long from, long to) {
        this.output = output;
        this.from = from;
        this.to = to;
        this.next = from;
    }

    void accept(byte[] bytes) {
        for (int at = 0; at < bytes.length; ) {
            long end = Bytes.pieceEnd(next, to, bytes.length - at);
            if (end <= next) {
                throw new ChildProtocolException("sent more output than its slice holds");
            }
            output.slice(next, end).put(0, bytes, at, (int) (end - next));
            at += (int) (end - next);
            next = end;
        }
    }

    long check(long answer) {
        if (next != to) {
            throw new ChildProtocolException("answered after " + (next - from) + " of " + (to - from)
                    + " output bytes");
        }
        long received = DataJob.compute(new Checksum(), output, null, 0, from, to);
        if (received != answer) {
            throw new ChildProtocolException("output arrived changed: its checksum is " + received
                    + ", the child's answer " + answer);
        }
        return answer;
    }
}
