package org.ventrack.patient.domain.timeline;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One date of a patient's record, as the consistency rules see it.
 *
 * @param recordId the record it belongs to (the patient's own id for the birth date)
 * @param field    the API field carrying the date, for error messages
 */
public record DatedFact(UUID recordId, String field, LocalDate date, Kind kind) {

    public enum Kind {
        BIRTH, VENETOCLAX_START, HSCT, RELAPSE, PROGRESSION, DEATH, LAST_FOLLOW_UP, OTHER;

        /** Outcomes measured from venetoclax start: they cannot precede it. */
        boolean isOutcome() {
            return this == HSCT || this == RELAPSE || this == PROGRESSION || this == DEATH || this == LAST_FOLLOW_UP;
        }
    }
}
