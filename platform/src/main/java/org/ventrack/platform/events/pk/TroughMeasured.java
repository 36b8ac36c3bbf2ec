package org.ventrack.platform.events.pk;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A venetoclax concentration and its judgement ({@code trough-measured}); published again when the sample is corrected,
 * with {@code withdrawn} when it is deleted.
 *
 * @param doseNormalised (ng/mL)/mg, null when the sample was not quantified
 * @param flags          ABOVE_RANGE, BELOW_RANGE, INTERACTION_SUSPECTED, NOT_STEADY_STATE, OUTSIDE_TROUGH_WINDOW, BELOW_LLOQ
 */
public record TroughMeasured(UUID patientId, UUID sampleId, LocalDateTime sampledAt, String kind,
        BigDecimal dailyDoseMg, BigDecimal concentrationNgPerMl, BigDecimal doseNormalised, boolean steadyState,
        List<String> activeInhibitors, List<String> flags, boolean withdrawn) {
}
