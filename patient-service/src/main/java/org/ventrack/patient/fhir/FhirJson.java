package org.ventrack.patient.fhir;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

/**
 * HAPI FHIR's R4 context, made once: building it scans the whole R4 model (seconds), so the application holds one and
 * makes a parser per call (parsers are cheap and not thread-safe). Parsing is strict: an unknown element, a wrong
 * type or a malformed value is an error, not a warning.
 */
@ApplicationScoped
public class FhirJson {

    public static final String MEDIA_TYPE = "application/fhir+json";
    public static final String NDJSON = "application/fhir+ndjson";

    private final FhirContext context = FhirContext.forR4();

    public String encode(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }

    /** One line of NDJSON: the resource without line breaks. */
    public String encodeLine(IBaseResource resource) {
        return context.newJsonParser().setPrettyPrint(false).encodeResourceToString(resource);
    }

    /** The body as a Bundle, or a 400 OperationOutcome saying why it is not one. */
    public Bundle bundle(String body) {
        if (body == null || body.isBlank()) {
            throw FhirProblem.of(400, IssueType.REQUIRED, "the body is empty: send a FHIR R4 Bundle as application/fhir+json");
        }
        IParser parser = context.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        IBaseResource resource;
        try {
            resource = parser.parseResource(body);
        } catch (DataFormatException e) {
            throw FhirProblem.of(400, IssueType.STRUCTURE, "not valid FHIR R4 JSON: " + e.getMessage());
        }
        if (!(resource instanceof Bundle bundle)) {
            throw FhirProblem.of(400, IssueType.STRUCTURE, "expected a Bundle, got a " + resource.fhirType());
        }
        return bundle;
    }

    public FhirContext context() {
        return context;
    }
}
