package org.ventrack.pk.domain.dose;

import java.util.List;
import java.util.Set;

/**
 * Numbers of the venetoclax dose rules. Every value is a setting ({@code ventrack.pk.dose.*}, read by DoseRulesConfig);
 * {@link #defaults()} says where each default comes from and which are placeholders.
 *
 * @param ageBandLimitYears from this age the BSA dose {@code mgPerM2} applies; below it the age bands
 * @param youngChildBands mg/m2 by age band below {@code ageBandLimitYears}
 * @param mgPerM2 daily dose per m2 of BSA (Mosteller) from {@code ageBandLimitYears}
 * @param maxDailyDoseMg cap of the BSA-based target dose
 * @param rampUpFractions fraction of the target dose on day 1, 2, ... of cycle 1; later days get the full target
 * @param adultDoseMg the adult dose the label's interaction doses refer to
 * @param posaconazoleAdultDoseMg label dose with posaconazole, scaled by target / {@code adultDoseMg}
 * @param otherStrongAdultDoseMg label dose with other strong CYP3A inhibitors, scaled likewise
 * @param posaconazoleNames co-medication names (lower case) treated as posaconazole
 * @param moderateOrPgpFactor multiplier for a moderate CYP3A or a P-gp inhibitor
 * @param resumeDaysAfterInhibitorStop the reduced dose lasts until this many days after the inhibitor's last day
 * @param tabletStrengthsMg tablet strengths, largest first
 * @param tabletStepMg rounding step with tablets (the smallest strength)
 * @param suspensionStepMg rounding step with the oral suspension
 */
public record DoseRuleSettings(double ageBandLimitYears, List<AgeBand> youngChildBands, double mgPerM2,
        double maxDailyDoseMg, List<Double> rampUpFractions, double adultDoseMg, double posaconazoleAdultDoseMg,
        double otherStrongAdultDoseMg, Set<String> posaconazoleNames, double moderateOrPgpFactor,
        int resumeDaysAfterInhibitorStop, List<Integer> tabletStrengthsMg, double tabletStepMg,
        double suspensionStepMg) {

    public DoseRuleSettings {
        youngChildBands = List.copyOf(youngChildBands);
        rampUpFractions = List.copyOf(rampUpFractions);
        posaconazoleNames = Set.copyOf(posaconazoleNames);
        tabletStrengthsMg = List.copyOf(tabletStrengthsMg);
        if (!(tabletStepMg > 0) || !(suspensionStepMg > 0)) {
            throw new IllegalArgumentException("rounding steps must be positive");
        }
    }

    /**
     * Defaults and their sources:
     * <ul>
     * <li>360 mg/m2 from 2 years: recommended phase-2 dose of Karol SE et al., Lancet Oncol 2020;21:551-560
     * (NCT03194932, ages 2-22, venetoclax 240 or 360 mg/m2 with cytarabine +/- idarubicin), cited by Cousson et al.
     * 2025 (Br J Haematol); BSA by Mosteller (project convention, docs/domain.md).</li>
     * <li>cap 400 mg: adult AML dose with azacitidine/decitabine (US label Venclexta 2.2). Karol et al. capped
     * 360 mg/m2 at 600 mg (ASH 2019 report of the trial); Cousson et al. Table 4 lists 800 mg for a 14-year-old of
     * 80 kg: set the cap per protocol.</li>
     * <li>age bands under 2 years: PLACEHOLDER, TO BE CONFIRMED. Cousson et al. dosed children under 2 by age "like
     * recommended on the ongoing trial (NCT03236857)" (AbbVie M13-833) but the band table of that protocol is not
     * published in a source we could verify. Placeholder: 180 mg/m2 (50 %) under 6 months, 240 mg/m2 (67 %) from 6 to
     * 12 months, 290 mg/m2 (80 %) from 1 to 2 years. The only anchor: Cousson et al. Table 4 gave 150 mg at
     * 1.2 years/13 kg and 1.7 years/11 kg, roughly 75-85 % of 360 mg/m2 for plausible heights.</li>
     * <li>ramp-up 25 %, 50 %, then 100 % of the target on days 1, 2, 3+: the adult AML ramp-up 100, 200, 400 mg on
     * days 1-3 (US label Venclexta 2.2, with azacitidine or decitabine) as fractions of 400 mg. Paediatric protocols
     * may differ; Cousson et al. only say "dose escalation at the beginning of the first cycle".</li>
     * <li>strong CYP3A inhibitors: label dose at steady state 70 mg with posaconazole and 100 mg with other strong
     * inhibitors, for 400 mg without (US label 2.4, Table "Management of potential venetoclax interactions"); read for
     * children as target x 70/400 and target x 100/400, i.e. reductions of at least 82.5 % and 75 %.</li>
     * <li>moderate CYP3A or P-gp inhibitor: reduce by at least 50 % (US label 2.4): factor 0.5.</li>
     * <li>resume 3 days after the inhibitor's last day: the label says "2 to 3 days after discontinuation of the
     * inhibitor" (US label 2.4); 3 is the cautious end.</li>
     * <li>tablets 10, 50, 100 mg (US label 3), rounding step 10 mg. Oral suspension step 5 mg: PLACEHOLDER, to set
     * from the formulation used.</li>
     * </ul>
     */
    public static DoseRuleSettings defaults() {
        return new DoseRuleSettings(2.0,
                List.of(new AgeBand(0.0, 0.5, 180), new AgeBand(0.5, 1.0, 240), new AgeBand(1.0, 2.0, 290)),
                360, 400, List.of(0.25, 0.5, 1.0), 400, 70, 100, Set.of("posaconazole"), 0.5, 3,
                List.of(100, 50, 10), 10, 5);
    }
}
