package org.ventrack.platform.events.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A venetoclax course (REST view and {@code treatment-started}/{@code treatment-updated} payload).
 *
 * @param regimen   VEN_CHEMO, VEN_HMA or VEN_MONO
 * @param doseBasis AGE, WEIGHT or BSA
 */
public record TreatmentCourseRecord(UUID id, UUID patientId, LocalDate startDate, String regimen,
        List<String> partnerAgents, int cycleLengthDays, int activeDays, String doseBasis, BigDecimal dailyDoseMg,
        boolean rampUp, BigDecimal cyclesGiven, LocalDate endDate, String endReason, long version) {
}
