package org.ventrack.patient.domain.rules;

/** Body surface area, on which paediatric venetoclax doses are based (360 mg/m² recommended phase-2 dose). */
public final class BodySurfaceArea {

    private BodySurfaceArea() {
    }

    /**
     * Mosteller formula: BSA (m²) = sqrt(height (cm) × weight (kg) / 3600).
     *
     * @throws IllegalArgumentException if either measurement is not a positive finite number
     */
    public static double mosteller(double weightKg, double heightCm) {
        requirePositive(weightKg, "weightKg");
        requirePositive(heightCm, "heightCm");
        return Math.sqrt(heightCm * weightKg / 3600.0);
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, was " + value);
        }
    }
}
