package forkbench.interleave;

import java.time.Duration;

/**
 * What an interleaved run aims for. With a {@code percent}, rounds are added until every configuration's
 * fork-level 95% half-width is within that share of its mean, or the time budget ends; without one, exactly
 * {@code minRounds} rounds run.
 *
 * @param percent   the half-width to reach, in percent of the mean; {@code null} for a fixed number of rounds
 * @param maxTime   the time budget, {@code null} for none; the minimum rounds run even past it
 * @param minRounds the rounds always run (at least 3 with a precision target: a pilot needs 2 degrees of freedom)
 * @param maxRounds the most rounds
 * @param planOnly  run the pilot rounds, print the plan, and stop
 */
public record Target(Double percent, Duration maxTime, int minRounds, int maxRounds, boolean planOnly) {

    public static final int MIN_PILOT_ROUNDS = 3;
    /** The most rounds a run may have. */
    public static final int MAX_ROUNDS = 1000;
    public static final int DEFAULT_MAX_ROUNDS = 100;

    public Target {
        if (minRounds < 1 || maxRounds < minRounds || maxRounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("rounds must satisfy 1 <= min <= max <= " + MAX_ROUNDS
                    + ", got min " + minRounds + " and max " + maxRounds);
        }
        if (percent != null && !(percent > 0 && percent < 100)) {
            throw new IllegalArgumentException("a precision is a percentage above 0 and below 100, got " + percent);
        }
        if (percent != null && minRounds < MIN_PILOT_ROUNDS) {
            throw new IllegalArgumentException("a precision target needs at least " + MIN_PILOT_ROUNDS
                    + " rounds first, got --min-rounds " + minRounds);
        }
    }

    /** Exactly {@code rounds} rounds. */
    public static Target fixed(int rounds) {
        return new Target(null, null, rounds, rounds, false);
    }

    public boolean adaptive() {
        return percent != null;
    }
}
