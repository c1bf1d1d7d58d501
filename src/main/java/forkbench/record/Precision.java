package forkbench.record;

import java.util.List;

/**
 * What a run until a verdict or a precision target aimed for and reached, recorded with its metadata.
 *
 * @param targetPercent  the fork-level 95% half-width aimed for, in percent of the mean; {@code null} for none
 * @param maxTime        the time budget ({@code 60 min}), or {@code null}
 * @param plan           the plan made from the pilot rounds, in words, or {@code null}
 * @param iterations     the measured iterations per fork used after the pilot, or {@code null}
 * @param stopped        why the run stopped
 * @param configurations each configuration's forks and half-width reached
 * @param verdict        whether the run measured until every comparison was decided
 * @param marginPercent  the equivalence margin the verdict used, in percent; {@code null} without a verdict
 * @param pilotForks     the pilot's forks per configuration in a two-stage run (the pilot plans, the forks after
 *                       it are judged: see {@code forkbench.statistics.TwoStage}); {@code null} for a run recorded
 *                       before that design, whose forks are all judged together
 */
public record Precision(Double targetPercent, String maxTime, int minRounds, int maxRounds, String plan,
                        Integer iterations, String stopped, List<Reached> configurations, boolean verdict,
                        Double marginPercent, Integer pilotForks) {

    public Precision {
        configurations = configurations == null ? List.of() : List.copyOf(configurations);
    }

    /**
     * One configuration: its forks, the half-width reached (null with one fork), and whether it met the target.
     *
     * @param stage   what the pilot made of it ({@code null} in a run recorded before the two-stage design)
     * @param planned the second-stage forks the plan gave it
     */
    public record Reached(String configuration, int forks, Double halfWidthPercent, boolean converged, String stage,
                          Integer planned) {
    }

    public long converged() {
        return configurations.stream().filter(Reached::converged).count();
    }

    /** Whether the forks after the pilot are what the run is judged on. */
    public boolean twoStage() {
        return pilotForks != null;
    }
}
