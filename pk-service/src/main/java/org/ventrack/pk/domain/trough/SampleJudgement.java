package org.ventrack.pk.domain.trough;

import static org.ventrack.pk.domain.Decimals.text;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.ventrack.pk.domain.CoMedication;
import org.ventrack.pk.domain.Cyp3aClass;
import org.ventrack.pk.domain.Decimals;
import org.ventrack.pk.domain.trough.TroughJudgement.Finding;

/**
 * Judges one venetoclax sample: timing in the course and in the dosing interval, dose-normalised concentration,
 * CYP3A inhibitors at the time, and flags against {@link TroughSettings}.
 * <p>
 * Range and interaction flags apply to samples of kind TROUGH that are quantified (not below the LLOQ). The
 * interaction rule compares the dose-normalised trough as displayed (2 decimals) with {@code interactionFactor} times
 * the interaction-free reference median.
 */
public final class SampleJudgement {

    private final TroughSettings settings;

    public SampleJudgement(TroughSettings settings) {
        this.settings = settings;
    }

    public TroughJudgement judge(PkSample sample, PatientContext patient, InteractionFreeReference reference) {
        List<Finding> flags = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        LocalDate sampleDate = sample.sampledAt().toLocalDate();

        long daysSinceStart = ChronoUnit.DAYS.between(patient.venetoclaxStart(), sampleDate);
        long courseDay = daysSinceStart + 1;
        reasons.add("sampled on " + sampleDate + ", " + daysSinceStart + " days after the venetoclax start "
                + patient.venetoclaxStart() + " (course day " + courseDay + ")");

        boolean steadyState = judgeSteadyState(patient, sampleDate, courseDay, flags, reasons);
        Double hours = null;
        Boolean inWindow = null;
        if (sample.lastDoseAt() == null) {
            reasons.add("time of the last dose unknown: hours after the dose not computed");
        } else {
            hours = Duration.between(sample.lastDoseAt(), sample.sampledAt()).toMinutes() / 60.0;
            inWindow = hours >= settings.troughWindowFromHours() && hours <= settings.troughWindowToHours();
            String timing = text(hours) + " h after the last dose (" + sample.lastDoseAt() + "), trough window "
                    + text(settings.troughWindowFromHours()) + "-" + text(settings.troughWindowToHours()) + " h";
            if (sample.kind() == SampleKind.TROUGH && !inWindow) {
                flags.add(new Finding(TroughFlag.OUTSIDE_TROUGH_WINDOW, "trough sampled " + timing));
            } else {
                reasons.add("sampled " + timing + (inWindow ? ": inside" : ": outside, not a trough sample"));
            }
        }

        List<CoMedication> inhibitors = patient.coMedications().stream()
                .filter(CoMedication::isInhibitor)
                .filter(m -> m.takenOn(sampleDate))
                .toList();
        reasons.add(inhibitors.isEmpty() ? "no CYP3A or P-gp inhibitor taken on " + sampleDate
                : "inhibitors taken on " + sampleDate + ": "
                        + String.join("; ", inhibitors.stream().map(CoMedication::describe).toList()));

        double referenceMedian = referenceMedian(reference, reasons);

        boolean belowLloq = isBelowLloq(sample);
        BigDecimal perMg = null;
        BigDecimal perMgPerM2 = null;
        if (belowLloq) {
            flags.add(new Finding(TroughFlag.BELOW_LLOQ, sample.belowLloq()
                    ? "reported below the LLOQ" + (sample.lloqNgPerMl() == null ? "" : " (" + text(sample.lloqNgPerMl()) + " ng/mL)")
                    : text(sample.concentrationNgPerMl()) + " ng/mL is below the LLOQ " + text(sample.lloqNgPerMl()) + " ng/mL"));
            reasons.add("below the LLOQ: no dose-normalised value, no range or interaction judgement");
        } else if (sample.concentrationNgPerMl() == null) {
            reasons.add("no concentration: no dose-normalised value, no range or interaction judgement");
        } else {
            double concentration = sample.concentrationNgPerMl();
            perMg = Decimals.round(concentration / sample.dailyDoseMg(), 2);
            reasons.add("dose-normalised " + text(concentration) + " ng/mL / " + text(sample.dailyDoseMg()) + " mg = "
                    + perMg.toPlainString() + " (ng/mL)/mg (2 decimals, half-up)");
            if (patient.bsaM2() != null) {
                double dosePerM2 = sample.dailyDoseMg() / patient.bsaM2();
                perMgPerM2 = Decimals.round(concentration / dosePerM2, 2);
                reasons.add("per BSA " + text(concentration) + " ng/mL / (" + text(sample.dailyDoseMg()) + " mg / "
                        + text(patient.bsaM2()) + " m2) = " + perMgPerM2.toPlainString() + " (ng/mL)/(mg/m2)");
            } else {
                reasons.add("no BSA: no (ng/mL)/(mg/m2) value");
            }
            if (sample.kind() == SampleKind.TROUGH) {
                judgeRange(concentration, flags, reasons);
                judgeInteraction(perMg, inhibitors, referenceMedian, flags, reasons);
            } else {
                reasons.add(sample.kind() + " sample: reference range and interaction rule apply to troughs only");
            }
        }
        return new TroughJudgement(sample, daysSinceStart, courseDay, steadyState, hours, inWindow, perMg, perMgPerM2,
                inhibitors, referenceMedian, flags, reasons);
    }

    private boolean judgeSteadyState(PatientContext patient, LocalDate sampleDate, long courseDay, List<Finding> flags,
            List<String> reasons) {
        LocalDate lastChange = patient.lastDoseChangeOnOrBefore(sampleDate);
        long daysSinceChange = ChronoUnit.DAYS.between(lastChange, sampleDate);
        boolean lateEnough = courseDay >= settings.steadyStateMinCourseDay();
        boolean doseStable = daysSinceChange >= settings.steadyStateMinDaysSinceDoseChange();
        String rule = "steady state needs course day >= " + settings.steadyStateMinCourseDay() + " (is " + courseDay
                + ") and >= " + settings.steadyStateMinDaysSinceDoseChange() + " days since the last dose change ("
                + lastChange + ", " + daysSinceChange + " days)";
        if (lateEnough && doseStable) {
            reasons.add(rule + ": met");
            return true;
        }
        flags.add(new Finding(TroughFlag.NOT_STEADY_STATE, rule + ": not met"));
        return false;
    }

    private double referenceMedian(InteractionFreeReference reference, List<String> reasons) {
        if (reference != null && reference.cohortMedianNgPerMlPerMg() != null
                && reference.sampleCount() >= settings.minInteractionFreeSamples()) {
            reasons.add("interaction-free reference: cohort median " + text(reference.cohortMedianNgPerMlPerMg())
                    + " (ng/mL)/mg of " + reference.sampleCount() + " samples");
            return reference.cohortMedianNgPerMlPerMg();
        }
        int count = reference == null ? 0 : reference.sampleCount();
        reasons.add("interaction-free reference: fallback " + text(settings.fallbackInteractionFreeMedian())
                + " (ng/mL)/mg, the cohort has " + count + " samples (< " + settings.minInteractionFreeSamples() + ")");
        return settings.fallbackInteractionFreeMedian();
    }

    private static boolean isBelowLloq(PkSample sample) {
        return sample.belowLloq() || (sample.concentrationNgPerMl() != null && sample.lloqNgPerMl() != null
                && sample.concentrationNgPerMl() < sample.lloqNgPerMl());
    }

    private void judgeRange(double concentration, List<Finding> flags, List<String> reasons) {
        String range = "reference range " + text(settings.referenceLowNgPerMl()) + "-"
                + text(settings.referenceHighNgPerMl()) + " ng/mL (configurable placeholder, not a validated range)";
        if (concentration > settings.referenceHighNgPerMl()) {
            flags.add(new Finding(TroughFlag.ABOVE_RANGE, text(concentration) + " ng/mL above the " + range));
        } else if (concentration < settings.referenceLowNgPerMl()) {
            flags.add(new Finding(TroughFlag.BELOW_RANGE, text(concentration) + " ng/mL below the " + range));
        } else {
            reasons.add(text(concentration) + " ng/mL within the " + range);
        }
    }

    private void judgeInteraction(BigDecimal perMg, List<CoMedication> inhibitors, double referenceMedian,
            List<Finding> flags, List<String> reasons) {
        double threshold = settings.interactionFactor() * referenceMedian;
        List<CoMedication> strong = inhibitors.stream().filter(m -> m.cyp3a() == Cyp3aClass.STRONG).toList();
        boolean high = perMg.doubleValue() >= threshold;
        String comparison = perMg.toPlainString() + " (ng/mL)/mg " + (high ? ">=" : "<") + " "
                + text(settings.interactionFactor()) + " x " + text(referenceMedian) + " = " + text(threshold);
        if (!strong.isEmpty() && high) {
            flags.add(new Finding(TroughFlag.INTERACTION_SUSPECTED, "strong CYP3A inhibitor "
                    + String.join(", ", strong.stream().map(CoMedication::name).toList()) + " taken and " + comparison));
        } else {
            reasons.add("interaction rule (strong CYP3A inhibitor and dose-normalised trough >= "
                    + text(settings.interactionFactor()) + " x reference median): not met, "
                    + (strong.isEmpty() ? "no strong CYP3A inhibitor; " : "") + comparison);
        }
    }
}
