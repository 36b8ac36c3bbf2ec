package org.ventrack.response.rest;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ventrack.platform.patients.PatientFactsEndpoint;

@Path("/api/v1/patients")
@Tag(name = "Patients")
public class PatientFactsResource extends PatientFactsEndpoint {
}
