package org.ventrack.platform.events.response;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A marrow assessment classified under one criteria set ({@code assessment-classified}). Published again, with the
 * new result, when a correction or a changed baseline re-classifies it; {@code withdrawn} when the assessment was
 * deleted or has become a pre-treatment marrow, so its earlier result no longer counts.
 *
 * @param category             CR, CRH, CRI, MLFS, PR, NR or NOT_EVALUABLE; a string so new categories do not break consumers
 * @param baselineAssessmentId the marrow the decrease of blasts was measured against, or null
 */
public record AssessmentClassified(UUID patientId, UUID assessmentId, LocalDate assessmentDate, String criteria,
        String criteriaVersion, String category, boolean mrdNegative, UUID baselineAssessmentId,
        BigDecimal baselineBlastPercent, boolean withdrawn) {
}
