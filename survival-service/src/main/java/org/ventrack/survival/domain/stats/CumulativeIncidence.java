package org.ventrack.survival.domain.stats;

/**
 * Cumulative incidence of one cause under competing risks, one entry per distinct observed time (censor-only times
 * included), as the columns of R {@code survfit(Surv(time, factor(state, 0:m)) ~ 1)} for that state. Arrays are shared,
 * not copied: treat them as read-only.
 *
 * @param cause        the state code whose incidence this is
 * @param time         distinct times, ascending
 * @param nRisk        still in the initial state (event-free and under observation) just before each time
 * @param nEvent       events of this cause at each time
 * @param nCompeting   events of any other cause at each time
 * @param nCensor      censorings at each time
 * @param eventFree    probability of still being in the initial state (R {@code pstate[, 1]}, the "(s0)" column)
 * @param cumInc       cumulative incidence of the cause (R {@code pstate} for that state)
 * @param stdErr       its infinitesimal-jackknife standard error (R {@code std.err})
 * @param lower        lower bound (NaN where R gives NA, i.e. where cumInc = 0)
 * @param upper        upper bound (NaN where R gives NA)
 */
public record CumulativeIncidence(int cause, double[] time, int[] nRisk, int[] nEvent, int[] nCompeting, int[] nCensor,
                                  double[] eventFree, double[] cumInc, double[] stdErr, double[] lower,
                                  double[] upper, ConfType confType, double confLevel) {

    public int size() {
        return time.length;
    }
}
