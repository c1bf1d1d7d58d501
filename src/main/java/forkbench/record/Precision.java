package forkbench.record;

import java.util.List;

/**
 * What a run with a precision target aimed for and reached, recorded with its metadata.
 *
 * @param targetPercent  the fork-level 95% half-width aimed for, in percent of the mean
 * @param maxTime        the time budget ({@code 60 min}), or {@code null}
 * @param plan           the plan made from the pilot rounds, in words, or {@code null}
 * @param iterations     the measured iterations per fork used after the pilot, or {@code null}
 * @param stopped        why the run stopped
 * @param configurations each configuration's forks and half-width reached
 */
public record Precision(double targetPercent, String maxTime, int minRounds, int maxRounds, String plan,
                        Integer iterations, String stopped, List<Reached> configurations) {

    public Precision {
        configurations = configurations == null ? List.of() : List.copyOf(configurations);
    }

    /** One configuration: its forks, the half-width reached (null with one fork), and whether it met the target. */
    public record Reached(String configuration, int forks, Double halfWidthPercent, boolean converged) {
    }

    public long converged() {
        return configurations.stream().filter(Reached::converged).count();
    }
}
