package org.ventrack.pk.domain.dose;

import static org.ventrack.pk.domain.Decimals.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Rounds a computed daily dose to what can be given: a multiple of the tablet step (10 mg) or of the suspension step.
 * Ordinary doses round to the nearest step (halves up); doses that must stay at or below a limit (inhibitor
 * reductions "by at least") round down, but never below one step.
 */
public final class DoseRounding {

    /** A dose that can be given and how. */
    public record RoundedDose(double mg, String administration) {
    }

    private final DoseRuleSettings settings;

    public DoseRounding(DoseRuleSettings settings) {
        this.settings = settings;
    }

    public RoundedDose nearest(double mg, Formulation formulation) {
        double step = step(formulation);
        return of(Math.max(step, Math.floor(mg / step + 0.5) * step), formulation);
    }

    public RoundedDose down(double mg, Formulation formulation) {
        double step = step(formulation);
        // the small epsilon keeps 69.99999999 (floating error) from dropping a whole step
        return of(Math.max(step, Math.floor(mg / step + 1e-9) * step), formulation);
    }

    public double step(Formulation formulation) {
        return formulation == Formulation.TABLET ? settings.tabletStepMg() : settings.suspensionStepMg();
    }

    private RoundedDose of(double mg, Formulation formulation) {
        if (formulation == Formulation.ORAL_SUSPENSION) {
            return new RoundedDose(mg, text(mg) + " mg oral suspension");
        }
        List<String> parts = new ArrayList<>();
        long remaining = Math.round(mg);
        for (int strength : settings.tabletStrengthsMg()) {
            long count = remaining / strength;
            if (count > 0) {
                parts.add(count + " x " + strength + " mg");
                remaining -= count * strength;
            }
        }
        return new RoundedDose(mg, String.join(" + ", parts) + " tablets");
    }
}
