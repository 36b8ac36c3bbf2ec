package org.ventrack.pk.domain.dose;

import static org.ventrack.pk.domain.Decimals.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ventrack.pk.domain.BodySurfaceArea;
import org.ventrack.pk.domain.CoMedication;
import org.ventrack.pk.domain.Cyp3aClass;
import org.ventrack.pk.domain.dose.DoseRounding.RoundedDose;

/**
 * The daily venetoclax dose of a child, with the rule path:
 * <ol>
 * <li>target: under {@code ageBandLimitYears} the age band's mg/m2, from it {@code mgPerM2} capped at
 * {@code maxDailyDoseMg}, both times the Mosteller BSA;</li>
 * <li>phase: on ramp-up day n of cycle 1 the day's fraction of the target;</li>
 * <li>inhibitors taken on the day, or stopped less than {@code resumeDaysAfterInhibitorStop} days before: the
 * strongest reduction (posaconazole, other strong CYP3A, moderate CYP3A or P-gp), rounded down;</li>
 * <li>otherwise, after an inhibitor has stopped, the previous dose if given;</li>
 * <li>rounding to a dose that can be given.</li>
 * </ol>
 */
public final class DoseRules {

    private final DoseRuleSettings settings;
    private final DoseRounding rounding;

    public DoseRules(DoseRuleSettings settings) {
        this.settings = settings;
        this.rounding = new DoseRounding(settings);
    }

    public DoseRounding rounding() {
        return rounding;
    }

    public DoseDecision decide(DoseRequest request) {
        List<String> path = new ArrayList<>();
        double bsa = BodySurfaceArea.mosteller(request.heightCm(), request.weightKg());
        path.add("BSA (Mosteller) sqrt(" + text(request.heightCm()) + " cm x " + text(request.weightKg())
                + " kg / 3600) = " + String.format(Locale.ROOT, "%.3f", bsa) + " m2");
        double target = targetDose(request.age().years(), bsa, path);

        double dose = target;
        if (request.phase() instanceof DosePhase.RampUp rampUp) {
            List<Double> fractions = settings.rampUpFractions();
            double fraction = rampUp.day() <= fractions.size() ? fractions.get(rampUp.day() - 1) : 1.0;
            dose = target * fraction;
            path.add("ramp-up day " + rampUp.day() + " of cycle 1: " + text(fraction * 100) + " % of the target = "
                    + fmt(dose) + " mg (schedule " + fractions + " by day, full target after)");
        } else {
            path.add("maintenance: full target " + fmt(target) + " mg");
        }

        List<CoMedication> acting = actingInhibitors(request);
        if (!acting.isEmpty()) {
            return reduceForInhibitors(request, bsa, target, dose, acting, path);
        }
        Optional<CoMedication> stopped = lastStoppedInhibitor(request);
        if (stopped.isPresent() && request.previousDoseMg() != null) {
            CoMedication inhibitor = stopped.get();
            path.add("resume the dose used before the inhibitor, " + text(request.previousDoseMg()) + " mg: "
                    + inhibitor.name() + " stopped on " + inhibitor.end() + ", resumption from "
                    + inhibitor.end().plusDays(settings.resumeDaysAfterInhibitorStop()) + " ("
                    + settings.resumeDaysAfterInhibitorStop() + " days after its last day)");
            dose = request.previousDoseMg();
        }
        RoundedDose rounded = rounding.nearest(dose, request.formulation());
        path.add("rounded to the nearest " + text(rounding.step(request.formulation())) + " mg: "
                + text(rounded.mg()) + " mg (" + rounded.administration() + ")");
        return new DoseDecision(rounded.mg(), rounded.administration(), bsa, target, path);
    }

    private double targetDose(double ageYears, double bsa, List<String> path) {
        if (ageYears < settings.ageBandLimitYears()) {
            AgeBand band = settings.youngChildBands().stream()
                    .filter(b -> b.contains(ageYears))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no age band for " + ageYears + " years"));
            double target = band.mgPerM2() * bsa;
            path.add("age " + fmt(ageYears) + " y < " + text(settings.ageBandLimitYears()) + " y: age-adjusted band "
                    + text(band.fromYears()) + "-" + text(band.toYears()) + " y, " + text(band.mgPerM2())
                    + " mg/m2 (table ventrack.pk.dose.young-child-bands; its default is an unverified placeholder) x " + fmt(bsa) + " m2 = "
                    + fmt(target) + " mg");
            return target;
        }
        double raw = settings.mgPerM2() * bsa;
        String rule = "age " + fmt(ageYears) + " y >= " + text(settings.ageBandLimitYears()) + " y: "
                + text(settings.mgPerM2()) + " mg/m2 x " + fmt(bsa) + " m2 = " + fmt(raw) + " mg";
        if (raw > settings.maxDailyDoseMg()) {
            path.add(rule + ", capped at " + text(settings.maxDailyDoseMg()) + " mg");
            return settings.maxDailyDoseMg();
        }
        path.add(rule + " (cap " + text(settings.maxDailyDoseMg()) + " mg not reached)");
        return raw;
    }

    /** Inhibitors taken on the day, or stopped fewer than resumeDays days before it (their effect lasts). */
    private List<CoMedication> actingInhibitors(DoseRequest request) {
        LocalDate date = request.date();
        return request.coMedications().stream()
                .filter(CoMedication::isInhibitor)
                .filter(m -> !date.isBefore(m.start()))
                .filter(m -> m.end() == null
                        || date.isBefore(m.end().plusDays(settings.resumeDaysAfterInhibitorStop())))
                .toList();
    }

    private Optional<CoMedication> lastStoppedInhibitor(DoseRequest request) {
        return request.coMedications().stream()
                .filter(CoMedication::isInhibitor)
                .filter(m -> m.end() != null && m.end().isBefore(request.date()))
                .max(Comparator.comparing(CoMedication::end));
    }

    private DoseDecision reduceForInhibitors(DoseRequest request, double bsa, double target, double dose,
            List<CoMedication> acting, List<String> path) {
        CoMedication strongest = acting.stream().min(Comparator.comparingDouble(this::factor)).orElseThrow();
        double factor = factor(strongest);
        for (CoMedication m : acting) {
            if (m.takenOn(request.date())) {
                path.add("inhibitor taken on " + request.date() + ": " + m.describe());
            } else {
                path.add("inhibitor stopped on " + m.end() + ", still counted until "
                        + m.end().plusDays(settings.resumeDaysAfterInhibitorStop()) + " ("
                        + settings.resumeDaysAfterInhibitorStop() + " days after its last day): " + m.describe());
            }
        }
        if (factor >= 1.0) {
            path.add("weak CYP3A inhibition only: no dose adjustment");
            RoundedDose rounded = rounding.nearest(dose, request.formulation());
            path.add("rounded to the nearest " + text(rounding.step(request.formulation())) + " mg: "
                    + text(rounded.mg()) + " mg (" + rounded.administration() + ")");
            return new DoseDecision(rounded.mg(), rounded.administration(), bsa, target, path);
        }
        double reduced = dose * factor;
        path.add(reductionRule(strongest) + ": " + fmt(dose) + " mg x " + fmt(factor) + " = " + fmt(reduced) + " mg");
        if (request.phase() instanceof DosePhase.RampUp && strongest.cyp3a() == Cyp3aClass.STRONG) {
            path.add("caution: the label contraindicates strong CYP3A inhibitors at initiation and during the ramp-up"
                    + " in CLL; in AML it gives a reduced ramp-up (10, 20, 50 mg, then 70 or 100 mg): check the protocol");
        }
        RoundedDose rounded = rounding.down(reduced, request.formulation());
        path.add("rounded down to a multiple of " + text(rounding.step(request.formulation()))
                + " mg (the reduction is a minimum, at least one step): " + text(rounded.mg()) + " mg ("
                + rounded.administration() + ")");
        return new DoseDecision(rounded.mg(), rounded.administration(), bsa, target, path);
    }

    private double factor(CoMedication m) {
        if (m.cyp3a() == Cyp3aClass.STRONG) {
            return isPosaconazole(m) ? settings.posaconazoleAdultDoseMg() / settings.adultDoseMg()
                    : settings.otherStrongAdultDoseMg() / settings.adultDoseMg();
        }
        if (m.cyp3a() == Cyp3aClass.MODERATE || m.pgpInhibitor()) {
            return settings.moderateOrPgpFactor();
        }
        return 1.0;
    }

    private String reductionRule(CoMedication m) {
        if (m.cyp3a() == Cyp3aClass.STRONG) {
            double adultDose = isPosaconazole(m) ? settings.posaconazoleAdultDoseMg() : settings.otherStrongAdultDoseMg();
            return (isPosaconazole(m) ? "posaconazole" : "strong CYP3A inhibitor " + m.name()) + ": label adult dose "
                    + text(adultDose) + " mg for " + text(settings.adultDoseMg()) + " mg, scaled to the child's dose x "
                    + text(adultDose) + "/" + text(settings.adultDoseMg());
        }
        return (m.cyp3a() == Cyp3aClass.MODERATE ? "moderate CYP3A inhibitor " : "P-gp inhibitor ") + m.name()
                + ": reduce by at least " + text((1 - settings.moderateOrPgpFactor()) * 100) + " %";
    }

    private boolean isPosaconazole(CoMedication m) {
        return settings.posaconazoleNames().contains(m.name().trim().toLowerCase(Locale.ROOT));
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
