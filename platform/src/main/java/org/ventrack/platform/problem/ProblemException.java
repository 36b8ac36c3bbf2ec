package org.ventrack.platform.problem;

import java.util.List;

/** A client error the service layer raises on purpose; mapped to its problem+json response as it stands. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " " + id + " does not exist."));
    }

    /** 400 for one invalid request value, reported like Bean Validation's. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(400, "validation", "The request is not valid", field + " " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    /** A request that is well-formed but breaks a rule of the domain (e.g. a death before the start of treatment). */
    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(Problem.of(422, "rule-violation", "The request breaks a rule of the registry",
                message).withErrors(List.of(new Problem.FieldError(field, message))));
    }

    /** Several broken rules at once, each with the field that breaks it. */
    public static ProblemException ruleViolations(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(422, "rule-violation", "The request breaks a rule of the registry",
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " rules are broken.").withErrors(errors));
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(Problem.of(428, "precondition-required", "Precondition required", detail));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Problem.of(412, "precondition-failed", "Precondition failed", detail));
    }
}
