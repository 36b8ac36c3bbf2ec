package org.ventrack.pk.domain.model;

import static org.ventrack.pk.domain.Decimals.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.ventrack.pk.domain.dose.DoseRounding;
import org.ventrack.pk.domain.dose.DoseRounding.RoundedDose;
import org.ventrack.pk.domain.model.IndividualEstimate.DoseForTarget;
import org.ventrack.pk.domain.model.IndividualEstimate.EstimatedParameter;
import org.ventrack.pk.domain.model.IndividualEstimate.ProfilePoint;

/**
 * Bayesian MAP estimate of a patient's CL/F and V/F under {@link PopPkModel}: minimises {@link MapObjective} over
 * (eta_CL, eta_V) with the Nelder-Mead simplex of Apache Commons Math (restarted once from its optimum, as the simplex
 * can stall), then approximates the covariance of eta by 2 H^-1, H the central-difference Hessian of the objective
 * (-2 log posterior) at the optimum.
 */
public final class IndividualEstimator {

    private static final double HESSIAN_STEP = 1e-3;
    private static final int PROFILE_POINTS_PER_INTERVAL = 48;

    private final PopPkModel model;
    private final DoseRounding rounding;

    public IndividualEstimator(PopPkModel model, DoseRounding rounding) {
        this.model = model;
        this.rounding = rounding;
    }

    public IndividualEstimate estimate(EstimateRequest request) {
        List<String> notes = new ArrayList<>();
        Covariates covariates = request.covariates();
        notes.add("model: " + model.source() + "; one compartment, first-order absorption (ka "
                + text(model.absorptionRatePerHour()) + " /h), covariates on CL/F and V/F; a model of Chinese children,"
                + " to be checked against local data before clinical use");
        notes.add("covariates: BSA " + String.format(Locale.ROOT, "%.2f", model.bsa(covariates)) + " m2 ("
                + model.bsaFormula() + ") from " + text(covariates.heightCm()) + " cm and " + text(covariates.weightKg())
                + " kg; total protein " + (covariates.totalProteinGPerL() == null
                        ? "not recorded, the model's reference " + text(model.referenceTotalProteinGPerL()) + " g/L used"
                        : text(covariates.totalProteinGPerL()) + " g/L"));
        MapObjective objective = new MapObjective(model, covariates, request.observations());

        SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-12);
        double[] start = { 0, 0 };
        int evaluations = 0;
        PointValuePair optimum = null;
        for (int round = 0; round < 2; round++) {
            optimum = optimizer.optimize(new MaxEval(10_000), new ObjectiveFunction(objective::value),
                    GoalType.MINIMIZE, new InitialGuess(start), new NelderMeadSimplex(new double[] { 0.2, 0.2 }));
            evaluations += optimizer.getEvaluations();
            start = optimum.getPoint();
        }
        double[] eta = optimum.getPoint();
        notes.add("MAP by Nelder-Mead (Apache Commons Math 3), " + request.observations().size() + " observations, "
                + evaluations + " objective evaluations, objective " + String.format(Locale.ROOT, "%.4f", optimum.getValue()));

        double[] etaStandardErrors = etaStandardErrors(objective, eta, notes);
        EstimatedParameter clearance = parameter("CL/F", "L/h", model.typicalClearance(covariates), eta[0],
                etaStandardErrors[0]);
        EstimatedParameter volume = parameter("V/F", "L", model.typicalVolume(covariates), eta[1],
                etaStandardErrors[1]);

        double tau = model.dosingIntervalHours();
        List<ProfilePoint> profile = new ArrayList<>();
        for (int i = 0; i <= PROFILE_POINTS_PER_INTERVAL; i++) {
            double t = tau * i / PROFILE_POINTS_PER_INTERVAL;
            profile.add(new ProfilePoint(t, objective.predict(request.currentDailyDoseMg(), request.currentInhibitor(), t,
                    eta[0], eta[1])));
        }
        double trough = objective.predict(request.currentDailyDoseMg(), request.currentInhibitor(), tau, eta[0], eta[1]);

        DoseForTarget doseForTarget = null;
        if (request.targetTroughNgPerMl() != null) {
            double troughPerMg = trough / request.currentDailyDoseMg();
            double exactDose = request.targetTroughNgPerMl() / troughPerMg;
            RoundedDose rounded = rounding.nearest(exactDose, request.formulation());
            double troughAtRounded = rounded.mg() * troughPerMg;
            doseForTarget = new DoseForTarget(request.targetTroughNgPerMl(), exactDose, rounded.mg(),
                    rounded.administration(), troughAtRounded,
                    "linear PK: trough " + String.format(Locale.ROOT, "%.1f", trough) + " ng/mL at "
                            + text(request.currentDailyDoseMg()) + " mg, so target " + text(request.targetTroughNgPerMl())
                            + " ng/mL needs " + String.format(Locale.ROOT, "%.1f", exactDose) + " mg, rounded to the nearest "
                            + text(rounding.step(request.formulation())) + " mg: " + text(rounded.mg()) + " mg (predicted trough "
                            + String.format(Locale.ROOT, "%.1f", troughAtRounded) + " ng/mL), with CYP3A inhibitor "
                            + request.currentInhibitor());
        }
        return new IndividualEstimate(clearance, volume, optimum.getValue(), evaluations,
                request.observations().size(), profile, trough, doseForTarget, notes);
    }

    private static EstimatedParameter parameter(String name, String unit, double typical, double eta,
            double etaStandardError) {
        double estimate = typical * Math.exp(eta);
        return new EstimatedParameter(name, unit, typical, estimate, eta, etaStandardError, estimate * etaStandardError,
                typical * Math.exp(eta - 1.96 * etaStandardError), typical * Math.exp(eta + 1.96 * etaStandardError));
    }

    private static double[] etaStandardErrors(MapObjective objective, double[] eta, List<String> notes) {
        RealMatrix hessian = MatrixUtils.createRealMatrix(hessian(objective, eta));
        try {
            RealMatrix covariance = new LUDecomposition(hessian).getSolver().getInverse().scalarMultiply(2.0);
            double varianceCl = covariance.getEntry(0, 0);
            double varianceV = covariance.getEntry(1, 1);
            if (varianceCl > 0 && varianceV > 0) {
                notes.add("standard errors from 2 x inverse of the numerical Hessian (step " + HESSIAN_STEP
                        + ") of the objective at the optimum; approximate");
                return new double[] { Math.sqrt(varianceCl), Math.sqrt(varianceV) };
            }
            notes.add("Hessian not positive definite at the optimum: no standard errors");
        } catch (SingularMatrixException e) {
            notes.add("Hessian singular at the optimum: no standard errors");
        }
        return new double[] { Double.NaN, Double.NaN };
    }

    static double[][] hessian(MapObjective objective, double[] x) {
        int n = x.length;
        double h = HESSIAN_STEP;
        double[][] result = new double[n][n];
        double center = objective.value(x);
        for (int i = 0; i < n; i++) {
            result[i][i] = (shifted(objective, x, i, h, i, 0) - 2 * center + shifted(objective, x, i, -h, i, 0)) / (h * h);
            for (int j = i + 1; j < n; j++) {
                double value = (shifted(objective, x, i, h, j, h) - shifted(objective, x, i, h, j, -h)
                        - shifted(objective, x, i, -h, j, h) + shifted(objective, x, i, -h, j, -h)) / (4 * h * h);
                result[i][j] = value;
                result[j][i] = value;
            }
        }
        return result;
    }

    private static double shifted(MapObjective objective, double[] x, int i, double di, int j, double dj) {
        double[] point = x.clone();
        point[i] += di;
        point[j] += dj;
        return objective.value(point);
    }
}
