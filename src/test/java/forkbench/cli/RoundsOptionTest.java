package forkbench.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoundsOptionTest {

    @Test
    void precisionWithItsBudgetAndBoundsIsTakenOutOfJmhsArguments() throws UsageException {
        RoundsOption rounds = RoundsOption.extract(new String[] {"threadPool", "--precision", "2", "--max-time=1h30m",
                "--min-rounds", "5", "--max-rounds", "40", "-p", "n=1e6", "--interleave-seed", "7"});
        assertTrue(rounds.given());
        assertEquals(2.0, rounds.target().percent());
        assertEquals(Duration.ofMinutes(90), rounds.target().maxTime());
        assertEquals(5, rounds.target().minRounds());
        assertEquals(40, rounds.target().maxRounds());
        assertEquals(7, rounds.seed());
        assertArrayEquals(new String[] {"threadPool", "-p", "n=1e6"}, rounds.jmhArgs());
    }

    @Test
    void withoutRoundsOrForksTheDefaultRoundsApply() throws UsageException {
        RoundsOption plain = RoundsOption.extract(new String[] {"-p", "n=1e6"});
        assertFalse(plain.given());
        assertNull(plain.target());
        assertEquals(RoundsOption.DEFAULT, plain.withDefaultRounds().target());
        assertEquals(3, RoundsOption.DEFAULT.minRounds());
        assertTrue(RoundsOption.DEFAULT.verdict(), "a plain run goes to the verdict");
    }

    @Test
    void durationsReadAsPeopleWriteThem() throws UsageException {
        assertEquals(Duration.ofSeconds(90), RoundsOption.parseDuration("90s"));
        assertEquals(Duration.ofMinutes(10), RoundsOption.parseDuration("10"));
        assertEquals(Duration.ofMinutes(75), RoundsOption.parseDuration("1h15m"));
    }

    @Test
    void contradictionsAndBadValuesAreOneLineEach() {
        for (List<String> bad : List.of(
                List.of("--precision", "2", "--interleave", "3"),
                List.of("--max-time", "10m"),
                List.of("--plan"),
                List.of("--precision", "0"),
                List.of("--precision", "abc"),
                List.of("--precision", "2", "--min-rounds", "1"),
                List.of("--verdict", "--min-rounds", "5", "--max-rounds", "6"),
                List.of("--margin", "2"),
                List.of("--verdict", "--margin", "0"),
                List.of("--verdict", "--verdict"),
                List.of("--precision", "2", "--max-time", "soon"),
                List.of("--precision", "2", "--max-time", "99999999999999999999h"),
                List.of("--precision", "2", "--min-rounds", "9", "--max-rounds", "4"),
                List.of("--interleave", "0"),
                List.of("--resume", "results/run-x", "-p", "n=1"),
                List.of("--precision"))) {
            UsageException e = assertThrows(UsageException.class,
                    () -> RoundsOption.extract(bad.toArray(String[]::new)), bad.toString());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
