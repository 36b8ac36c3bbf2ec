package org.ventrack.response.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.security.Roles;
import org.ventrack.response.domain.criteria.ResponseCriteria;
import org.ventrack.response.service.ResponseService;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cohort")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
public class CohortResponseResource {

    @Inject
    ResponseService responses;

    @GET
    @Path("response-rates")
    @Operation(summary = "Response rates of the caller's patients with exact (Clopper-Pearson) 95 % CIs",
            description = "n is every patient who started venetoclax; ORR counts CR, CRh, CRi, MLFS and PR; the complete "
                    + "remission rate counts CR, CRh and CRi. Rates and bounds are proportions (0-1).")
    @APIResponse(responseCode = "400", description = "Unknown criteria set or groupBy")
    public ResponseViews.RatesView rates(@QueryParam("criteria") String criteria,
            @Parameter(description = "none, regimen or site") @QueryParam("groupBy") @DefaultValue("none") String groupBy,
            @Parameter(description = "only this site") @QueryParam("site") String site) {
        ResponseCriteria chosen = responses.criteria(criteria);
        ResponseService.GroupBy grouping = groupBy(groupBy);
        return new ResponseViews.RatesView(chosen.name(), chosen.version(), grouping.name().toLowerCase(),
                responses.rates(chosen, grouping, site));
    }

    @GET
    @Path("cohort/response-summary")
    @Operation(summary = "Table 1 rows this service owns: BM blasts before the first venetoclax cycle, median (range), "
            + "and best response counts")
    public ResponseService.ResponseSummary summary(@QueryParam("criteria") String criteria, @QueryParam("site") String site) {
        return responses.summary(responses.criteria(criteria), site);
    }

    private static ResponseService.GroupBy groupBy(String value) {
        try {
            return ResponseService.GroupBy.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("groupBy", "must be none, regimen or site");
        }
    }
}
