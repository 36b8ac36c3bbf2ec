package org.ventrack.patient.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** A FHIR request that fails as a whole: its status and the OperationOutcome that says why. */
public class FhirProblem extends RuntimeException {

    private final int status;
    private final transient OperationOutcome outcome;

    public FhirProblem(int status, OperationOutcome outcome) {
        super(outcome.getIssueFirstRep().getDiagnostics(), null, false, false);
        this.status = status;
        this.outcome = outcome;
    }

    public static FhirProblem of(int status, IssueType type, String diagnostics) {
        return new FhirProblem(status, OperationOutcomes.error(type, diagnostics, null));
    }

    public int status() {
        return status;
    }

    public OperationOutcome outcome() {
        return outcome;
    }
}
