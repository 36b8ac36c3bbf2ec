package org.ventrack.response.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.ventrack.platform.problem.Checks;
import org.ventrack.response.domain.criteria.Mrd;

/**
 * A marrow and blood assessment as a site posts or corrects it. Counts in G/L, percentages 0-100; the upper limits
 * of the counts are physiological ones (above them the value is a unit error, not a patient).
 *
 * @param baseline the site marks this as the pre-venetoclax (baseline) marrow
 */
public record AssessmentInput(
        @NotNull UUID patientId,
        @NotNull LocalDate assessmentDate,
        @Min(1) @Max(100) Integer cycle,
        @DecimalMin("0") @DecimalMax("100") BigDecimal blastPercent,
        Boolean circulatingBlasts,
        Boolean extramedullaryDisease,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> extramedullarySites,
        @DecimalMin("0") @DecimalMax("5000") BigDecimal platelets,
        @DecimalMin("0") @DecimalMax("500") BigDecimal anc,
        Boolean transfusionDependent,
        @DecimalMin("0") @DecimalMax("100") BigDecimal cellularityPercent,
        @Min(0) @Max(100_000) Integer cellsCounted,
        Mrd mrdStatus,
        @DecimalMin("0") @DecimalMax("100") BigDecimal mrdLevelPercent,
        boolean baseline) {

    /** Checks across fields: 400 listing each. */
    public void check() {
        Checks.that(mrdLevelPercent == null || mrdStatus != null, "mrdLevelPercent", "an MRD level needs an mrdStatus")
                .and(mrdLevelPercent == null || mrdStatus != Mrd.NEGATIVE, "mrdLevelPercent",
                        "a negative MRD has no level; send mrdStatus POSITIVE with the level")
                .and(extramedullarySites == null || extramedullarySites.isEmpty()
                        || Boolean.TRUE.equals(extramedullaryDisease), "extramedullarySites",
                        "extramedullary sites need extramedullaryDisease true")
                .orFail();
    }
}
