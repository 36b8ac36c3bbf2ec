package org.ventrack.survival.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.ventrack.survival.domain.report.SurvivalReport;
import org.ventrack.survival.domain.stats.ConfType;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;

/**
 * Live Kaplan-Meier summaries: every committed change of a patient's survival inputs is broadcast, and each subscriber
 * hears of the changes of the patients it may see, with the OS and EFS summary of its own sites.
 */
@ApplicationScoped
public class SurvivalStream {

    /** OS and EFS of a subscriber's patients, each null when none has a venetoclax start. */
    public record Summary(SurvivalReport.GroupCurve os, SurvivalReport.GroupCurve efs) {
    }

    /** @param patientId null for the summary sent on subscription */
    public record Change(UUID patientId, Summary summary) {
    }

    private static final double ONE_YEAR_DAYS = 365;
    private static final int BUFFER_PER_SUBSCRIBER = 256;

    // patient and response events are consumed on different threads: onNext must be serialised
    private final SerializedProcessor<PatientSurvivalChanged, PatientSurvivalChanged> changes = BroadcastProcessor
            .<PatientSurvivalChanged>create().serialized();

    @Inject
    SurvivalService survival;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PatientSurvivalChanged change) {
        changes.onNext(change);
    }

    /**
     * The summary now, then one change per committed change of a visible patient.
     *
     * @param sites the subscriber's sites, empty when it sees all sites
     */
    public Multi<Change> subscribe(Optional<Set<String>> sites) {
        Multi<Change> live = Multi.createFrom().publisher(changes)
                .filter(c -> sites.isEmpty() || (c.siteCode() != null && sites.get().contains(c.siteCode())))
                .onOverflow().buffer(BUFFER_PER_SUBSCRIBER)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(c -> new Change(c.patientId(), summary(sites)))
                .onFailure().invoke(e -> Log.warnf("survival stream ended: %s", e.getMessage()));
        Multi<Change> now = Multi.createFrom().item(() -> new Change(null, summary(sites)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        // the live stream is subscribed first, so nothing committed after the summary is missed
        return Multi.createBy().merging().streams(live, now);
    }

    Summary summary(Optional<Set<String>> sites) {
        SurvivalService.Cohort cohort = survival.cohort(sites, null, survival.efsFailureTime(null));
        if (cohort.patients().isEmpty()) {
            return new Summary(null, null);
        }
        return new Summary(curve(cohort, Analysis.Endpoint.OS), curve(cohort, Analysis.Endpoint.EFS));
    }

    private SurvivalReport.GroupCurve curve(SurvivalService.Cohort cohort, Analysis.Endpoint endpoint) {
        Analysis analysis = new Analysis(endpoint, Analysis.GroupBy.NONE, null, ConfType.LOG, 0.95,
                new double[] { ONE_YEAR_DAYS }, Analysis.Unit.DAYS);
        List<SurvivalReport.GroupCurve> groups = survival.kaplanMeier(cohort, analysis).groups();
        return groups.get(0);
    }
}
