package org.ventrack.platform.events.response;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient's best overall response under one criteria set, as it stands after the change
 * ({@code best-response-changed}); survival-service derives EFS from it.
 *
 * @param bestResponse         CR, CRH, CRI, MLFS, PR, NR or NOT_EVALUABLE (no evaluable assessment yet)
 * @param responder            the best response counts towards the overall response rate
 * @param treatmentFailure     every evaluable assessment was NR: no CR, CRh, CRi, MLFS or PR
 * @param treatmentFailureDate the date failure was established (the last evaluable assessment), when failed
 * @param firstCompleteRemissionDate the first CR, CRh or CRi
 * @param relapseAfterCompleteRemission blasts back above the CR threshold, or new extramedullary disease, after it
 * @param baselineBlastPercent the blasts of the baseline marrow (Table 1: BM blasts before venetoclax), or null
 */
public record BestResponseChanged(UUID patientId, String criteria, String criteriaVersion, String bestResponse,
        LocalDate bestResponseDate, boolean responder, String mrdAtBestResponse, boolean treatmentFailure,
        LocalDate treatmentFailureDate, LocalDate firstCompleteRemissionDate, boolean relapseAfterCompleteRemission,
        LocalDate relapseDate, BigDecimal baselineBlastPercent) {
}
