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

    private static final PopPkModel MODEL = PopPkModel.defaults();
    private static final double BSA = 0.8;
    private static final double[] SAMPLE_HOURS = { 1, 2, 4, 6, 8, 10, 12, 16, 20, 24 };

    private final IndividualEstimator estimator = new IndividualEstimator(MODEL,
            new DoseRules(DoseRuleSettings.defaults()).rounding());

    /** Single-dose concentration, written independently of {@link SteadyState}. */
    private static double singleDose(double doseMg, double cl, double v, double hoursSinceDose) {
        double s = hoursSinceDose - MODEL.lagTimeHours();
        if (s <= 0) {
            return 0;
        }
        double k = cl / v;
        double ka = MODEL.absorptionRatePerHour();
        return 1000 * doseMg * ka / (v * (ka - k)) * (Math.exp(-k * s) - Math.exp(-ka * s));
    }

    /** Steady state as the explicit sum of 150 past daily doses. */
    private static double bySuperposition(double doseMg, double cl, double v, double hoursAfterDose) {
        double sum = 0;
        for (int n = 0; n < 150; n++) {
            sum += singleDose(doseMg, cl, v, hoursAfterDose + n * MODEL.dosingIntervalHours());
        }
        return sum;
    }

    /** The MAP objective written out again from its definition, on the superposition prediction. */
    private static double independentObjective(List<PkObservation> observations, double etaCl, double etaV) {
        double cl = 12.2 * Math.pow(BSA / 1.73, 0.75) * Math.exp(etaCl);
        double v = 290 * (BSA / 1.73) * Math.exp(etaV);
        double sum = etaCl * etaCl / Math.log(1 + 0.395 * 0.395) + etaV * etaV / Math.log(1 + 0.467 * 0.467);
        for (PkObservation o : observations) {
            double factor = o.inhibitor() == Cyp3aClass.STRONG ? 0.15 : 1.0;
            double f = bySuperposition(o.dailyDoseMg(), cl * factor, v, o.hoursAfterDose());
            double variance = Math.pow(0.30 * f, 2) + 10 * 10;
            sum += Math.pow(o.concentrationNgPerMl() - f, 2) / variance + Math.log(variance);
        }
        return sum;
    }

    /** Observations simulated with the model and its residual error for known etas. */
    private static List<PkObservation> simulate(Random random, double etaCl, double etaV, double doseMg,
            Cyp3aClass inhibitor, double[] hours) {
        MapObjective truth = new MapObjective(MODEL, BSA, List.of());
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
        return new EstimateRequest(BSA, observations, 200, Cyp3aClass.NONE, target, Formulation.TABLET);
    }

    @ParameterizedTest(name = "{0} h after the dose")
    @CsvSource({ "0", "0.5", "1", "3", "7.5", "12", "23.9", "24", "28" })
    void theClosedFormEqualsTheSumOfPastDoses(double hours) {
        double closed = SteadyState.concentration(200, 6.0, 150, MODEL.absorptionRatePerHour(), MODEL.lagTimeHours(),
                24, hours);
        assertEquals(bySuperposition(200, 6.0, 150, hours), closed, 1e-6 * closed);
    }

    @Test
    void withoutSamplesTheEstimateIsThePopulationValue() {
        IndividualEstimate estimate = estimator.estimate(request(List.of(), null));

        assertEquals(MODEL.typicalClearance(BSA), estimate.clearance().estimate(), 1e-6);
        assertEquals(MODEL.typicalVolume(BSA), estimate.volume().estimate(), 1e-4);
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
        for (int p = 0; p < patients; p++) {
            double etaCl = Math.sqrt(MODEL.omegaSquaredClearance()) * random.nextGaussian();
            double etaV = Math.sqrt(MODEL.omegaSquaredVolume()) * random.nextGaussian();
            Cyp3aClass inhibitor = p % 4 == 0 ? Cyp3aClass.STRONG : Cyp3aClass.NONE;
            List<PkObservation> observations = simulate(random, etaCl, etaV, inhibitor == Cyp3aClass.STRONG ? 50 : 200,
                    inhibitor, SAMPLE_HOURS);

            IndividualEstimate estimate = estimator.estimate(request(observations, null));

            double trueClearance = MODEL.typicalClearance(BSA) * Math.exp(etaCl);
            logErrors[p] = Math.abs(Math.log(estimate.clearance().estimate() / trueClearance));
            priorLogErrors[p] = Math.abs(etaCl);
            assertTrue(logErrors[p] < 0.35, "patient " + p + ": CL/F " + estimate.clearance().estimate()
                    + " vs true " + trueClearance);
            assertTrue(estimate.clearance().lower95() < estimate.clearance().estimate()
                    && estimate.clearance().estimate() < estimate.clearance().upper95());
        }
        double median = median(logErrors);
        System.out.printf("simulated patients: median |log(CL/F estimate / true)| = %.3f (population value: %.3f)%n",
                median, median(priorLogErrors));
        assertTrue(median < 0.12, "median log error " + median);
        assertTrue(median < median(priorLogErrors) / 2, "the samples should at least halve the error of the prior");
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

        MapObjective individual = new MapObjective(MODEL, BSA, List.of());
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
