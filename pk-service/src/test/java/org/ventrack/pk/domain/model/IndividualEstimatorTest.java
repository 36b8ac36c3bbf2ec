package org.ventrack.pk.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ventrack.pk.domain.Cyp3aClass;
import org.ventrack.pk.domain.dose.DoseRuleSettings;
import org.ventrack.pk.domain.dose.DoseRules;
import org.ventrack.pk.domain.dose.Formulation;

class IndividualEstimatorTest {

    private static final PopPkModel MODEL = PopPkModel.zhao2026();
    /** A six-year-old: 20 kg, 115 cm. */
    private static final Covariates CHILD = new Covariates(20, 115, null);
    private static final double[] SAMPLE_HOURS = { 1, 2, 4, 6, 8, 10, 12, 16, 20, 24 };

    private final IndividualEstimator estimator = new IndividualEstimator(MODEL,
            new DoseRules(DoseRuleSettings.defaults()).rounding());

    /** Single-dose concentration of a one-compartment model with first-order absorption, written independently. */
    private static double singleDose(double doseMg, double cl, double v, double ka, double lag, double hoursSinceDose) {
        double s = hoursSinceDose - lag;
        if (s <= 0) {
            return 0;
        }
        double k = cl / v;
        return 1000 * doseMg * ka / (v * (ka - k)) * (Math.exp(-k * s) - Math.exp(-ka * s));
    }

    /** Steady state as the explicit sum of past daily doses, until one more adds less than 1e-13 of the total. */
    private static double bySuperposition(double doseMg, double cl, double v, double ka, double lag, double hoursAfterDose) {
        double sum = 0;
        for (int n = 0; n < 1_000_000; n++) {
            double term = singleDose(doseMg, cl, v, ka, lag, hoursAfterDose + n * 24.0);
            sum += term;
            if (n > 2 && term < 1e-13 * sum) {
                break;
            }
        }
        return sum;
    }

    /**
     * The MAP objective written out again from the published equations of Zhao et al. 2026 (Eq. 5 and 6, Table 3),
     * on the superposition prediction: CL/F = 4.8 x (BSA/1.27)^1.4 x exp(-1.1 x triazole) x exp(eta_CL), BSA by
     * Stevenson, V/F = 124.7 x exp(eta_V) (total protein at its reference), proportional error 0.38, omega^2 0.996^2
     * and 0.608^2.
     */
    private static double independentObjective(List<PkObservation> observations, double etaCl, double etaV) {
        double bsa = 0.0061 * 115 + 0.0128 * 20 - 0.1529;
        double cl = 4.8 * Math.pow(bsa / 1.27, 1.4) * Math.exp(etaCl);
        double v = 124.7 * Math.exp(etaV);
        double sum = etaCl * etaCl / (0.996 * 0.996) + etaV * etaV / (0.608 * 0.608);
        for (PkObservation o : observations) {
            double factor = o.inhibitor() == Cyp3aClass.STRONG ? Math.exp(-1.1) : 1.0;
            double f = bySuperposition(o.dailyDoseMg(), cl * factor, v, 0.15, 0, o.hoursAfterDose());
            double variance = Math.pow(0.38 * f, 2);
            sum += Math.pow(o.concentrationNgPerMl() - f, 2) / variance + Math.log(variance);
        }
        return sum;
    }

    /** Observations simulated with the model and its residual error for known etas. */
    private static List<PkObservation> simulate(Random random, double etaCl, double etaV, double doseMg,
            Cyp3aClass inhibitor, double[] hours) {
        MapObjective truth = new MapObjective(MODEL, CHILD, List.of());
        List<PkObservation> observations = new ArrayList<>();
        for (double t : hours) {
            double f = truth.predict(doseMg, inhibitor, t, etaCl, etaV);
            double y = f * (1 + MODEL.proportionalError() * random.nextGaussian())
                    + MODEL.additiveErrorNgPerMl() * random.nextGaussian();
            observations.add(new PkObservation(t, doseMg, Math.max(y, 1.0), inhibitor));
        }
        return observations;
    }

    private static EstimateRequest request(List<PkObservation> observations, Double target) {
        return new EstimateRequest(CHILD, observations, 200, Cyp3aClass.NONE, target, Formulation.TABLET);
    }

    @ParameterizedTest(name = "{0} h after the dose, ka {1}, lag {2} h")
    @CsvSource({ "0, 0.15, 0", "3, 0.15, 0", "12, 0.15, 0", "24, 0.15, 0", "28, 0.15, 0", "0, 0.3, 1", "0.5, 0.3, 1",
            "1, 0.3, 1", "7.5, 0.3, 1", "23.9, 0.3, 1" })
    void theClosedFormEqualsTheSumOfPastDoses(double hours, double ka, double lag) {
        double closed = SteadyState.concentration(200, 6.0, 150, ka, lag, 24, hours);
        assertEquals(bySuperposition(200, 6.0, 150, ka, lag, hours), closed, 1e-6 * closed);
    }

    @Test
    void theTypicalValuesFollowThePublishedEquations() {
        Covariates reference = new Covariates(39.6796875, 150, 62.0); // Stevenson BSA 1.27 m2, the reference
        assertEquals(1.27, MODEL.bsa(reference), 1e-9);
        assertEquals(4.8, MODEL.typicalClearance(reference), 1e-9);
        assertEquals(124.7, MODEL.typicalVolume(reference), 1e-9);
        assertEquals(0.0061 * 115 + 0.0128 * 20 - 0.1529, MODEL.bsa(CHILD), 1e-12);
        assertEquals(4.8 * Math.pow(MODEL.bsa(CHILD) / 1.27, 1.4), MODEL.typicalClearance(CHILD), 1e-9);
        assertEquals(124.7 * Math.pow(70 / 62.0, 1.7), MODEL.typicalVolume(new Covariates(20, 115, 70.0)), 1e-9);
        assertEquals(124.7, MODEL.typicalVolume(CHILD), 1e-9); // total protein unknown: its reference
        assertEquals(0.333, MODEL.inhibitorFactor(Cyp3aClass.STRONG), 0.0005); // exp(-1.1): CL/F down by 67 %
        assertEquals(1.0, MODEL.inhibitorFactor(Cyp3aClass.MODERATE), 0);
        assertEquals(1.0, MODEL.inhibitorFactor(Cyp3aClass.NONE), 0);
    }

    @Test
    void withoutSamplesTheEstimateIsThePopulationValue() {
        IndividualEstimate estimate = estimator.estimate(request(List.of(), null));

        assertEquals(MODEL.typicalClearance(CHILD), estimate.clearance().estimate(), 1e-6);
        assertEquals(MODEL.typicalVolume(CHILD), estimate.volume().estimate(), 1e-4);
        // no data: the posterior is the prior, so SE(eta) = omega
        assertEquals(Math.sqrt(MODEL.omegaSquaredClearance()), estimate.clearance().etaStandardError(), 1e-4);
        assertEquals(Math.sqrt(MODEL.omegaSquaredVolume()), estimate.volume().etaStandardError(), 1e-4);
        assertNull(estimate.doseForTarget());
    }

    @Test
    void theMapOptimumIsTheMinimumOfAFineGridOverAnIndependentObjective() {
        Random random = new Random(7);
        List<PkObservation> observations = new ArrayList<>(simulate(random, 0.5, -0.3, 200, Cyp3aClass.NONE,
                new double[] { 2, 6, 12, 24, 24 }));
        observations.addAll(simulate(random, 0.5, -0.3, 50, Cyp3aClass.STRONG, new double[] { 4, 8, 16, 23, 24 }));

        IndividualEstimate estimate = estimator.estimate(request(observations, null));

        double[] best = { 0, 0, Double.MAX_VALUE };
        gridSearch(observations, -2, 2, -2, 2, 0.02, best);
        gridSearch(observations, best[0] - 0.02, best[0] + 0.02, best[1] - 0.02, best[1] + 0.02, 0.0005, best);
        assertEquals(best[0], estimate.clearance().eta(), 0.002);
        assertEquals(best[1], estimate.volume().eta(), 0.002);
        assertEquals(best[2], estimate.objectiveValue(), 1e-4 * Math.abs(best[2]));
    }

    private static void gridSearch(List<PkObservation> observations, double clFrom, double clTo, double vFrom,
            double vTo, double step, double[] best) {
        for (double etaCl = clFrom; etaCl <= clTo + 1e-12; etaCl += step) {
            for (double etaV = vFrom; etaV <= vTo + 1e-12; etaV += step) {
                double value = independentObjective(observations, etaCl, etaV);
                if (value < best[2]) {
                    best[0] = etaCl;
                    best[1] = etaV;
                    best[2] = value;
                }
            }
        }
    }

    @Test
    void recoversTheClearanceOfSimulatedPatients() {
        Random random = new Random(20240601);
        int patients = 40;
        double[] logErrors = new double[patients];
        double[] priorLogErrors = new double[patients];
        int covered = 0;
        for (int p = 0; p < patients; p++) {
            double etaCl = Math.sqrt(MODEL.omegaSquaredClearance()) * random.nextGaussian();
            double etaV = Math.sqrt(MODEL.omegaSquaredVolume()) * random.nextGaussian();
            Cyp3aClass inhibitor = p % 4 == 0 ? Cyp3aClass.STRONG : Cyp3aClass.NONE;
            List<PkObservation> observations = simulate(random, etaCl, etaV, inhibitor == Cyp3aClass.STRONG ? 50 : 200,
                    inhibitor, SAMPLE_HOURS);

            IndividualEstimate estimate = estimator.estimate(request(observations, null));

            double trueClearance = MODEL.typicalClearance(CHILD) * Math.exp(etaCl);
            logErrors[p] = Math.abs(Math.log(estimate.clearance().estimate() / trueClearance));
            priorLogErrors[p] = Math.abs(etaCl);
            double objectiveAtTruth = new MapObjective(MODEL, CHILD, observations).value(etaCl, etaV);
            // the optimiser finds a posterior mode at least as good as the true parameters
            assertTrue(estimate.objectiveValue() <= objectiveAtTruth + 1e-6, "patient " + p + ": objective "
                    + estimate.objectiveValue() + " above its value at the truth " + objectiveAtTruth);
            // no gross error for the reported uncertainty (the 95 % coverage over all patients is checked below)
            assertTrue(logErrors[p] < 4.5 * estimate.clearance().etaStandardError(), "patient " + p + ": CL/F "
                    + estimate.clearance().estimate() + " vs true " + trueClearance + ", SE(eta) "
                    + estimate.clearance().etaStandardError());
            assertTrue(estimate.clearance().lower95() < estimate.clearance().estimate()
                    && estimate.clearance().estimate() < estimate.clearance().upper95());
            if (estimate.clearance().lower95() <= trueClearance && trueClearance <= estimate.clearance().upper95()) {
                covered++;
            }
        }
        double median = median(logErrors);
        System.out.printf("simulated patients: median |log(CL/F estimate / true)| = %.3f (population value: %.3f),"
                + " true CL/F inside the 95 %% interval for %d of %d%n", median, median(priorLogErrors), covered, patients);
        assertTrue(median < 0.15, "median log error " + median);
        assertTrue(median < median(priorLogErrors) / 4, "the samples should cut the error of the prior by 4");
        assertTrue(covered >= 34, "95 % intervals cover the truth for " + covered + " of " + patients);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @ParameterizedTest(name = "target trough {0} ng/mL")
    @CsvSource({ "300", "800", "1500" })
    void theDoseForATargetTroughPredictsThatTroughBack(double target) {
        List<PkObservation> observations = simulate(new Random(11), -0.4, 0.2, 200, Cyp3aClass.NONE, SAMPLE_HOURS);

        IndividualEstimate estimate = estimator.estimate(request(observations, target));
        IndividualEstimate.DoseForTarget dose = estimate.doseForTarget();

        MapObjective individual = new MapObjective(MODEL, CHILD, List.of());
        double eCl = estimate.clearance().eta();
        double eV = estimate.volume().eta();
        assertEquals(target, individual.predict(dose.exactDoseMg(), Cyp3aClass.NONE, 24, eCl, eV), 1e-9 * target);
        assertEquals(0, dose.roundedDoseMg() % 10, 1e-9);
        assertEquals(individual.predict(dose.roundedDoseMg(), Cyp3aClass.NONE, 24, eCl, eV),
                dose.predictedTroughAtRoundedDoseNgPerMl(), 1e-9 * target);
        assertTrue(Math.abs(dose.roundedDoseMg() - dose.exactDoseMg()) <= 5 + 1e-9);
        assertEquals(estimate.predictedTroughNgPerMl(), estimate.profile().get(estimate.profile().size() - 1)
                .concentrationNgPerMl(), 1e-9);
    }

    @Test
    void timingOfOneEstimateWithTenSamples() {
        List<PkObservation> observations = simulate(new Random(3), 0.2, 0.1, 200, Cyp3aClass.NONE, SAMPLE_HOURS);
        for (int i = 0; i < 20; i++) {
            estimator.estimate(request(observations, 800.0)); // warm-up
        }
        int runs = 50;
        long start = System.nanoTime();
        IndividualEstimate last = null;
        for (int i = 0; i < runs; i++) {
            last = estimator.estimate(request(observations, 800.0));
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("one MAP estimate with 10 samples: %.2f ms (%d objective evaluations)%n", ms,
                last.objectiveEvaluations());
    }
}
