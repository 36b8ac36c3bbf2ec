package org.ventrack.pk.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A co-medication with its CYP3A inhibitor class and P-glycoprotein inhibitor flag. Dates are inclusive: the drug was
 * taken on {@code start} and on {@code end}; a null {@code end} means still taken.
 */
public record CoMedication(String name, Cyp3aClass cyp3a, boolean pgpInhibitor, LocalDate start, LocalDate end) {

    public CoMedication {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cyp3a, "cyp3a");
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " before start " + start + " for " + name);
        }
    }

    public boolean takenOn(LocalDate date) {
        return !date.isBefore(start) && (end == null || !date.isAfter(end));
    }

    /** Whether it inhibits venetoclax elimination or uptake at all (CYP3A above NONE, or P-gp). */
    public boolean isInhibitor() {
        return cyp3a != Cyp3aClass.NONE || pgpInhibitor;
    }

    public String describe() {
        return name + " (CYP3A " + cyp3a + (pgpInhibitor ? ", P-gp inhibitor" : "") + ", " + start + " to "
                + (end == null ? "ongoing" : end) + ")";
    }
}
