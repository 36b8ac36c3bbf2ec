package org.ventrack.survival.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.patients.PatientFacts;
import org.ventrack.platform.patients.PatientFactsView;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.security.CallerScope;
import org.ventrack.survival.config.SurvivalConfig;
import org.ventrack.survival.domain.report.Subjects;
import org.ventrack.survival.domain.report.SurvivalReport;
import org.ventrack.survival.domain.stats.AalenJohansen;
import org.ventrack.survival.domain.stats.ConfType;
import org.ventrack.survival.domain.stats.CumulativeIncidence;
import org.ventrack.survival.domain.stats.MedianFollowUp;
import org.ventrack.survival.domain.tte.EfsFailureTime;
import org.ventrack.survival.domain.tte.PatientHistory;
import org.ventrack.survival.domain.tte.TimeToEvent;

/** Survival of the caller's patients from the read model: per patient, Kaplan-Meier, competing risks, follow-up. */
@ApplicationScoped
public class SurvivalService {

    /** A patient's derived times, or why there are none. */
    public record PatientSurvival(PatientHistory history, TimeToEvent.Times times, String criteria,
            EfsFailureTime efsFailureTime) {
    }

    /** The analysed patients: those with a venetoclax start; the others are counted as excluded. */
    public record Cohort(List<PatientHistory> patients, List<TimeToEvent.Times> times, int excluded) {
    }

    @Inject
    SurvivalData data;
    @Inject
    PatientFacts facts;
    @Inject
    CallerScope scope;
    @Inject
    SurvivalConfig config;

    public EfsFailureTime efsFailureTime(String requested) {
        return Analysis.option(EfsFailureTime.class, "efsFailureTime", requested,
                EfsFailureTime.valueOf(config.efsFailureTime()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PatientSurvival patient(UUID patientId, EfsFailureTime failureTime) {
        PatientFactsView patient = scope.visible(facts.find(patientId), PatientFactsView::siteCode, PatientFactsView::patientId)
                .orElseThrow(() -> ProblemException.notFound("Patient", patientId));
        PatientHistory history = data.histories(List.of(patient)).get(0);
        return new PatientSurvival(history, TimeToEvent.of(history, failureTime).orElse(null), config.criteria(),
                failureTime);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cohort cohort(String site, EfsFailureTime failureTime) {
        return cohort(scope.siteFilter(), site, failureTime);
    }

    /** The cohort of the given sites (empty: all sites), for callers outside a request such as stream subscribers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cohort cohort(Optional<Set<String>> sites, String site, EfsFailureTime failureTime) {
        List<PatientHistory> analysed = new ArrayList<>();
        List<TimeToEvent.Times> times = new ArrayList<>();
        int excluded = 0;
        for (PatientHistory p : data.histories(sites, site)) {
            Optional<TimeToEvent.Times> t = TimeToEvent.of(p, failureTime);
            if (t.isPresent()) {
                analysed.add(p);
                times.add(t.get());
            } else {
                excluded++;
            }
        }
        return new Cohort(analysed, times, excluded);
    }

    public SurvivalReport kaplanMeier(Cohort cohort, Analysis analysis) {
        Subjects subjects = new Subjects();
        for (int i = 0; i < cohort.patients().size(); i++) {
            PatientHistory p = cohort.patients().get(i);
            TimeToEvent.Times t = cohort.times().get(i);
            TimeToEvent.Outcome outcome = analysis.endpoint() == Analysis.Endpoint.OS ? t.os() : t.efs();
            subjects.add(analysis.unit().fromDays(outcome.days()), outcome.event(), group(analysis, p, t));
        }
        if (subjects.size() == 0) {
            throw ProblemException.unprocessable("patients", "no patient of the caller's sites has a venetoclax start yet");
        }
        return SurvivalReport.of(subjects, analysis.confType(), analysis.confLevel(), analysis.times());
    }

    /**
     * Relapse (or progression) with death without relapse as the competing risk: state 1 at the first relapse or
     * progression, state 2 at a death before any, censored at the last news otherwise.
     */
    public CumulativeIncidence relapseIncidence(Cohort cohort, ConfType confType, double confLevel, Analysis.Unit unit) {
        int n = cohort.times().size();
        if (n == 0) {
            throw ProblemException.unprocessable("patients", "no patient of the caller's sites has a venetoclax start yet");
        }
        double[] times = new double[n];
        int[] states = new int[n];
        for (int i = 0; i < n; i++) {
            TimeToEvent.Times t = cohort.times().get(i);
            TimeToEvent.Outcome efs = t.efs();
            boolean relapse = efs.event() && (efs.cause().startsWith("relapse") || efs.cause().equals("progression"));
            if (relapse) {
                times[i] = unit.fromDays(efs.days());
                states[i] = 1;
            } else {
                times[i] = unit.fromDays(t.os().days());
                states[i] = t.os().event() ? 2 : 0;
            }
        }
        return AalenJohansen.fit(times, states, 1, confType, confLevel);
    }

    /** Median follow-up by reverse Kaplan-Meier on overall survival, with the range of follow-up times. */
    public MedianFollowUp followUp(Cohort cohort, Analysis.Unit unit) {
        int n = cohort.times().size();
        if (n == 0) {
            throw ProblemException.unprocessable("patients", "no patient of the caller's sites has a venetoclax start yet");
        }
        double[] times = new double[n];
        boolean[] events = new boolean[n];
        for (int i = 0; i < n; i++) {
            times[i] = unit.fromDays(cohort.times().get(i).os().days());
            events[i] = cohort.times().get(i).os().event();
        }
        return MedianFollowUp.of(times, events);
    }

    private static String group(Analysis analysis, PatientHistory p, TimeToEvent.Times t) {
        return switch (analysis.groupBy()) {
            case NONE -> null;
            case REGIMEN -> p.regimen();
            case SITE -> p.siteCode();
            case BEST_RESPONSE -> p.response() == null ? "NOT_EVALUABLE" : p.response().bestResponse();
            case HSCT -> t.hsctDate() == null ? "no HSCT" : "HSCT";
            case GENETIC -> (p.geneticAlterations().stream().anyMatch(label -> label.toLowerCase(java.util.Locale.ROOT)
                    .contains(analysis.genetic().toLowerCase(java.util.Locale.ROOT))) ? "with " : "without ")
                    + analysis.genetic();
        };
    }
}
