package forkbench.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A console that cannot show forkbench's characters gets them the ASCII way, never as '?'. */
class ConsoleTextTest {

    @Test
    void anAsciiConsoleGetsTheAsciiSpellingOfEveryCharacterForkbenchPrints() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        PrintStream ascii = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.US_ASCII);
        PrintStream console = ConsoleText.forConsole(ascii, raw);
        console.print("round 3: ±2% ");
        // A character split across two writes still arrives whole.
        byte[] micro = "µ".getBytes(StandardCharsets.UTF_8);
        console.write(micro, 0, 1);
        console.write(micro, 1, 1);
        console.println("s at n = 10¹⁰, 1.5× ≈ σ");
        assertEquals("round 3: +/-2% us at n = 10^10, 1.5x ~ sd" + System.lineSeparator(),
                raw.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void aUtf8ConsoleIsLeftAsItIs() {
        PrintStream utf8 = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertSame(utf8, ConsoleText.forConsole(utf8, new ByteArrayOutputStream()));
    }
}
