package org.ventrack.response.sdtm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.export.sdtm.SdtmConfig;
import org.ventrack.platform.export.sdtm.SdtmDataset;
import org.ventrack.platform.export.sdtm.SdtmDomain;
import org.ventrack.platform.patients.PatientFacts;
import org.ventrack.platform.patients.PatientFactsView;
import org.ventrack.platform.patients.PatientTimeline;
import org.ventrack.platform.security.CallerScope;
import org.ventrack.response.domain.criteria.Category;
import org.ventrack.response.domain.criteria.CriteriaSets;
import org.ventrack.response.domain.criteria.ResponseCriteria;
import org.ventrack.response.service.Assessment;
import org.ventrack.response.service.AssessmentRepository;
import org.ventrack.response.service.ResponseStore;
import org.ventrack.response.service.ResponseStore.StoredBestResponse;

/** The RS dataset of the caller's sites: every current result under every criteria set, and the best responses. */
@ApplicationScoped
public class ResponseSdtmExport {

    @Inject
    PatientFacts facts;
    @Inject
    PatientTimeline timeline;
    @Inject
    AssessmentRepository assessments;
    @Inject
    ResponseStore store;
    @Inject
    CallerScope scope;
    @Inject
    SdtmConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public String rs(String site) {
        List<PatientFactsView> patients = facts.inScope(scope.siteFilter(), site);
        List<UUID> ids = patients.stream().map(PatientFactsView::patientId).toList();
        Map<UUID, List<PatientTimeline.Course>> courses = timeline.courses(ids);
        Map<UUID, Assessment> byId = assessments.ofPatients(ids).stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
        Map<UUID, List<ResponseSdtmRows.Result>> results = store.currentOf(ids).stream()
                .filter(c -> byId.containsKey(c.assessmentId()))
                .collect(Collectors.groupingBy(ResponseStore.StoredClassification::patientId, Collectors.mapping(c -> {
                    Assessment a = byId.get(c.assessmentId());
                    return new ResponseSdtmRows.Result(c.criteria(), a.assessmentDate, a.cycle, Category.valueOf(c.category()));
                }, Collectors.toList())));
        List<String> criteriaOrder = CriteriaSets.ALL.stream().map(ResponseCriteria::name).toList();
        Map<String, Map<UUID, StoredBestResponse>> bests = criteriaOrder.stream()
                .collect(Collectors.toMap(Function.identity(), name -> store.bestResponses(ids, name)));
        List<ResponseSdtmRows.Subject> subjects = new ArrayList<>();
        for (PatientFactsView p : patients) {
            List<ResponseSdtmRows.Best> best = new ArrayList<>();
            for (String criteria : criteriaOrder) {
                StoredBestResponse b = bests.get(criteria).get(p.patientId());
                if (b != null) {
                    best.add(new ResponseSdtmRows.Best(criteria, Category.valueOf(b.bestResponse()), b.bestResponseDate()));
                }
            }
            subjects.add(new ResponseSdtmRows.Subject(p.siteCode(), p.upn(),
                    courses.getOrDefault(p.patientId(), List.of()).stream().map(PatientTimeline.Course::startDate).findFirst(),
                    results.getOrDefault(p.patientId(), List.of()), best));
        }
        return SdtmDataset.csv(SdtmDomain.RS, config.studyId(), ResponseSdtmRows.rs(config.studyId(), subjects, criteriaOrder));
    }
}
