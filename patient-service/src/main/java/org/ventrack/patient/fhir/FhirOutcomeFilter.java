package org.ventrack.patient.fhir;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.RestResponse;
import org.ventrack.platform.problem.Problem;

/**
 * FHIR clients read errors as OperationOutcome: under {@code /fhir/} a problem+json answer of the platform (401, 403,
 * 404, 415, validation, ...) goes out as the same error in an OperationOutcome, {@code application/fhir+json}.
 */
public class FhirOutcomeFilter {

    @Inject
    FhirJson fhir;

    @ServerExceptionMapper
    public RestResponse<String> fhirProblem(FhirProblem problem) {
        return RestResponse.ResponseBuilder.<String> create(problem.status()).entity(fhir.encode(problem.outcome()))
                .header(HttpHeaders.CONTENT_TYPE, FhirJson.MEDIA_TYPE).build();
    }

    @ServerResponseFilter
    public void problemsAsOutcomes(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/fhir/") && response.getEntity() instanceof Problem problem) {
            response.setEntity(fhir.encode(OperationOutcomes.of(problem)));
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, FhirJson.MEDIA_TYPE);
        }
    }
}
