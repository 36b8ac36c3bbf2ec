package org.ventrack.response.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.ventrack.response.domain.criteria.Mrd;
import org.ventrack.response.domain.rates.Distribution;
import org.ventrack.response.service.Assessment;

/** An assessment as the API shows it. */
public record AssessmentView(UUID id, UUID patientId, LocalDate assessmentDate, Integer cycle, BigDecimal blastPercent,
        Boolean circulatingBlasts, Boolean extramedullaryDisease, List<String> extramedullarySites, BigDecimal platelets,
        BigDecimal anc, Boolean transfusionDependent, BigDecimal cellularityPercent, Integer cellsCounted, Mrd mrdStatus,
        BigDecimal mrdLevelPercent, boolean baseline, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static AssessmentView of(Assessment a) {
        return new AssessmentView(a.id, a.patientId, a.assessmentDate, a.cycle, strip(a.blastPercent), a.circulatingBlasts,
                a.extramedullaryDisease, List.copyOf(a.extramedullarySites), strip(a.platelets), strip(a.anc),
                a.transfusionDependent, strip(a.cellularityPercent), a.cellsCounted, a.mrdStatus, strip(a.mrdLevelPercent),
                a.baseline, a.version, a.createdAt, a.updatedAt);
    }

    private static BigDecimal strip(BigDecimal value) {
        return Distribution.plain(value);
    }
}
