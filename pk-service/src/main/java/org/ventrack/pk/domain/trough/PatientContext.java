package org.ventrack.pk.domain.trough;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ventrack.pk.domain.CoMedication;

/**
 * What the trough judgement needs to know about the patient.
 *
 * @param venetoclaxStart first day of the venetoclax course (course day 1)
 * @param doseHistory dose changes of the course (the start and every ramp-up step count as changes); may be empty
 * @param bsaM2 body surface area in m2 at the time of sampling, or null if unknown
 * @param coMedications co-medications with their CYP3A class and dates
 */
public record PatientContext(LocalDate venetoclaxStart, List<DoseChange> doseHistory, Double bsaM2,
        List<CoMedication> coMedications) {

    public PatientContext {
        Objects.requireNonNull(venetoclaxStart, "venetoclaxStart");
        doseHistory = doseHistory == null ? List.of() : List.copyOf(doseHistory);
        coMedications = coMedications == null ? List.of() : List.copyOf(coMedications);
        if (bsaM2 != null && !(bsaM2 > 0)) {
            throw new IllegalArgumentException("BSA must be positive: " + bsaM2);
        }
    }

    /** The latest dose change on or before {@code date}, the course start counting as one. */
    public LocalDate lastDoseChangeOnOrBefore(LocalDate date) {
        Optional<LocalDate> latest = doseHistory.stream()
                .map(DoseChange::date)
                .filter(d -> !d.isAfter(date))
                .max(Comparator.naturalOrder());
        return latest.filter(d -> d.isAfter(venetoclaxStart)).orElse(venetoclaxStart);
    }
}
