package org.ventrack.pk.domain;

/**
 * Body surface area in m2. Doses use Mosteller (the project's convention); the population PK model uses the formula
 * its authors computed their covariate with.
 */
public final class BodySurfaceArea {

    /** A BSA formula from height (cm) and weight (kg). */
    public enum Formula {
        /** Mosteller RD, N Engl J Med 1987;317:1098: sqrt(height x weight / 3600). */
        MOSTELLER,
        /**
         * Stevenson's formula for Chinese subjects, 0.0061 x height + 0.0128 x weight - 0.1529, the one Zhao et al. 2026
         * used for the BSA covariate of their venetoclax model (Discussion of the paper, as quoted by nlmixr2lib).
         */
        STEVENSON;

        public double of(double heightCm, double weightKg) {
            if (!(heightCm > 0) || !(weightKg > 0)) {
                throw new IllegalArgumentException("height and weight must be positive: " + heightCm + " cm, " + weightKg + " kg");
            }
            double bsa = switch (this) {
                case MOSTELLER -> Math.sqrt(heightCm * weightKg / 3600.0);
                case STEVENSON -> 0.0061 * heightCm + 0.0128 * weightKg - 0.1529;
            };
            if (!(bsa > 0)) {
                throw new IllegalArgumentException(this + " gives no positive BSA for " + heightCm + " cm, " + weightKg + " kg");
            }
            return bsa;
        }
    }

    private BodySurfaceArea() {
    }

    public static double mosteller(double heightCm, double weightKg) {
        return Formula.MOSTELLER.of(heightCm, weightKg);
    }
}
