package org.ventrack.survival.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ventrack.platform.security.Roles;
import org.ventrack.survival.domain.report.SurvivalReport;
import org.ventrack.survival.figures.Figures;
import org.ventrack.survival.figures.KaplanMeierFigure;
import org.ventrack.survival.figures.SwimmerFigure;
import org.ventrack.survival.service.Analysis;
import org.ventrack.survival.service.SurvivalService;
import org.ventrack.survival.service.SwimmerService;

/** The founding paper's Figure 1 for the caller's patients: the swimmer plot (A) and the Kaplan-Meier curves (B). */
@Path("/api/v1/survival")
@Tag(name = "Survival figures")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
public class SurvivalFiguresResource {

    static final String SVG = "image/svg+xml";

    @Inject
    SurvivalService survival;
    @Inject
    SwimmerService swimmer;

    @GET
    @Path("kaplan-meier.svg")
    @Produces(SVG)
    @Operation(summary = "Kaplan-Meier curves as a figure (SVG), from the same fits as GET kaplan-meier",
            description = "A step curve per group with its shaded confidence band, + for censored patients, a dashed "
                    + "line at one year, the log-rank p when grouped and the number at risk at each tick under the "
                    + "x axis. endpoint=OS,EFS draws both endpoints in one figure, as the paper's Figure 1B.")
    @APIResponse(responseCode = "400", description = "Unknown endpoint, groupBy, confType or unit; confLevel outside (0, 1)")
    @APIResponse(responseCode = "422", description = "No patient of the caller's sites has a venetoclax start")
    public String kaplanMeierSvg(
            @Parameter(description = "OS, EFS, or OS,EFS for both") @QueryParam("endpoint") String endpoint,
            @Parameter(description = "none, regimen, site, best-response or hsct") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "log (R's default), log-log or plain") @QueryParam("confType") String confType,
            @QueryParam("confLevel") Double confLevel,
            @Parameter(description = "days (default) or months (30.4375 days)") @QueryParam("unit") String unit,
            @QueryParam("site") String site, @QueryParam("efsFailureTime") String efsFailureTime) {
        List<Analysis> analyses = new ArrayList<>();
        for (Analysis.Endpoint e : endpoints(endpoint)) {
            analyses.add(Analysis.of(e, groupBy, confType, confLevel, List.of(), unit));
        }
        SurvivalService.Cohort cohort = survival.cohort(site, survival.efsFailureTime(efsFailureTime));
        boolean both = analyses.size() > 1;
        List<KaplanMeierFigure.Curve> curves = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Analysis analysis : analyses) {
            SurvivalReport report = survival.kaplanMeier(cohort, analysis);
            String endpointName = analysis.endpoint().name();
            boolean grouped = analysis.groupBy() != Analysis.GroupBy.NONE;
            for (SurvivalReport.GroupCurve group : report.groups()) {
                String label = !grouped ? endpointName : both ? endpointName + " " + group.group() : group.group();
                curves.add(new KaplanMeierFigure.Curve(label, group));
            }
            if (report.logRank() != null) {
                notes.add((both ? endpointName + " " : "") + "Log-rank " + Figures.pValue(report.logRank().pValue()));
            }
        }
        Analysis first = analyses.get(0);
        String subtitle = String.format(Locale.ROOT, "%s; %s %% confidence bands (%s); + censored",
                cohort.patients().size() + " patients" + (first.groupBy() == Analysis.GroupBy.NONE ? ""
                        : " by " + SurvivalViews.name(first.groupBy())),
                new java.text.DecimalFormat("0.#").format(first.confLevel() * 100), SurvivalViews.name(first.confType()));
        double oneYear = first.unit() == Analysis.Unit.DAYS ? 365 : 12;
        return KaplanMeierFigure.svg(new KaplanMeierFigure.Figure(title(analyses), subtitle,
                SurvivalViews.name(first.unit()), oneYear, curves, notes));
    }

    @GET
    @Path("swimmer")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The swimmer plot's data: one lane per patient from the venetoclax start to death or the last "
            + "news, longest first, with the response, HSCT, relapse, progression and death marked (days)")
    @APIResponse(responseCode = "422", description = "No patient of the caller's sites has a venetoclax start")
    public SwimmerViews swimmer(@QueryParam("site") String site) {
        return SwimmerViews.of(swimmer.lanes(site));
    }

    @GET
    @Path("swimmer.svg")
    @Produces(SVG)
    @Operation(summary = "The swimmer plot as a figure (SVG), as the paper's Figure 1A",
            description = "Bars coloured by regimen, longest at the top; triangles for the response (the first CR/CRi "
                    + "when there was one), diamonds for HSCT, red triangles for relapse or progression, crosses "
                    + "for death, an arrow when alive at the last news.")
    @APIResponse(responseCode = "400", description = "Unknown unit")
    @APIResponse(responseCode = "422", description = "No patient of the caller's sites has a venetoclax start")
    public String swimmerSvg(@QueryParam("site") String site,
            @Parameter(description = "days (default) or months (30.4375 days)") @QueryParam("unit") String unit) {
        Analysis.Unit u = Analysis.option(Analysis.Unit.class, "unit", unit, Analysis.Unit.DAYS);
        var lanes = swimmer.lanes(site);
        return SwimmerFigure.svg("Venetoclax-based therapy: course of each patient (n = " + lanes.size() + ")", lanes,
                SurvivalViews.name(u), 1 / u.fromDays(1));
    }

    /** "OS", "EFS" or both, comma-separated; OS when absent. */
    private static Set<Analysis.Endpoint> endpoints(String value) {
        Set<Analysis.Endpoint> endpoints = new LinkedHashSet<>();
        for (String part : (value == null ? "" : value).split(",")) {
            if (!part.isBlank()) {
                endpoints.add(Analysis.option(Analysis.Endpoint.class, "endpoint", part, Analysis.Endpoint.OS));
            }
        }
        if (endpoints.isEmpty()) {
            endpoints.add(Analysis.Endpoint.OS);
        }
        return endpoints;
    }

    private static String title(List<Analysis> analyses) {
        if (analyses.size() > 1) {
            return "Overall and event-free survival";
        }
        return analyses.get(0).endpoint() == Analysis.Endpoint.OS ? "Overall survival (OS)" : "Event-free survival (EFS)";
    }
}
