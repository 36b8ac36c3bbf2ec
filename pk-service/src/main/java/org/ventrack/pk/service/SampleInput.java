package org.ventrack.pk.service;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.ventrack.platform.problem.Checks;
import org.ventrack.pk.domain.trough.SampleKind;

/**
 * A venetoclax plasma sample as a site posts or corrects it: local date-times of the draw and of the last dose, the
 * daily dose at the time in mg, the concentration in ng/mL.
 */
public record SampleInput(
        @NotNull UUID patientId,
        @NotNull LocalDateTime sampledAt,
        LocalDateTime lastDoseAt,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1200") BigDecimal dailyDoseMg,
        @DecimalMin("0") @DecimalMax("100000") BigDecimal concentrationNgPerMl,
        @DecimalMin("0") @DecimalMax("100000") BigDecimal lloqNgPerMl,
        boolean belowLloq,
        @NotNull SampleKind kind) {

    /** Checks across fields: 400 listing each. */
    public void check() {
        Checks.that(lastDoseAt == null || !lastDoseAt.isAfter(sampledAt), "lastDoseAt", "must not be after sampledAt")
                .and(concentrationNgPerMl != null || belowLloq, "concentrationNgPerMl",
                        "is required unless the sample is below the LLOQ")
                .and(!belowLloq || concentrationNgPerMl == null, "concentrationNgPerMl",
                        "a sample below the LLOQ has no concentration")
                .orFail();
    }
}
