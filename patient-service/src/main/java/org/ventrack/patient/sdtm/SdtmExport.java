package org.ventrack.patient.sdtm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.patient.domain.AdverseEvent;
import org.ventrack.patient.domain.ClinicalEvent;
import org.ventrack.patient.domain.Comedication;
import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.domain.PatientRecord;
import org.ventrack.patient.domain.PatientRecords;
import org.ventrack.patient.domain.PatientRepository;
import org.ventrack.patient.domain.Site;
import org.ventrack.patient.domain.SiteRepository;
import org.ventrack.patient.domain.TreatmentCourse;
import org.ventrack.patient.sdtm.PatientSdtmRows.Subject;
import org.ventrack.platform.export.sdtm.SdtmConfig;
import org.ventrack.platform.export.sdtm.SdtmDataset;
import org.ventrack.platform.export.sdtm.SdtmDefine;
import org.ventrack.platform.export.sdtm.SdtmDomain;
import org.ventrack.platform.export.sdtm.SdtmRow;
import org.ventrack.platform.peers.Peer;
import org.ventrack.platform.peers.PeerClient;
import org.ventrack.platform.peers.PeerResponse;
import org.ventrack.platform.problem.Problem;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.security.CallerScope;

/**
 * The SDTM-shaped export of the caller's sites: DM, EX, CM and AE from this service's records; RS and PC asked of
 * response-service and pk-service with the caller's own token, so that they scope them as they scope everything.
 */
@ApplicationScoped
public class SdtmExport {

    public static final String ZIP_MEDIA_TYPE = "application/zip";
    public static final List<SdtmDomain> LOCAL = List.of(SdtmDomain.DM, SdtmDomain.EX, SdtmDomain.CM, SdtmDomain.AE);

    @Inject
    PatientRepository patients;
    @Inject
    PatientRecords records;
    @Inject
    SiteRepository sites;
    @Inject
    CallerScope scope;
    @Inject
    PeerClient peers;
    @Inject
    SdtmConfig config;

    /** One domain's CSV; RS and PC come from their owners (503 when one cannot answer). */
    public String csv(SdtmDomain domain, String site) {
        return switch (domain) {
            case RS -> fromPeer(Peer.RESPONSE_SERVICE, domain, site);
            case PC -> fromPeer(Peer.PK_SERVICE, domain, site);
            default -> local(List.of(domain), site).get(domain);
        };
    }

    /** The six CSVs and README.txt; all or nothing: a peer that cannot answer fails the whole zip. */
    public byte[] zip(String site) {
        Map<SdtmDomain, String> files = new LinkedHashMap<>(local(LOCAL, site));
        files.put(SdtmDomain.RS, fromPeer(Peer.RESPONSE_SERVICE, SdtmDomain.RS, site));
        files.put(SdtmDomain.PC, fromPeer(Peer.PK_SERVICE, SdtmDomain.PC, site));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "README.txt", SdtmDefine.readme(config.studyId(), List.copyOf(files.keySet())));
            for (Map.Entry<SdtmDomain, String> file : files.entrySet()) {
                entry(zip, file.getKey().fileName(), file.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not write the zip in memory", e);
        }
        return bytes.toByteArray();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Map<SdtmDomain, String> local(List<SdtmDomain> domains, String site) {
        List<Subject> subjects = subjects(site);
        Map<SdtmDomain, String> files = new LinkedHashMap<>();
        for (SdtmDomain domain : domains) {
            List<SdtmRow> rows = switch (domain) {
                case DM -> PatientSdtmRows.dm(config.studyId(), subjects);
                case EX -> PatientSdtmRows.ex(config.studyId(), subjects);
                case CM -> PatientSdtmRows.cm(config.studyId(), subjects);
                case AE -> PatientSdtmRows.ae(config.studyId(), subjects);
                default -> throw new IllegalArgumentException(domain + " is not patient-service's");
            };
            files.put(domain, SdtmDataset.csv(domain, config.studyId(), rows));
        }
        return files;
    }

    private List<Subject> subjects(String site) {
        Map<UUID, Patient> scoped = patients.inScope(scope.siteFilter(), site).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<String, String> countries = sites.listAll().stream().collect(Collectors.toMap(s -> s.code, (Site s) -> s.country));
        Map<UUID, List<TreatmentCourse>> courses = byPatient(TreatmentCourse.class, scoped, "startDate");
        Map<UUID, List<Comedication>> comedications = byPatient(Comedication.class, scoped, "startDate");
        Map<UUID, List<AdverseEvent>> adverseEvents = byPatient(AdverseEvent.class, scoped, "onsetDate");
        Map<UUID, List<ClinicalEvent>> clinicalEvents = byPatient(ClinicalEvent.class, scoped, "eventDate");
        List<Subject> subjects = new ArrayList<>();
        for (Patient p : scoped.values()) {
            subjects.add(new Subject(p, countries.get(p.siteCode), courses.getOrDefault(p.id, List.of()),
                    comedications.getOrDefault(p.id, List.of()), adverseEvents.getOrDefault(p.id, List.of()),
                    clinicalEvents.getOrDefault(p.id, List.of())));
        }
        return subjects;
    }

    private <R extends PatientRecord> Map<UUID, List<R>> byPatient(Class<R> type, Map<UUID, Patient> scoped, String orderBy) {
        return records.ofPatients(type, scoped.keySet(), orderBy).stream().collect(Collectors.groupingBy(r -> r.patientId));
    }

    private String fromPeer(Peer peer, SdtmDomain domain, String site) {
        String path = "/api/v1/export/sdtm/" + domain.name()
                + (site == null ? "" : "?site=" + URLEncoder.encode(site, StandardCharsets.UTF_8));
        PeerResponse answer = peers.get(peer, path, "text/csv", scope.rawToken());
        if (!answer.successful()) {
            throw new ProblemException(Problem.of(503, "peer-unavailable", "Peer service unavailable",
                    peer.serviceName() + " answered " + answer.status() + " for " + domain.name()
                            + "; nothing was exported. Retry later."));
        }
        return answer.body();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
