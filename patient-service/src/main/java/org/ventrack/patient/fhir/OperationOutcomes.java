package org.ventrack.patient.fhir;

import java.util.List;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.ventrack.platform.problem.Problem;

/** OperationOutcomes from the mapping's issues and from the platform's problems. */
public final class OperationOutcomes {

    private OperationOutcomes() {
    }

    public static OperationOutcome error(IssueType type, String diagnostics, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        add(outcome, IssueSeverity.ERROR, type, diagnostics, expression);
        return outcome;
    }

    public static OperationOutcome information(String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        add(outcome, IssueSeverity.INFORMATION, IssueType.INFORMATIONAL, diagnostics, null);
        return outcome;
    }

    /** The issues of one entry; expressions are made relative to {@code Bundle.entry[i].resource}. */
    public static OperationOutcome of(List<FhirToDocument.Issue> issues, String prefix) {
        OperationOutcome outcome = new OperationOutcome();
        issues.forEach(i -> add(outcome, IssueSeverity.ERROR, i.type(), i.message(),
                prefix == null ? i.expression() : i.expression().isEmpty() ? prefix : prefix + "." + i.expression()));
        return outcome;
    }

    /** A platform problem (problem+json) as an OperationOutcome: one issue per field error, else one for the detail. */
    public static OperationOutcome of(Problem problem) {
        OperationOutcome outcome = new OperationOutcome();
        IssueType type = switch (problem.status()) {
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 409, 412 -> IssueType.CONFLICT;
            case 422 -> IssueType.BUSINESSRULE;
            case 503, 504 -> IssueType.TRANSIENT;
            default -> problem.status() >= 500 ? IssueType.EXCEPTION : IssueType.INVALID;
        };
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            problem.errors().forEach(e -> add(outcome, IssueSeverity.ERROR, type, e.message(), e.field()));
        } else {
            add(outcome, IssueSeverity.ERROR, type, problem.detail() != null ? problem.detail() : problem.title(), null);
        }
        return outcome;
    }

    public static void add(OperationOutcome outcome, IssueSeverity severity, IssueType type, String diagnostics,
            String expression) {
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue().setSeverity(severity).setCode(type)
                .setDiagnostics(diagnostics);
        if (expression != null && !expression.isEmpty()) {
            issue.addExpression(expression);
        }
    }
}
