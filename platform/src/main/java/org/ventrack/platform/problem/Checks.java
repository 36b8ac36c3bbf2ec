package org.ventrack.platform.problem;

import java.util.ArrayList;
import java.util.List;


/** Cross-field checks of a request body, reported like Bean Validation's: 400 with every failing field. */
public final class Checks {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private Checks() {
    }

    public static Checks that(boolean holds, String field, String message) {
        return new Checks().and(holds, field, message);
    }

    public Checks and(boolean holds, String field, String message) {
        if (!holds) {
            errors.add(new Problem.FieldError(field, message));
        }
        return this;
    }

    public void orFail() {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "validation", "The request is not valid",
                    errors.size() + " field(s) are not valid.").withErrors(errors));
        }
    }
}
