package org.ventrack.survival.rest;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ventrack.platform.security.Roles;
import org.ventrack.survival.config.SurvivalConfig;
import org.ventrack.survival.domain.report.Subjects;
import org.ventrack.survival.domain.report.SurvivalReport;
import org.ventrack.survival.domain.stats.ConfType;
import org.ventrack.survival.domain.tte.EfsFailureTime;
import org.ventrack.survival.service.Analysis;
import org.ventrack.survival.service.SurvivalService;

@Path("/api/v1/survival")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Survival")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
public class SurvivalResource {

    @Inject
    SurvivalService survival;
    @Inject
    SurvivalConfig config;

    @GET
    @Path("patients/{patientId}")
    @Operation(summary = "A patient's OS and EFS times from the venetoclax start, each with the fact that decided it")
    @APIResponse(responseCode = "404", description = "Unknown here, or of a site outside the caller's sites")
    public SurvivalViews.PatientSurvivalView patient(@PathParam("patientId") UUID patientId,
            @QueryParam("efsFailureTime") String efsFailureTime) {
        return SurvivalViews.of(survival.patient(patientId, survival.efsFailureTime(efsFailureTime)));
    }

    @GET
    @Path("kaplan-meier")
    @Operation(summary = "Kaplan-Meier curves of the caller's patients, equal to R's survfit, with the log-rank test "
            + "when grouped", description = "Per group: n, events, every step (time, n.risk, n.event, n.censor, "
                    + "survival, std.err as summary.survfit, bounds), the curve at the requested times, median and "
                    + "quartiles with their CIs (null when not reached).")
    @APIResponse(responseCode = "400", description = "Unknown endpoint, groupBy, confType or unit; confLevel outside (0, 1)")
    public SurvivalViews.KaplanMeierView kaplanMeier(
            @Parameter(description = "OS or EFS") @QueryParam("endpoint") String endpoint,
            @Parameter(description = "none, regimen, site, best-response, hsct or genetic:<label> (e.g. genetic:KMT2A)") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "log (R's default), log-log or plain") @QueryParam("confType") String confType,
            @QueryParam("confLevel") Double confLevel,
            @Parameter(description = "times to read the curves at, e.g. 365 or 12 with unit=months") @QueryParam("times") List<String> times,
            @Parameter(description = "days (default) or months (30.4375 days)") @QueryParam("unit") String unit,
            @QueryParam("site") String site, @QueryParam("efsFailureTime") String efsFailureTime) {
        Analysis analysis = Analysis.of(Analysis.option(Analysis.Endpoint.class, "endpoint", endpoint, Analysis.Endpoint.OS),
                groupBy, confType, confLevel, times, unit);
        SurvivalService.Cohort cohort = survival.cohort(site, survival.efsFailureTime(efsFailureTime));
        SurvivalReport report = survival.kaplanMeier(cohort, analysis);
        return SurvivalViews.of(report, analysis.endpoint().name(), analysis.unit(), SurvivalViews.name(analysis.confType()),
                analysis.confLevel(), cohort.excluded());
    }

    @POST
    @Path("kaplan-meier")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Kaplan-Meier and log-rank of the subjects sent (stateless, nothing stored)",
            description = "Up to ventrack.survival.max-subjects subjects (2,000,000 by default), read as they stream in.")
    @APIResponse(responseCode = "413", description = "More subjects than the limit")
    public SurvivalViews.KaplanMeierView kaplanMeierOf(@RequestBody(content = @Content(examples = @ExampleObject(
            name = "example", value = Examples.SUBJECTS))) InputStream body,
            @Parameter(description = "false leaves out the steps of the curves: only n, events, the curve at the "
                    + "requested times, quantiles and the log-rank test") @QueryParam("steps") @DefaultValue("true") boolean steps) {
        SubjectsReader.Request request = SubjectsReader.json(body, config.maxSubjects());
        return stateless(request.subjects(), request.confType(), request.confLevel(), request.times(), steps);
    }

    @POST
    @Path("kaplan-meier")
    @Consumes("text/csv")
    @Operation(summary = "Kaplan-Meier and log-rank of subjects sent as CSV: header time,event[,group]")
    public SurvivalViews.KaplanMeierView kaplanMeierOfCsv(InputStream body, @QueryParam("confType") String confType,
            @QueryParam("confLevel") Double confLevel, @QueryParam("times") List<String> times,
            @QueryParam("steps") @DefaultValue("true") boolean steps) {
        return stateless(SubjectsReader.csv(body, config.maxSubjects()), confType, confLevel, times, steps);
    }

    @GET
    @Path("cumulative-incidence")
    @Operation(summary = "Cumulative incidence of relapse or progression, death without relapse competing "
            + "(Aalen-Johansen, as survfit with a multi-state factor)")
    public SurvivalViews.CumulativeIncidenceView cumulativeIncidence(@QueryParam("confType") String confType,
            @QueryParam("confLevel") Double confLevel, @QueryParam("unit") String unit, @QueryParam("site") String site) {
        ConfType type = Analysis.option(ConfType.class, "confType", confType, ConfType.LOG);
        double level = Analysis.confLevel(confLevel);
        Analysis.Unit u = Analysis.option(Analysis.Unit.class, "unit", unit, Analysis.Unit.DAYS);
        SurvivalService.Cohort cohort = survival.cohort(site, survival.efsFailureTime(null));
        return SurvivalViews.of(survival.relapseIncidence(cohort, type, level, u), u, SurvivalViews.name(type), level,
                cohort.times().size());
    }

    @GET
    @Path("follow-up")
    @Operation(summary = "Median follow-up by reverse Kaplan-Meier, with the range")
    public SurvivalViews.FollowUpView followUp(@QueryParam("unit") String unit, @QueryParam("site") String site) {
        Analysis.Unit u = Analysis.option(Analysis.Unit.class, "unit", unit, Analysis.Unit.DAYS);
        SurvivalService.Cohort cohort = survival.cohort(site, EfsFailureTime.DAY_ZERO);
        return SurvivalViews.of(survival.followUp(cohort, u), u, cohort.times().size());
    }

    private static SurvivalViews.KaplanMeierView stateless(Subjects subjects, String confType, Double confLevel,
            List<String> times, boolean steps) {
        ConfType type = Analysis.option(ConfType.class, "confType", confType, ConfType.LOG);
        double level = Analysis.confLevel(confLevel);
        SurvivalReport report = SurvivalReport.of(subjects, type, level, Analysis.times(times));
        return SurvivalViews.of(report, null, null, SurvivalViews.name(type), level, null, steps);
    }
}
