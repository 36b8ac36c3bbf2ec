package org.ventrack.platform.events.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A body measurement (REST view and {@code measurement-recorded} payload); BSA by Mosteller, in m². */
public record MeasurementRecord(UUID id, UUID patientId, LocalDate measuredOn, BigDecimal weightKg, BigDecimal heightCm,
        BigDecimal bsaM2, long version) {
}
