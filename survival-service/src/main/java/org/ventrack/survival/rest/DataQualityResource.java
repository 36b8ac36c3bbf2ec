package org.ventrack.survival.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ventrack.platform.security.CallerScope;
import org.ventrack.platform.security.Roles;
import org.ventrack.survival.domain.quality.DataQualityReport;
import org.ventrack.survival.service.DataQualityService;

/** The per-site data-quality scoreboard. */
@Path("/api/v1/data-quality")
@Tag(name = "Data quality")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
public class DataQualityResource {

    public record FindingView(UUID patientId, String upn, String detail, String fix) {
    }

    /** @param status CHECKED, or IMPOSSIBLE when the services refuse such data (then {@code note} says how) */
    public record CheckView(String code, String title, String status, String note, int count, List<FindingView> patients) {
    }

    public record SiteView(String site, List<CheckView> checks) {
    }

    public record DataQualityView(LocalDate asOf, List<SiteView> sites) {
    }

    @Inject
    DataQualityService service;
    @Inject
    CallerScope scope;
    @Inject
    ServiceUrls urls;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Data-quality checks per site of the caller's sites", description = "For each site with patients: "
            + "no baseline marrow, no day-10 trough on venetoclax, a trough outside the window, missing follow-up "
            + "(ventrack.data-quality.follow-up-gap, default 90 days), an adverse event without grade, a course without "
            + "dose basis, events out of order; each with the count, the patients concerned and the API to fix them in. "
            + "Kept current from the patient, response and PK events.")
    public DataQualityView dataQuality(@Parameter(description = "one site code; default all of the caller's sites")
            @QueryParam("site") String site) {
        LocalDate today = LocalDate.now();
        return new DataQualityView(today, service.reports(scope.siteFilter(), site, today).stream()
                .map(r -> new SiteView(r.siteCode(), r.checks().stream().map(this::view).toList())).toList());
    }

    private CheckView view(DataQualityReport.Check check) {
        return new CheckView(check.code(), check.title(), check.status().name(), check.note(), check.count(),
                check.patients().stream().map(f -> new FindingView(f.patientId(), f.upn(), f.detail(), fixLink(f))).toList());
    }

    private String fixLink(DataQualityReport.Finding f) {
        String patient = "/api/v1/patients/" + f.patientId();
        return switch (f.fix()) {
            case PATIENT -> urls.patientService() + patient;
            case CLINICAL_EVENTS -> urls.patientService() + patient + "/clinical-events";
            case ASSESSMENTS -> urls.responseService() + patient + "/responses";
            case SAMPLES -> urls.pkService() + patient + "/pk-samples";
        };
    }
}
