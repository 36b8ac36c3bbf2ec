package org.ventrack.pk.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ventrack.platform.security.Roles;
import org.ventrack.pk.domain.dose.DoseDecision;
import org.ventrack.pk.domain.model.IndividualEstimate;
import org.ventrack.pk.service.DoseInput;
import org.ventrack.pk.service.PkAnalyses;

@Path("/api/v1/pk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dosing and monitoring")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
public class PkAnalysesResource {

    static final String DOSE_EXAMPLE = """
            {"ageYears": 11, "weightKg": 20, "heightCm": 120, "date": "2024-01-25",
             "coMedications": [{"name": "voriconazole", "cyp3a": "STRONG", "pgpInhibitor": false, "start": "2024-01-17"}]}""";

    @Inject
    PkAnalyses analyses;

    @POST
    @Path("dose-recommendation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The daily venetoclax dose the rules give, with the rule path (age bands under 2 years, "
            + "360 mg/m2 capped, ramp-up, CYP3A/P-gp reductions, resumption, rounding)",
            description = "A decision aid from configurable rules, not a prescription.")
    public DoseDecision dose(@RequestBody(content = @Content(examples = @ExampleObject(name = "strong inhibitor",
            value = DOSE_EXAMPLE))) @NotNull @Valid DoseInput input) {
        input.check();
        return analyses.dose(input);
    }

    @GET
    @Path("patients/{patientId}/individual-estimate")
    @Operation(summary = "Bayesian MAP estimate of the patient's CL/F and V/F from their samples, the predicted "
            + "profile at the current dose, and the dose for a target trough",
            description = "The population model is configuration (ventrack.pk.model.*); by default the published model of"
                    + " Chinese children of Zhao et al., Drug Des Devel Ther 2026 (one compartment, BSA and strong CYP3A"
                    + " inhibitors on CL/F), to be checked against local data before clinical use.")
    public IndividualEstimate estimate(@PathParam("patientId") UUID patientId,
            @QueryParam("targetTrough") @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") Double targetTrough) {
        return analyses.estimate(patientId, targetTrough);
    }

    @GET
    @Path("monitoring")
    @Operation(summary = "Table 4: troughs by dose basis with age, weight, dose and dose-normalised trough; median "
            + "and range with and without interaction-flagged samples")
    public PkAnalyses.Monitoring monitoring(@QueryParam("site") String site) {
        return analyses.monitoring(site);
    }
}
