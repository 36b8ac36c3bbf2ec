package org.ventrack.pk.domain.dose;

/** A dose in mg/m2 for ages from {@code fromYears} (inclusive) to {@code toYears} (exclusive). */
public record AgeBand(double fromYears, double toYears, double mgPerM2) {

    public AgeBand {
        if (!(fromYears < toYears) || !(mgPerM2 > 0)) {
            throw new IllegalArgumentException("bad age band " + fromYears + "-" + toYears + " y, " + mgPerM2 + " mg/m2");
        }
    }

    public boolean contains(double ageYears) {
        return ageYears >= fromYears && ageYears < toYears;
    }
}
