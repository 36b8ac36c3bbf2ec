package org.ventrack.pk.domain.model;

import org.ventrack.pk.domain.Cyp3aClass;

/**
 * A one-compartment venetoclax model with first-order absorption after a lag, once-daily dosing, body-size and CYP3A
 * inhibitor covariates on apparent clearance, log-normal between-patient variability on CL/F and V/F (diagonal omega)
 * and a combined proportional + additive residual error:
 *
 * <pre>
 * CL/F_i = typicalClearance x (BSA / referenceBsa)^clearanceBsaExponent x inhibitorFactor(class) x exp(eta_CL)
 * V/F_i  = typicalVolume    x (BSA / referenceBsa)^volumeBsaExponent    x exp(eta_V)
 * y      = f + f x eps_prop + eps_add,   var(y) = (proportionalError x f)^2 + additiveError^2
 * </pre>
 *
 * <b>The default values are NOT those of one published model and must be checked against the published venetoclax
 * population PK models before any clinical use.</b> Published models (Jones AK et al., AAPS J 2016;18:1192-1202,
 * pooled CLL/NHL; Brackman DJ et al., Hematol Oncol 2022;40:269-279, AML; reviewed by Zhao Y et al., Drug Des Devel
 * Ther 2024;18:1771-1784) are mostly two-compartment; we could not read their parameter tables, so {@link #defaults()}
 * assembles a one-compartment approximation from figures we could read, each cited there.
 *
 * @param absorptionRatePerHour ka, 1/h
 * @param lagTimeHours absorption lag, h (must not exceed the dosing interval)
 * @param typicalClearanceLPerHour CL/F at the reference BSA without inhibitor, L/h
 * @param typicalVolumeL V/F at the reference BSA, L
 * @param referenceBsaM2 BSA the typical values refer to, m2
 * @param clearanceBsaExponent exponent of BSA / referenceBsa on CL/F
 * @param volumeBsaExponent exponent of BSA / referenceBsa on V/F
 * @param strongInhibitorClearanceFactor CL/F multiplier with a strong CYP3A inhibitor
 * @param moderateInhibitorClearanceFactor CL/F multiplier with a moderate CYP3A inhibitor
 * @param weakInhibitorClearanceFactor CL/F multiplier with a weak CYP3A inhibitor
 * @param omegaSquaredClearance variance of eta_CL
 * @param omegaSquaredVolume variance of eta_V
 * @param proportionalError SD of the proportional residual error (fraction)
 * @param additiveErrorNgPerMl SD of the additive residual error, ng/mL
 * @param dosingIntervalHours tau, h
 */
public record PopPkModel(double absorptionRatePerHour, double lagTimeHours, double typicalClearanceLPerHour,
        double typicalVolumeL, double referenceBsaM2, double clearanceBsaExponent, double volumeBsaExponent,
        double strongInhibitorClearanceFactor, double moderateInhibitorClearanceFactor,
        double weakInhibitorClearanceFactor, double omegaSquaredClearance, double omegaSquaredVolume,
        double proportionalError, double additiveErrorNgPerMl, double dosingIntervalHours) {

    public PopPkModel {
        if (lagTimeHours < 0 || lagTimeHours > dosingIntervalHours) {
            throw new IllegalArgumentException("lag time must be within the dosing interval: " + lagTimeHours);
        }
        if (!(omegaSquaredClearance > 0) || !(omegaSquaredVolume > 0)) {
            throw new IllegalArgumentException("omega variances must be positive");
        }
        if (!(proportionalError > 0) && !(additiveErrorNgPerMl > 0)) {
            throw new IllegalArgumentException("the residual error needs a positive component");
        }
    }

    /**
     * Defaults, all to be verified:
     * <ul>
     * <li>CL/F 12.2 L/h: 400 mg / mean steady-state AUC0-24 32.8 ug.h/mL at 400 mg daily (US label Venclexta 12.3,
     * low-fat meal). The review of Zhao et al. 2024 gives a median CL/F of 446 L/day (18.6 L/h) across six models.</li>
     * <li>V/F 290 L: middle of the label's population Vdss/F 256-321 L (US label 12.3). With CL/F 12.2 L/h the
     * half-life is about 16 h (label terminal half-life about 26 h, from two-compartment models).</li>
     * <li>ka 0.3 /h and lag 1 h: ASSUMED so that the steady-state peak falls 5-8 h after the dose (label 12.3).</li>
     * <li>reference BSA 1.73 m2, exponents 0.75 on CL/F and 1 on V/F: ASSUMED allometric scaling to children; the
     * adult models found no clinically meaningful effect of weight, and Cousson et al. 2025 found children's troughs
     * lower than adults'.</li>
     * <li>strong CYP3A inhibitor x 0.15: ketoconazole raised venetoclax AUC 6.4-fold (Agarwal SK et al., Br J Clin
     * Pharmacol 2017;83:846-854); posaconazole about 7- to 14-fold dose-normalised (Agarwal SK et al., Clin Ther
     * 2017;39:359-367). Moderate x 0.5: ASSUMED from the label's 50 % reduction. Weak x 1.</li>
     * <li>omega: 39.5 % CV on CL/F and 46.7 % CV on V/F, the medians of Zhao et al. 2024, as variances
     * ln(1 + CV^2) = 0.145 and 0.196.</li>
     * <li>residual error 30 % proportional + 10 ng/mL additive: ASSUMED.</li>
     * <li>dosing interval 24 h (once daily).</li>
     * </ul>
     */
    public static PopPkModel defaults() {
        return new PopPkModel(0.3, 1.0, 12.2, 290, 1.73, 0.75, 1.0, 0.15, 0.5, 1.0,
                Math.log(1 + 0.395 * 0.395), Math.log(1 + 0.467 * 0.467), 0.30, 10, 24);
    }

    public double inhibitorFactor(Cyp3aClass inhibitor) {
        return switch (inhibitor) {
            case STRONG -> strongInhibitorClearanceFactor;
            case MODERATE -> moderateInhibitorClearanceFactor;
            case WEAK -> weakInhibitorClearanceFactor;
            case NONE -> 1.0;
        };
    }

    /** Typical CL/F for a BSA without inhibitor. */
    public double typicalClearance(double bsaM2) {
        return typicalClearanceLPerHour * Math.pow(bsaM2 / referenceBsaM2, clearanceBsaExponent);
    }

    /** Typical V/F for a BSA. */
    public double typicalVolume(double bsaM2) {
        return typicalVolumeL * Math.pow(bsaM2 / referenceBsaM2, volumeBsaExponent);
    }

    /** Residual variance of an observation whose prediction is {@code predicted} ng/mL. */
    public double residualVariance(double predicted) {
        double proportional = proportionalError * predicted;
        return proportional * proportional + additiveErrorNgPerMl * additiveErrorNgPerMl;
    }
}
