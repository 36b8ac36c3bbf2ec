package org.ventrack.patient.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ventrack.patient.domain.cohort.Characteristics;
import org.ventrack.patient.domain.cohort.Toxicities;
import org.ventrack.patient.service.CohortService;
import org.ventrack.platform.security.Roles;

/** The founding paper's Table 1 and Table 2, on demand, for the caller's sites. */
@Path("/api/v1/cohort")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cohort")
public class CohortResource {

    @Inject
    CohortService cohort;

    @GET
    @Path("characteristics")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "Table 1: patient characteristics (counts with percentages, medians with ranges)",
            description = "The BM blasts before venetoclax and the best response are response-service's results under "
                    + "`criteria`, kept from its `best-response-changed` events; a patient it has not classified yet "
                    + "counts as UNKNOWN.")
    public Characteristics characteristics(@QueryParam("site") String site,
            @QueryParam("criteria") @DefaultValue("COUSSON_2025")
            @Pattern(regexp = "COUSSON_2025|ELN_2022", message = "must be COUSSON_2025 or ELN_2022") String criteria) {
        return cohort.characteristics(site, criteria);
    }

    @GET
    @Path("toxicities")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "Table 2: per CTCAE term and regimen, patients with any grade and with grade >= 3; serious AEs")
    public Toxicities toxicities(@QueryParam("site") String site) {
        return cohort.toxicities(site);
    }
}
