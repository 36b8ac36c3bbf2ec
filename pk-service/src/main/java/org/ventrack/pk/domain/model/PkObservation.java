package org.ventrack.pk.domain.model;

import java.util.Objects;

import org.ventrack.pk.domain.Cyp3aClass;

/**
 * A quantified venetoclax concentration taken at steady state, for the individual estimate. Samples below the LLOQ
 * are left out by the caller (no censored likelihood here).
 *
 * @param hoursAfterDose hours since the last dose
 * @param dailyDoseMg the once-daily dose in force
 * @param concentrationNgPerMl the measured concentration
 * @param inhibitor strongest CYP3A inhibitor class taken at the time
 */
public record PkObservation(double hoursAfterDose, double dailyDoseMg, double concentrationNgPerMl,
        Cyp3aClass inhibitor) {

    public PkObservation {
        Objects.requireNonNull(inhibitor, "inhibitor");
        if (hoursAfterDose < 0 || !(dailyDoseMg > 0) || !(concentrationNgPerMl > 0)) {
            throw new IllegalArgumentException("bad observation: " + hoursAfterDose + " h, " + dailyDoseMg + " mg, "
                    + concentrationNgPerMl + " ng/mL");
        }
    }
}
