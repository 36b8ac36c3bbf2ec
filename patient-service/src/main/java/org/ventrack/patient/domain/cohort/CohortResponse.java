package org.ventrack.patient.domain.cohort;

import java.math.BigDecimal;

/**
 * A patient's response as response-service published it under one criteria set.
 *
 * @param bestResponse         CR, CRH, CRI, MLFS, PR, NR or NOT_EVALUABLE
 * @param responder            counts towards the overall response rate
 * @param baselineBlastPercent blasts of the baseline marrow, or null when there is none
 */
public record CohortResponse(String patientId, String bestResponse, boolean responder, BigDecimal baselineBlastPercent) {
}
