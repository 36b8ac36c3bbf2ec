package org.ventrack.patient.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.ventrack.patient.domain.rules.CtcaeTerms;
import org.ventrack.platform.problem.ProblemException;

/** The CTCAE v5.0 term list shipped with the service (src/main/resources/ctcae). */
@ApplicationScoped
public class AdverseEventTerms {

    private final CtcaeTerms terms = CtcaeTerms.v5();

    /** The official spelling of {@code term}; 422 for a term that is not on the list. */
    public String canonical(String term) {
        return terms.canonical(term).orElseThrow(() -> ProblemException.unprocessable("term",
                "'" + term + "' is not a CTCAE v5.0 term known to VenTrack; see GET /api/v1/reference/ctcae-terms"));
    }

    public java.util.List<String> all() {
        return terms.all();
    }
}
