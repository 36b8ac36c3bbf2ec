package org.ventrack.pk.rest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.ventrack.pk.domain.CoMedication;
import org.ventrack.pk.domain.trough.SampleKind;
import org.ventrack.pk.domain.trough.TroughJudgement;
import org.ventrack.pk.service.Sample;

/** A sample as posted, and its judgement with the reasons (null when the patient has no venetoclax course now). */
public record SampleView(UUID id, UUID patientId, LocalDateTime sampledAt, LocalDateTime lastDoseAt,
        BigDecimal dailyDoseMg, BigDecimal concentrationNgPerMl, BigDecimal lloqNgPerMl, boolean belowLloq,
        SampleKind kind, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt, Judgement judgement) {

    /** What the judgement derived. */
    public record Judgement(long daysSinceStart, long courseDay, boolean steadyState, Double hoursAfterLastDose,
            Boolean withinTroughWindow, BigDecimal doseNormalised, BigDecimal doseNormalisedPerBsa,
            List<String> activeInhibitors, double interactionFreeMedianUsed, List<TroughJudgement.Finding> flags,
            List<String> reasons) {
    }

    static SampleView of(Sample s, TroughJudgement j) {
        return new SampleView(s.id, s.patientId, s.sampledAt, s.lastDoseAt, plain(s.dailyDoseMg),
                plain(s.concentrationNgPerMl), plain(s.lloqNgPerMl), s.belowLloq, s.kind, s.version, s.createdAt,
                s.updatedAt, j == null ? null : new Judgement(j.daysSinceStart(), j.courseDay(), j.steadyState(),
                        j.hoursAfterLastDose(), j.withinTroughWindow(), j.doseNormalised(), j.doseNormalisedPerBsa(),
                        j.activeInhibitors().stream().map(CoMedication::describe).toList(), j.interactionFreeMedianUsed(),
                        j.flags(), j.reasons()));
    }

    /** 342.00 as stored reads 342, as posted. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
