package org.ventrack.pk.domain.model;

import java.util.Objects;

import org.ventrack.pk.domain.BodySurfaceArea;
import org.ventrack.pk.domain.Cyp3aClass;

/**
 * A one-compartment venetoclax model with first-order absorption (after an optional lag), once-daily dosing,
 * covariates on apparent clearance and volume, log-normal between-patient variability on CL/F and V/F (diagonal
 * omega) and a combined proportional + additive residual error:
 *
 * <pre>
 * CL/F_i = CL x (BSA / BSAref)^bsaExpCL x exp(theta_inhibitor(class)) x exp(eta_CL)
 * V/F_i  = V  x (BSA / BSAref)^bsaExpV  x (TP / TPref)^tpExpV          x exp(eta_V)
 * y      = f + f x eps_prop + eps_add,   var(y) = (proportionalError x f)^2 + additiveError^2
 * </pre>
 * with BSA computed by {@code bsaFormula} and TP the total serum protein (the reference value when not recorded).
 * Every number is configuration ({@code ventrack.pk.model.*}); {@link #zhao2026()} is the published model the service
 * runs with by default.
 *
 * @param source the publication the numbers come from, shown with every estimate
 * @param absorptionRatePerHour ka, 1/h
 * @param lagTimeHours absorption lag, h (must not exceed the dosing interval)
 * @param typicalClearanceLPerHour CL/F at the reference covariates without inhibitor, L/h
 * @param typicalVolumeL V/F at the reference covariates, L
 * @param bsaFormula how the model's BSA covariate is computed from height and weight
 * @param referenceBsaM2 BSA the typical values refer to, m2
 * @param clearanceBsaExponent power of BSA / referenceBsa on CL/F
 * @param volumeBsaExponent power of BSA / referenceBsa on V/F
 * @param referenceTotalProteinGPerL total protein the typical V/F refers to, g/L
 * @param volumeTotalProteinExponent power of TP / referenceTotalProtein on V/F
 * @param strongInhibitorClearanceCoefficient CL/F is multiplied by exp(coefficient) with a strong CYP3A inhibitor
 * @param moderateInhibitorClearanceCoefficient likewise with a moderate CYP3A inhibitor
 * @param weakInhibitorClearanceCoefficient likewise with a weak CYP3A inhibitor
 * @param omegaSquaredClearance variance of eta_CL
 * @param omegaSquaredVolume variance of eta_V
 * @param proportionalError SD of the proportional residual error (fraction)
 * @param additiveErrorNgPerMl SD of the additive residual error, ng/mL
 * @param dosingIntervalHours tau, h
 */
public record PopPkModel(String source, double absorptionRatePerHour, double lagTimeHours,
        double typicalClearanceLPerHour, double typicalVolumeL, BodySurfaceArea.Formula bsaFormula,
        double referenceBsaM2, double clearanceBsaExponent, double volumeBsaExponent,
        double referenceTotalProteinGPerL, double volumeTotalProteinExponent,
        double strongInhibitorClearanceCoefficient, double moderateInhibitorClearanceCoefficient,
        double weakInhibitorClearanceCoefficient, double omegaSquaredClearance, double omegaSquaredVolume,
        double proportionalError, double additiveErrorNgPerMl, double dosingIntervalHours) {

    public PopPkModel {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bsaFormula, "bsaFormula");
        if (lagTimeHours < 0 || lagTimeHours > dosingIntervalHours) {
            throw new IllegalArgumentException("lag time must be within the dosing interval: " + lagTimeHours);
        }
        if (!(absorptionRatePerHour > 0) || !(typicalClearanceLPerHour > 0) || !(typicalVolumeL > 0)
                || !(referenceBsaM2 > 0) || !(referenceTotalProteinGPerL > 0) || !(dosingIntervalHours > 0)) {
            throw new IllegalArgumentException("rates, typical values, references and the interval must be positive");
        }
        if (!(omegaSquaredClearance > 0) || !(omegaSquaredVolume > 0)) {
            throw new IllegalArgumentException("omega variances must be positive");
        }
        if (proportionalError < 0 || additiveErrorNgPerMl < 0 || !(proportionalError > 0 || additiveErrorNgPerMl > 0)) {
            throw new IllegalArgumentException("the residual error needs a positive component and no negative one");
        }
    }

    /**
     * Zhao Y, Song X, Zhang L, Zhu Y, Chen J, Gong Y, Luo X, He H, Zhang X, Huang L. Population pharmacokinetic analyses
     * and exposure-efficacy relationships of venetoclax in Chinese pediatric patients with hematological malignancy in
     * a real-world setting. Drug Des Devel Ther 2026;20:583847, doi:10.2147/DDDT.S583847 (96 children aged 0.3-18 years,
     * BSA 0.33-2.35 m2, 225 concentrations, 64 with AML). We could not read the paper itself; the numbers are those of
     * its Table 3 and Equations 5 and 6 as transcribed, with the table cell of each, in nlmixr2lib
     * ({@code inst/modeldb/specificDrugs/Zhao_2026_venetoclax.R}, commit afa384bc); the abstract (read on
     * biocloudy.com) confirms the structure, ka, CL/F, V/F and the covariates.
     * <ul>
     * <li>one compartment, first-order absorption, no lag; ka 0.15 /h fixed by the authors; tau 24 h (once daily).</li>
     * <li>CL/F 4.8 L/h x (BSA / 1.27)^1.4 x exp(-1.1 x triazole) (Eq. 6); BSA by Stevenson's formula; the triazoles of
     * the cohort were posaconazole and voriconazole, strong CYP3A inhibitors, so the coefficient applies to the STRONG
     * class. The model has no term for moderate or weak inhibitors: coefficients 0.</li>
     * <li>V/F 124.7 L x (TP / 62 g/L)^1.7 (Eq. 5); no BSA term on V/F.</li>
     * <li>omega: Table 3 prints 0.996 (CL/F) and 0.608 (V/F) without a scale; nlmixr2lib reads them as SDs (its two
     * consistency checks are in the file), so the variances are 0.996^2 = 0.992016 and 0.608^2 = 0.369664. An inference, not a printed
     * value.</li>
     * <li>residual error: proportional, SD 0.38; no additive part.</li>
     * </ul>
     */
    public static PopPkModel zhao2026() {
        return new PopPkModel("Zhao et al., Drug Des Devel Ther 2026;20:583847 (doi:10.2147/DDDT.S583847), Table 3, "
                + "Eq. 5-6, as transcribed in nlmixr2lib Zhao_2026_venetoclax",
                0.15, 0, 4.8, 124.7, BodySurfaceArea.Formula.STEVENSON, 1.27, 1.4, 0, 62, 1.7, -1.1, 0, 0,
                0.992016, 0.369664, 0.38, 0, 24);
    }

    /** CL/F multiplier of an inhibitor class, exp(coefficient). */
    public double inhibitorFactor(Cyp3aClass inhibitor) {
        return Math.exp(switch (inhibitor) {
            case STRONG -> strongInhibitorClearanceCoefficient;
            case MODERATE -> moderateInhibitorClearanceCoefficient;
            case WEAK -> weakInhibitorClearanceCoefficient;
            case NONE -> 0.0;
        });
    }

    /** The model's BSA covariate. */
    public double bsa(Covariates covariates) {
        return bsaFormula.of(covariates.heightCm(), covariates.weightKg());
    }

    /** Typical CL/F for the covariates without inhibitor. */
    public double typicalClearance(Covariates covariates) {
        return typicalClearanceLPerHour * Math.pow(bsa(covariates) / referenceBsaM2, clearanceBsaExponent);
    }

    /** Typical V/F for the covariates. */
    public double typicalVolume(Covariates covariates) {
        double protein = covariates.totalProteinGPerL() == null ? referenceTotalProteinGPerL
                : covariates.totalProteinGPerL();
        return typicalVolumeL * Math.pow(bsa(covariates) / referenceBsaM2, volumeBsaExponent)
                * Math.pow(protein / referenceTotalProteinGPerL, volumeTotalProteinExponent);
    }

    /** Residual variance of an observation whose prediction is {@code predicted} ng/mL. */
    public double residualVariance(double predicted) {
        double proportional = proportionalError * predicted;
        return proportional * proportional + additiveErrorNgPerMl * additiveErrorNgPerMl;
    }
}
