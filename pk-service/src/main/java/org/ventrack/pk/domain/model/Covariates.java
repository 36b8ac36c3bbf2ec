package org.ventrack.pk.domain.model;

/**
 * The patient's covariates of the population model.
 *
 * @param weightKg body weight
 * @param heightCm height
 * @param totalProteinGPerL total serum protein, or null when not recorded (the model's reference value is used)
 */
public record Covariates(double weightKg, double heightCm, Double totalProteinGPerL) {

    public Covariates {
        if (!(weightKg > 0) || !(heightCm > 0)) {
            throw new IllegalArgumentException("weight and height must be positive: " + weightKg + " kg, " + heightCm + " cm");
        }
        if (totalProteinGPerL != null && !(totalProteinGPerL > 0)) {
            throw new IllegalArgumentException("total protein must be positive: " + totalProteinGPerL);
        }
    }
}
