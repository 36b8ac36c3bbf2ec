package org.ventrack.survival.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.patients.PatientFacts;
import org.ventrack.platform.patients.PatientFactsView;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.security.CallerScope;
import org.ventrack.survival.domain.report.SwimmerLane;
import org.ventrack.survival.domain.tte.PatientHistory;

/** The swimmer plot's lanes of the caller's patients, longest first. */
@ApplicationScoped
public class SwimmerService {

    @Inject
    SurvivalService survival;
    @Inject
    PatientFacts facts;
    @Inject
    CallerScope scope;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SwimmerLane> lanes(String site) {
        SurvivalService.Cohort cohort = survival.cohort(site, survival.efsFailureTime(null));
        if (cohort.patients().isEmpty()) {
            throw ProblemException.unprocessable("patients", "no patient of the caller's sites has a venetoclax start yet");
        }
        Map<UUID, String> upns = new HashMap<>();
        for (PatientFactsView p : facts.inScope(scope.siteFilter(), site)) {
            upns.put(p.patientId(), p.upn());
        }
        List<SwimmerLane> lanes = new ArrayList<>();
        for (int i = 0; i < cohort.patients().size(); i++) {
            PatientHistory p = cohort.patients().get(i);
            lanes.add(SwimmerLane.of(p, upns.get(p.patientId()), cohort.times().get(i)));
        }
        lanes.sort(SwimmerLane.LONGEST_FIRST);
        return lanes;
    }
}
