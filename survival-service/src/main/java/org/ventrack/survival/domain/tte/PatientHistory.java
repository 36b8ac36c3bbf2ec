package org.ventrack.survival.domain.tte;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What survival-service knows of one patient, from patient and response events.
 *
 * @param venetoclaxStart  the start of the first venetoclax course: the time origin; null when none is known
 * @param clinicalEvents   HSCT, RELAPSE, PROGRESSION, DEATH, LAST_FOLLOW_UP with their dates
 * @param response         the best response under the study's criteria set, or null before any is known
 * @param geneticAlterations labels of the patient's genetic alterations
 */
public record PatientHistory(UUID patientId, String siteCode, String regimen, LocalDate venetoclaxStart,
        List<DatedEvent> clinicalEvents, Response response, List<String> geneticAlterations) {

    /** A dated clinical event: kind as patient-service names it. */
    public record DatedEvent(String kind, LocalDate date) {
    }

    /**
     * The parts of response-service's best response that EFS needs.
     *
     * @param treatmentFailureDate when the failure was established (the last evaluable assessment)
     * @param lastAssessmentDate   the latest date the response events speak of: news of the patient alive
     * @param bestResponseDate     when the best response was first seen (null when not known)
     * @param firstCompleteRemissionDate the first CR or CRi (null when none); both dates mark the swimmer plot
     */
    public record Response(String bestResponse, boolean treatmentFailure, LocalDate treatmentFailureDate,
            boolean relapseAfterCompleteRemission, LocalDate relapseDate, LocalDate lastAssessmentDate,
            LocalDate bestResponseDate, LocalDate firstCompleteRemissionDate) {
    }
}
