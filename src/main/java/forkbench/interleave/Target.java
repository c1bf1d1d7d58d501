package forkbench.interleave;

import forkbench.statistics.TwoStage;

import java.time.Duration;
import java.util.Optional;

/**
 * What an interleaved run aims for. With a verdict or a precision, the first {@code minRounds} rounds are a pilot
 * that plans the rest (see {@link TwoStage}): configurations the pilot decides stop, the others get the fresh forks
 * their comparisons (a verdict) or their width (a precision) need, within the time budget and the most rounds;
 * without either, exactly {@code minRounds} rounds run.
 *
 * @param percent   the half-width to reach, in percent of the mean; {@code null} for none
 * @param verdict   whether to measure until every comparison with its job's fastest is decided
 * @param margin    the equivalence margin of the verdict, a share (0.02 for ±2%)
 * @param maxTime   the time budget, {@code null} for none; the pilot rounds run even past it
 * @param minRounds the pilot's rounds (at least 2: a pilot needs a spread), or the rounds of a fixed run
 * @param maxRounds the most rounds, the pilot's included
 * @param planOnly  run the pilot rounds, print the plan, and stop
 */
public record Target(Double percent, boolean verdict, double margin, Duration maxTime, int minRounds, int maxRounds,
                     boolean planOnly) {

    public static final int MIN_PILOT_ROUNDS = 2;
    /** The most rounds a run may have. */
    public static final int MAX_ROUNDS = 1000;
    public static final int DEFAULT_MAX_ROUNDS = 100;
    public static final double DEFAULT_MARGIN = 0.02;

    public Target {
        if (minRounds < 1 || maxRounds < minRounds || maxRounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("rounds must satisfy 1 <= min <= max <= " + MAX_ROUNDS
                    + ", got min " + minRounds + " and max " + maxRounds);
        }
        if (percent != null && !(percent > 0 && percent < 100)) {
            throw new IllegalArgumentException("a precision is a percentage above 0 and below 100, got " + percent);
        }
        if (!(margin > 0 && margin < 1)) {
            throw new IllegalArgumentException("a margin is a percentage above 0 and below 100, got " + 100 * margin);
        }
        if ((percent != null || verdict) && minRounds < MIN_PILOT_ROUNDS) {
            throw new IllegalArgumentException("a pilot needs at least " + MIN_PILOT_ROUNDS
                    + " rounds, got --min-rounds " + minRounds);
        }
        if ((percent != null || verdict) && maxRounds < minRounds + TwoStage.MIN_SECOND_STAGE) {
            throw new IllegalArgumentException("the most rounds must leave room for a second stage of "
                    + TwoStage.MIN_SECOND_STAGE + " rounds after the " + minRounds + " pilot rounds, got --max-rounds "
                    + maxRounds);
        }
    }

    /** Exactly {@code rounds} rounds. */
    public static Target fixed(int rounds) {
        return new Target(null, false, DEFAULT_MARGIN, null, rounds, rounds, false);
    }

    /** Whether a pilot plans the rounds after it. */
    public boolean adaptive() {
        return percent != null || verdict;
    }

    /** What the two-stage design aims for. */
    TwoStage.Goal goal() {
        return new TwoStage.Goal(margin, Optional.ofNullable(percent).map(p -> p / 100), verdict,
                maxRounds - minRounds);
    }

    /** {@code the verdict}, {@code ±2%}, {@code the verdict with ±2% for the rows it shows}. */
    public String describe() {
        String width = percent == null ? null : "±" + Plan.percent(percent) + "%";
        return verdict ? "the verdict (equivalent within ±" + Plan.percent(100 * margin) + "%)"
                + (width == null ? "" : " with " + width + " for the rows it shows") : width;
    }
}
