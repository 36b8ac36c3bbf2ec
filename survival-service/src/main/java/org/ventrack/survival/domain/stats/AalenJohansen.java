package org.ventrack.survival.domain.stats;

/**
 * Aalen-Johansen cumulative incidence under competing risks, equal to R
 * {@code survfit(Surv(time, factor(state, 0:m)) ~ 1)} (survival 3.x) for the state of interest: point estimate
 * ({@code pstate}), standard error ({@code std.err}) and confidence bounds ({@code lower}, {@code upper}; R's default
 * for multi-state curves is conf.type "log", built on se / p).
 *
 * <p>With n at risk, d events of any cause and d_c of the cause at an event time, and S the all-cause Kaplan-Meier:
 * F(t) = Σ S(t_k-) d_c/n. The standard error is R's infinitesimal jackknife, sqrt(Σ_i (∂F/∂w_i)²), the derivative of
 * F with respect to each subject's case weight. The influence of a subject depends only on when it left and how, so
 * the sum is kept in closed form (running sums over the subjects who have left, plus a common term for those still at
 * risk) instead of an n × time matrix: time and memory stay linear in n.
 */
public final class AalenJohansen {

    private AalenJohansen() {
    }

    /** R defaults: log confidence interval, 95 %. */
    public static CumulativeIncidence fit(double[] times, int[] states, int cause) {
        return fit(times, states, cause, ConfType.LOG, 0.95);
    }

    /**
     * @param times  follow-up times, finite and >= 0
     * @param states 0 = censored, 1 .. m = the event (absorbing state) that ended follow-up
     * @param cause  the state whose cumulative incidence is wanted, in 1 .. m
     */
    public static CumulativeIncidence fit(double[] times, int[] states, int cause, ConfType confType, double confLevel) {
        int stateCount = 0;
        for (int s : states) stateCount = Math.max(stateCount, s + 1);
        if (cause < 1) {
            throw new IllegalArgumentException("cause must be >= 1 (0 is censored): " + cause);
        }
        stateCount = Math.max(stateCount, cause + 1);
        EventTable table = EventTable.ofCodes(times, states, stateCount);
        double z = Distributions.zForConfidence(confLevel);

        int size = table.size;
        double[] time = new double[size];
        int[] nRisk = new int[size];
        int[] nEvent = new int[size];
        int[] nCompeting = new int[size];
        int[] nCensor = new int[size];
        double[] eventFree = new double[size];
        double[] cumInc = new double[size];
        double[] stdErr = new double[size];
        double[] lower = new double[size];
        double[] upper = new double[size];

        int atRisk = times.length;
        double survBefore = 1;    // all-cause KM just before the current time
        double incidence = 0;     // F
        double hazardSlope = 0;   // B: Σ -λ_j / (n_j (1 - λ_j)), ∂ log S per unit weight of a subject still at risk
        double atRiskInfluence = 0; // G: ∂F/∂w_i for every subject still at risk
        // over subjects who have left, with influence c_i - b_i · F(t) on later F(t):
        double sumCC = 0;
        double sumBC = 0;
        double sumBB = 0;
        for (int i = 0; i < size; i++) {
            int ofCause = table.count[cause][i];
            int censored = table.count[0][i];
            int events = 0;
            for (int s = 1; s < stateCount; s++) events += table.count[s][i];
            int competing = events - ofCause;

            double exitedEventSlope = 0; // b for a subject whose event is at this time
            if (events > 0) {
                double n = atRisk;
                double lambda = events / n;
                double lambdaCause = ofCause / n;
                atRiskInfluence += survBefore * (-lambdaCause / n - lambdaCause * hazardSlope);
                incidence += survBefore * lambdaCause;
                boolean emptied = events == atRisk;
                if (!emptied) {
                    hazardSlope -= lambda / (n * (1 - lambda));
                    exitedEventSlope = hazardSlope + 1 / (n * (1 - lambda));
                }
                // once everyone has left F cannot move again, so the slope of those leaving now is irrelevant (0)
                double causeIntercept = atRiskInfluence + survBefore / n + exitedEventSlope * incidence;
                double competingIntercept = atRiskInfluence + exitedEventSlope * incidence;
                sumCC += ofCause * causeIntercept * causeIntercept + competing * competingIntercept * competingIntercept;
                sumBC += exitedEventSlope * (ofCause * causeIntercept + competing * competingIntercept);
                sumBB += events * exitedEventSlope * exitedEventSlope;
                survBefore *= (atRisk - events) / n;
            }
            double censoredSlope = events == atRisk ? 0 : hazardSlope;
            double censoredIntercept = atRiskInfluence + censoredSlope * incidence;
            sumCC += censored * censoredIntercept * censoredIntercept;
            sumBC += censored * censoredSlope * censoredIntercept;
            sumBB += censored * censoredSlope * censoredSlope;

            time[i] = table.time[i];
            nRisk[i] = atRisk;
            nEvent[i] = ofCause;
            nCompeting[i] = competing;
            nCensor[i] = censored;
            atRisk -= events + censored;

            double variance = atRisk * atRiskInfluence * atRiskInfluence
                    + sumCC - 2 * incidence * sumBC + incidence * incidence * sumBB;
            double se = Math.sqrt(Math.max(variance, 0));
            eventFree[i] = survBefore;
            cumInc[i] = incidence;
            stdErr[i] = se;
            double logScaleSe = se == 0 ? 0 : se / incidence;
            lower[i] = confType.lower(incidence, logScaleSe, z);
            upper[i] = confType.upper(incidence, logScaleSe, z);
        }
        return new CumulativeIncidence(cause, time, nRisk, nEvent, nCompeting, nCensor, eventFree, cumInc, stdErr,
                lower, upper, confType, confLevel);
    }
}
