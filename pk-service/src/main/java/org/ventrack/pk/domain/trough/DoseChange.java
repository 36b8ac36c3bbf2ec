package org.ventrack.pk.domain.trough;

import java.time.LocalDate;
import java.util.Objects;

/** The daily venetoclax dose from {@code date} on (first day at the new dose). */
public record DoseChange(LocalDate date, double dailyDoseMg) {

    public DoseChange {
        Objects.requireNonNull(date, "date");
    }
}
