package forkbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The console's text when it cannot show what forkbench prints: under a locale that is not installed the JVM's
 * console charset is ASCII, and {@code ±2%}, {@code 11.3 µs} and {@code 10³} would come out as {@code ?}. Then
 * each such character is written the ASCII way ({@code +/-2%}, {@code 11.3 us}, {@code 10^3}); files are always
 * UTF-8 and unaffected.
 */
final class ConsoleText extends OutputStream {

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final Map<Character, String> ASCII = Map.ofEntries(Map.entry('±', "+/-"), Map.entry('µ', "u"),
            Map.entry('×', "x"), Map.entry('≈', "~"), Map.entry('·', "*"), Map.entry('—', "-"), Map.entry('–', "-"),
            Map.entry('→', "->"), Map.entry('⚠', "!"), Map.entry('σ', "sd"), Map.entry('κ', "kappa"),
            Map.entry('λ', "lambda"), Map.entry('…', "..."), Map.entry('≤', "<="), Map.entry('≥', ">="));

    private final OutputStream target;
    private final Charset charset;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    ConsoleText(OutputStream target, Charset charset) {
        this.target = target;
        this.charset = charset;
    }

    /** {@code console}, or where its charset cannot show forkbench's text, a stream that writes it the ASCII way. */
    static PrintStream forConsole(PrintStream console, OutputStream raw) {
        Charset charset = console.charset();
        if (charset.newEncoder().canEncode("±µ³×≈")) {
            return console;
        }
        return new PrintStream(new ConsoleText(raw, charset), true, StandardCharsets.UTF_8);
    }

    /** {@code text} with every character the charset cannot encode written the ASCII way, or as {@code ?}. */
    static String transliterate(String text, Charset charset) {
        var encoder = charset.newEncoder();
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (encoder.canEncode(c)) {
                out.append(c);
            } else if (SUPERSCRIPTS.indexOf(c) >= 0) {
                boolean first = i == 0 || SUPERSCRIPTS.indexOf(text.charAt(i - 1)) < 0;
                out.append(first ? "^" : "").append(SUPERSCRIPTS.indexOf(c));
            } else {
                out.append(ASCII.getOrDefault(c, "?"));
            }
        }
        return out.toString();
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        pending.write(bytes, offset, length);
        flush();
    }

    /** Writes every whole character so far; a character split across writes waits for its last byte. */
    @Override
    public synchronized void flush() throws IOException {
        byte[] bytes = pending.toByteArray();
        int whole = bytes.length;
        // Back off over a trailing, incomplete UTF-8 sequence (at most 3 bytes).
        for (int back = 1; back <= Math.min(3, bytes.length); back++) {
            int b = bytes[bytes.length - back] & 0xFF;
            if ((b & 0xC0) == 0xC0) {
                int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                if (back < length) {
                    whole = bytes.length - back;
                }
                break;
            }
            if ((b & 0x80) == 0) {
                break;
            }
        }
        CharBuffer chars = utf8.decode(ByteBuffer.wrap(bytes, 0, whole));
        target.write(transliterate(chars.toString(), charset).getBytes(charset));
        target.flush();
        pending.reset();
        pending.write(bytes, whole, bytes.length - whole);
    }
}
