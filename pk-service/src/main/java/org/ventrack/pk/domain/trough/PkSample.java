package org.ventrack.pk.domain.trough;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One venetoclax plasma concentration.
 *
 * @param sampledAt date-time of the blood draw
 * @param lastDoseAt date-time of the venetoclax dose taken before the draw
 * @param dailyDoseMg daily dose in mg at the time of sampling
 * @param concentrationNgPerMl measured concentration in ng/mL; null when not quantified
 * @param lloqNgPerMl lower limit of quantification of the assay in ng/mL, null if unknown
 * @param belowLloq the laboratory reported the sample below the LLOQ
 * @param kind trough, peak or other
 */
public record PkSample(LocalDateTime sampledAt, LocalDateTime lastDoseAt, double dailyDoseMg,
        Double concentrationNgPerMl, Double lloqNgPerMl, boolean belowLloq, SampleKind kind) {

    public PkSample {
        Objects.requireNonNull(sampledAt, "sampledAt");
        Objects.requireNonNull(kind, "kind");
        if (!(dailyDoseMg > 0)) {
            throw new IllegalArgumentException("daily dose must be positive: " + dailyDoseMg);
        }
        if (concentrationNgPerMl != null && concentrationNgPerMl < 0) {
            throw new IllegalArgumentException("negative concentration: " + concentrationNgPerMl);
        }
        if (lastDoseAt != null && lastDoseAt.isAfter(sampledAt)) {
            throw new IllegalArgumentException("last dose " + lastDoseAt + " after sampling " + sampledAt);
        }
    }

    /** A quantified trough without LLOQ information. */
    public static PkSample trough(LocalDateTime sampledAt, LocalDateTime lastDoseAt, double dailyDoseMg,
            double concentrationNgPerMl) {
        return new PkSample(sampledAt, lastDoseAt, dailyDoseMg, concentrationNgPerMl, null, false, SampleKind.TROUGH);
    }
}
