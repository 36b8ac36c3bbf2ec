package org.ventrack.survival.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ventrack.platform.security.CallerScope;
import org.ventrack.platform.security.Roles;
import org.ventrack.survival.domain.report.SurvivalReport;
import org.ventrack.survival.service.SurvivalStream;

import io.smallrye.mutiny.Multi;

/** Server-sent events: the caller's OS and EFS summary, again each time a visible patient's survival changes. */
@Path("/api/v1/survival/stream")
@Tag(name = "Survival")
@RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
public class SurvivalStreamResource {

    static final String SUBSCRIBED = "subscribed";
    static final String KM_CHANGED = "km-changed";

    /** One endpoint's summary; times in days, null where R gives NA (median not reached, no one followed a year). */
    record EndpointSummary(int n, int events, double median, double medianLower, double medianUpper,
            Double oneYearSurvival, Double oneYearLower, Double oneYearUpper) {

        static EndpointSummary of(SurvivalReport.GroupCurve curve) {
            if (curve == null) {
                return null;
            }
            boolean followedAYear = curve.atTimes().time().length > 0;
            return new EndpointSummary(curve.n(), curve.events(), curve.median().time(), curve.median().lower(),
                    curve.median().upper(), followedAYear ? curve.atTimes().surv()[0] : null,
                    followedAYear ? curve.atTimes().lower()[0] : null, followedAYear ? curve.atTimes().upper()[0] : null);
        }
    }

    /** @param patientId the patient whose change caused the event; null in the first event */
    record KaplanMeierChangedView(UUID patientId, EndpointSummary os, EndpointSummary efs) {
    }

    @Inject
    SurvivalStream stream;
    @Inject
    CallerScope scope;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live OS and EFS summaries (server-sent events)", description = "First a 'subscribed' event "
            + "with the summary of the caller's patients now, then a 'km-changed' event after each committed change "
            + "(course, clinical event or response) of a patient of the caller's sites: the patient id and the "
            + "summary of the caller's patients, per endpoint n, events, median with CI and 1-year survival with "
            + "CI (days, log CI, 95 %).")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        return stream.subscribe(scope.siteFilter()).map(change -> sse.newEventBuilder()
                .name(change.patientId() == null ? SUBSCRIBED : KM_CHANGED)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(new KaplanMeierChangedView(change.patientId(), EndpointSummary.of(change.summary().os()),
                        EndpointSummary.of(change.summary().efs())))
                .build());
    }
}
