package org.ventrack.pk.domain.dose;

/** A dose in mg/m2 for ages from {@code fromYears} (inclusive) to {@code toYears} (exclusive). */
public record AgeBand(double fromYears, double toYears, double mgPerM2) {

    public AgeBand {
        if (!(fromYears < toYears) || !(mgPerM2 > 0)) {
            throw new IllegalArgumentException("bad age band " + fromYears + "-" + toYears + " y, " + mgPerM2 + " mg/m2");
        }
    }

    /** A band written {@code from-to:mgPerM2}, ages in years, as in the configuration: {@code 0.5-1:240}. */
    public static AgeBand parse(String text) {
        String[] ageAndDose = text.trim().split(":");
        String[] ages = ageAndDose[0].split("-");
        if (ageAndDose.length != 2 || ages.length != 2) {
            throw new IllegalArgumentException("an age band is written from-to:mgPerM2, not " + text);
        }
        return new AgeBand(Double.parseDouble(ages[0].trim()), Double.parseDouble(ages[1].trim()),
                Double.parseDouble(ageAndDose[1].trim()));
    }

    public boolean contains(double ageYears) {
        return ageYears >= fromYears && ageYears < toYears;
    }
}
