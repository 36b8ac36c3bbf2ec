package org.ventrack.pk.domain.trough;

import java.math.BigDecimal;
import java.util.List;

import org.ventrack.pk.domain.CoMedication;

/**
 * The judgement of one venetoclax sample, with the reasons for every derived value and flag.
 *
 * @param sample the sample judged
 * @param daysSinceStart whole days from the venetoclax start to the sampling date (0 on the start day)
 * @param courseDay day of the course, 1 on the start day
 * @param steadyState whether the sample meets the steady-state rule
 * @param hoursAfterLastDose hours from the last dose to the draw, null if the last dose time is unknown
 * @param withinTroughWindow whether those hours are inside the trough window, null if unknown
 * @param doseNormalised concentration / daily dose in (ng/mL)/mg, 2 decimals; null if not quantified
 * @param doseNormalisedPerBsa concentration / (daily dose / BSA) in (ng/mL)/(mg/m2), 2 decimals; null without BSA
 * @param activeInhibitors co-medications inhibiting CYP3A or P-gp on the sampling date
 * @param interactionFreeMedianUsed the reference median in (ng/mL)/mg the interaction rule compared against
 * @param flags the flags raised, each with its reason
 * @param reasons how each derived value was obtained, in order
 */
public record TroughJudgement(PkSample sample, long daysSinceStart, long courseDay, boolean steadyState,
        Double hoursAfterLastDose, Boolean withinTroughWindow, BigDecimal doseNormalised,
        BigDecimal doseNormalisedPerBsa, List<CoMedication> activeInhibitors, double interactionFreeMedianUsed,
        List<Finding> flags, List<String> reasons) {

    /** A raised flag and why. */
    public record Finding(TroughFlag flag, String reason) {
    }

    public TroughJudgement {
        activeInhibitors = List.copyOf(activeInhibitors);
        flags = List.copyOf(flags);
        reasons = List.copyOf(reasons);
    }

    public boolean has(TroughFlag flag) {
        return flags.stream().anyMatch(f -> f.flag() == flag);
    }

    public List<TroughFlag> flagCodes() {
        return flags.stream().map(Finding::flag).toList();
    }
}
