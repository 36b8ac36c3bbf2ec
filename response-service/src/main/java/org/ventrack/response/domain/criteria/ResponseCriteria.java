package org.ventrack.response.domain.criteria;

import java.math.BigDecimal;

/** A named, versioned set of response criteria applied to one marrow assessment against the baseline marrow. */
public interface ResponseCriteria {

    /** e.g. COUSSON_2025 */
    String name();

    /** Stored with every result; a new version re-classifies and keeps the old results in the history. */
    String version();

    /** @param baselineBlastPercent blasts of the baseline marrow, or null when there is none */
    Classification classify(Marrow marrow, BigDecimal baselineBlastPercent);

    /** After a complete remission: does this marrow show a relapse (blasts back, or extramedullary disease)? */
    boolean relapse(Marrow marrow);
}
