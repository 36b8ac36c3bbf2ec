package org.ventrack.platform.patients;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.security.CallerScope;
import org.ventrack.platform.security.Roles;

/**
 * {@code GET <service path>/{patientId}/facts}: what this service has learnt of a patient from patient-service's
 * events. Each consuming service exposes it by a one-line subclass carrying its {@code @Path}.
 */
public abstract class PatientFactsEndpoint {

    @Inject
    PatientFacts facts;
    @Inject
    CallerScope scope;

    @GET
    @Path("{patientId}/facts")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "The patient as this service knows it from patient-service's events",
            description = "Shows how far this service's copy of the patient has caught up (eventsApplied, lastEventTime).")
    @APIResponse(responseCode = "200", description = "The patient's facts")
    @APIResponse(responseCode = "404", description = "Unknown here, or of a site outside the caller's sites")
    public PatientFactsView facts(@PathParam("patientId") UUID patientId) {
        return scope.visible(facts.find(patientId), PatientFactsView::siteCode, PatientFactsView::patientId)
                .orElseThrow(() -> ProblemException.notFound("Patient", patientId));
    }
}
