package org.ventrack.response.domain.criteria;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a response criteria set reads of one assessment. Every value may be missing (null); a criteria set that
 * needs a missing value says so instead of guessing.
 *
 * @param blastPercent          bone-marrow blasts, %
 * @param circulatingBlasts     blasts seen in the peripheral blood
 * @param extramedullaryDisease extramedullary disease present
 * @param platelets             G/L
 * @param anc                   absolute neutrophil count, G/L
 * @param cellularityPercent    marrow cellularity, % (MLFS needs an evaluable, non-aplastic marrow)
 * @param cellsCounted          nucleated cells counted on the smear
 */
public record Marrow(UUID id, LocalDate date, BigDecimal blastPercent, Boolean circulatingBlasts,
        Boolean extramedullaryDisease, BigDecimal platelets, BigDecimal anc, BigDecimal cellularityPercent,
        Integer cellsCounted, Mrd mrd, boolean flaggedBaseline) {
}
