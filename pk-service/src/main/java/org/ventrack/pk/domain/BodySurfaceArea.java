package org.ventrack.pk.domain;

/** Body surface area by Mosteller (N Engl J Med 1987;317:1098): BSA (m2) = sqrt(height cm x weight kg / 3600). */
public final class BodySurfaceArea {

    private BodySurfaceArea() {
    }

    public static double mosteller(double heightCm, double weightKg) {
        if (!(heightCm > 0) || !(weightKg > 0)) {
            throw new IllegalArgumentException("height and weight must be positive: " + heightCm + " cm, " + weightKg + " kg");
        }
        return Math.sqrt(heightCm * weightKg / 3600.0);
    }
}
