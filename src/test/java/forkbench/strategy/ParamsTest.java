package forkbench.strategy;

import forkbench.workload.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParamsTest {

    @Test
    void nAcceptsDigitsUnderscoresAndExactScientificNotation() {
        assertEquals(0, Params.parseN("0"));
        assertEquals(2_000_000_000L, Params.parseN("2000000000"));
        assertEquals(2_000_000_000L, Params.parseN("2_000_000_000"));
        assertEquals(2_000_000_000L, Params.parseN("2e9"));
        assertEquals(4_300_000_001L, Params.parseN(" 4300000001 "));
        assertEquals(Long.MAX_VALUE, Params.parseN(Long.toString(Long.MAX_VALUE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "abc", "", "1.5", "2e-3", "9223372036854775808", "1e30", "0x10"})
    void nRejectsWhatIsNotAWholeNumberInRange(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Params.parseN(text));
        assertTrue(e.getMessage().startsWith("n must be"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void workersAcceptsOneToTheCap() {
        assertEquals(1, Params.parseWorkers("1"));
        assertEquals(Workers.MAX, Params.parseWorkers(Integer.toString(Workers.MAX)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "two", "", "2.5", "257", "99999999999"})
    void workersRejectsEverythingElse(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Params.parseWorkers(text));
        assertTrue(e.getMessage().startsWith("workers must be"), e.getMessage());
    }
}
