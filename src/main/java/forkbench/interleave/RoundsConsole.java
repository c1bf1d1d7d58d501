package forkbench.interleave;

import java.io.PrintStream;

/**
 * What a run in rounds prints. Quiet (the default), JMH's own output of every fork goes to a log file and the console
 * gets forkbench's lines alone: one per round, and on a terminal a live line, rewritten in place, naming the fork
 * that runs. Verbose ({@code -v}), JMH's output comes to the console as JMH prints it, each fork announced on a line.
 *
 * @param out        forkbench's lines
 * @param jmh        where JMH's output of each fork goes: a log file, or {@code out} itself
 * @param terminal   whether {@code out} is a terminal, where a line can be rewritten
 */
public record RoundsConsole(PrintStream out, PrintStream jmh, boolean terminal) {

    /** JMH's output on the console, every fork announced on a line of its own: how runs printed before. */
    public static RoundsConsole verbose(PrintStream out) {
        return new RoundsConsole(out, out, false);
    }

    boolean quiet() {
        return jmh != out;
    }

    /** The fork that runs now: a live line on a terminal when quiet, a line of its own when verbose, else nothing. */
    void now(String text) {
        if (!quiet()) {
            out.println(text);
        } else if (terminal) {
            String shown = text.length() > 118 ? text.substring(0, 115) + "..." : text;
            out.print("\r" + shown + " ".repeat(Math.max(0, 118 - shown.length())) + "\r");
            out.flush();
        }
    }

    /** A line that stays: the live line, if any, is cleared first. */
    void line(String text) {
        if (quiet() && terminal) {
            out.print("\r" + " ".repeat(118) + "\r");
        }
        out.println(text);
    }
}
