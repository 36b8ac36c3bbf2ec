package org.ventrack.pk.sdtm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.pk.service.Sample;
import org.ventrack.pk.service.SampleRepository;
import org.ventrack.platform.export.sdtm.SdtmConfig;
import org.ventrack.platform.export.sdtm.SdtmDataset;
import org.ventrack.platform.export.sdtm.SdtmDomain;
import org.ventrack.platform.patients.PatientFacts;
import org.ventrack.platform.patients.PatientFactsView;
import org.ventrack.platform.patients.PatientTimeline;
import org.ventrack.platform.security.CallerScope;

/** The PC dataset of the caller's sites: every venetoclax sample. */
@ApplicationScoped
public class PkSdtmExport {

    @Inject
    PatientFacts facts;
    @Inject
    PatientTimeline timeline;
    @Inject
    SampleRepository samples;
    @Inject
    CallerScope scope;
    @Inject
    SdtmConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public String pc(String site) {
        List<PatientFactsView> patients = facts.inScope(scope.siteFilter(), site);
        List<UUID> ids = patients.stream().map(PatientFactsView::patientId).toList();
        Map<UUID, List<PatientTimeline.Course>> courses = timeline.courses(ids);
        Map<UUID, List<PkSdtmRows.Concentration>> byPatient = samples.ofPatients(ids).stream()
                .collect(Collectors.groupingBy(s -> s.patientId, Collectors.mapping(PkSdtmExport::concentration,
                        Collectors.toList())));
        List<PkSdtmRows.Subject> subjects = new ArrayList<>();
        for (PatientFactsView p : patients) {
            subjects.add(new PkSdtmRows.Subject(p.siteCode(), p.upn(),
                    courses.getOrDefault(p.patientId(), List.of()).stream().map(PatientTimeline.Course::startDate).findFirst(),
                    byPatient.getOrDefault(p.patientId(), List.of())));
        }
        return SdtmDataset.csv(SdtmDomain.PC, config.studyId(), PkSdtmRows.pc(config.studyId(), subjects));
    }

    private static PkSdtmRows.Concentration concentration(Sample s) {
        return new PkSdtmRows.Concentration(s.sampledAt, s.lastDoseAt, s.concentrationNgPerMl, s.lloqNgPerMl, s.belowLloq,
                s.kind);
    }
}
