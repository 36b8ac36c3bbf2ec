package org.ventrack.response.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.patients.PatientFacts;
import org.ventrack.platform.patients.PatientFactsView;
import org.ventrack.platform.patients.PatientTimeline;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.security.CallerScope;
import org.ventrack.response.config.ResponseConfig;
import org.ventrack.response.domain.ResponseCourse;
import org.ventrack.response.domain.criteria.Category;
import org.ventrack.response.domain.criteria.CriteriaSets;
import org.ventrack.response.domain.criteria.ResponseCriteria;
import org.ventrack.response.domain.rates.Distribution;
import org.ventrack.response.domain.rates.ResponseRates;
import org.ventrack.response.domain.rates.ResponseRates.GroupRates;
import org.ventrack.response.service.ResponseStore.StoredBestResponse;

/** Responses of one patient, and response rates and Table 1 rows of the caller's patients. */
@ApplicationScoped
public class ResponseService {

    /** How response rates are grouped. */
    public enum GroupBy {
        NONE, REGIMEN, SITE
    }

    /** The population of a cohort view: patients in scope who started venetoclax, and their best responses. */
    public record Cohort(ResponseCriteria criteria, List<PatientFactsView> patients,
            Map<UUID, List<PatientTimeline.Course>> courses, Map<UUID, StoredBestResponse> bestResponses) {

        Category bestResponse(UUID patientId) {
            StoredBestResponse best = bestResponses.get(patientId);
            return best == null ? Category.NOT_EVALUABLE : Category.valueOf(best.bestResponse());
        }
    }

    /** Table 1 rows this service owns. */
    public record ResponseSummary(String criteria, String criteriaVersion, int n, Distribution baselineBlastPercent,
            GroupRates bestResponse) {
    }

    @Inject
    AssessmentService assessments;
    @Inject
    ResponseLedger ledger;
    @Inject
    PatientFacts facts;
    @Inject
    PatientTimeline timeline;
    @Inject
    ResponseStore store;
    @Inject
    ResponseConfig config;
    @Inject
    CallerScope scope;

    /** The named criteria set, the configured default when null; 400 for an unknown name. */
    public ResponseCriteria criteria(String name) {
        String chosen = name == null || name.isBlank() ? config.defaultCriteria() : name;
        return CriteriaSets.named(chosen).orElseThrow(() -> ProblemException.invalid("criteria",
                "must be one of " + CriteriaSets.names() + ", not " + chosen));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResponseCourse responses(UUID patientId, ResponseCriteria criteria) {
        assessments.readablePatient(patientId);
        return ledger.course(patientId, criteria);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GroupRates> rates(ResponseCriteria criteria, GroupBy groupBy, String site) {
        Cohort cohort = cohort(criteria, site);
        List<ResponseRates.PatientResponse> patients = new ArrayList<>();
        for (PatientFactsView p : cohort.patients()) {
            String group = switch (groupBy) {
                case NONE -> "all";
                case SITE -> p.siteCode();
                case REGIMEN -> cohort.courses().get(p.patientId()).get(0).regimen();
            };
            patients.add(new ResponseRates.PatientResponse(group, cohort.bestResponse(p.patientId())));
        }
        if (groupBy == GroupBy.NONE || patients.isEmpty()) {
            return List.of(ResponseRates.of("all", patients.stream().map(ResponseRates.PatientResponse::bestResponse).toList(),
                    config.confLevel()));
        }
        return ResponseRates.byGroup(patients, config.confLevel());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResponseSummary summary(ResponseCriteria criteria, String site) {
        Cohort cohort = cohort(criteria, site);
        List<BigDecimal> baselines = new ArrayList<>();
        List<Category> best = new ArrayList<>();
        for (PatientFactsView p : cohort.patients()) {
            StoredBestResponse stored = cohort.bestResponses().get(p.patientId());
            if (stored != null && stored.baselineBlastPercent() != null) {
                baselines.add(stored.baselineBlastPercent());
            }
            best.add(cohort.bestResponse(p.patientId()));
        }
        return new ResponseSummary(criteria.name(), criteria.version(), best.size(), Distribution.of(baselines),
                ResponseRates.of("all", best, config.confLevel()));
    }

    private Cohort cohort(ResponseCriteria criteria, String site) {
        List<PatientFactsView> inScope = facts.inScope(scope.siteFilter(), site);
        Map<UUID, List<PatientTimeline.Course>> courses = timeline.courses(inScope.stream().map(PatientFactsView::patientId).toList());
        List<PatientFactsView> treated = inScope.stream().filter(p -> courses.containsKey(p.patientId())).toList();
        return new Cohort(criteria, treated, courses,
                store.bestResponses(treated.stream().map(PatientFactsView::patientId).toList(), criteria.name()));
    }
}
