package org.ventrack.patient.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.patient.domain.AdverseEvent;
import org.ventrack.patient.domain.BodyMeasurement;
import org.ventrack.patient.domain.ClinicalEvent;
import org.ventrack.patient.domain.Comedication;
import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.domain.PatientRecord;
import org.ventrack.patient.domain.PatientRecords;
import org.ventrack.patient.domain.TreatmentCourse;
import org.ventrack.platform.peers.Peer;
import org.ventrack.platform.peers.PeerClient;
import org.ventrack.platform.peers.PeerResponse;
import org.ventrack.platform.problem.Problem;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.rest.Page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Patients as patient documents (the interchange shape), for the FHIR export: patient-service's own records from its
 * database, assessments and pk samples from response- and pk-service through their REST APIs with the caller's token
 * (so their own scoping applies). A peer that is not configured leaves its section empty and says so in
 * {@link Read#notes()}; a peer that is configured but unreachable fails the read (503/504 problem).
 */
@ApplicationScoped
public class PatientDocumentReader {

    /** The documents, with the platform's patient ids, and what could not be included. */
    public record Read(List<ObjectNode> documents, List<UUID> patientIds, List<String> notes) {
    }

    @Inject
    PatientRecords records;
    @Inject
    PeerClient peers;
    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Read read(List<Patient> patients, String token) {
        List<UUID> ids = patients.stream().map(p -> p.id).toList();
        Map<UUID, List<BodyMeasurement>> measurements = byPatient(BodyMeasurement.class, ids, "measuredOn");
        Map<UUID, List<Comedication>> comedications = byPatient(Comedication.class, ids, "startDate");
        Map<UUID, List<TreatmentCourse>> courses = byPatient(TreatmentCourse.class, ids, "startDate");
        Map<UUID, List<AdverseEvent>> adverseEvents = byPatient(AdverseEvent.class, ids, "onsetDate");
        Map<UUID, List<ClinicalEvent>> clinicalEvents = byPatient(ClinicalEvent.class, ids, "eventDate");
        List<String> notes = new ArrayList<>();
        boolean responses = peers.configured(Peer.RESPONSE_SERVICE);
        boolean pk = peers.configured(Peer.PK_SERVICE);
        if (!responses) {
            notes.add("response-service is not configured here: assessments are not included");
        }
        if (!pk) {
            notes.add("pk-service is not configured here: pk samples are not included");
        }
        List<ObjectNode> documents = new ArrayList<>();
        for (Patient p : patients) {
            ObjectNode doc = json.createObjectNode();
            doc.set("patient", patient(p));
            section(doc, "measurements", measurements.get(p.id), (m, n) -> n.put("measuredOn", m.measuredOn.toString())
                    .put("weightKg", plain(m.weightKg)).put("heightCm", plain(m.heightCm)));
            section(doc, "comedications", comedications.get(p.id), (c, n) -> {
                n.put("drug", c.drug).put("startDate", c.startDate.toString());
                if (c.endDate != null) n.put("endDate", c.endDate.toString());
            });
            section(doc, "treatmentCourses", courses.get(p.id), (c, n) -> {
                n.put("startDate", c.startDate.toString()).put("regimen", c.regimen.name());
                ArrayNode agents = n.putArray("partnerAgents");
                c.partnerAgents.forEach(agents::add);
                n.put("cycleLengthDays", c.cycleLengthDays).put("activeDays", c.activeDays).put("doseBasis", c.doseBasis.name())
                        .put("dailyDoseMg", plain(c.dailyDoseMg)).put("rampUp", c.rampUp);
                if (c.cyclesGiven != null) n.put("cyclesGiven", plain(c.cyclesGiven));
                if (c.endDate != null) n.put("endDate", c.endDate.toString());
                if (c.endReason != null) n.put("endReason", c.endReason);
            });
            doc.set("assessments", responses ? peerList(Peer.RESPONSE_SERVICE, "/api/v1/patients/" + p.id + "/assessments", token,
                    List.of("assessmentDate", "cycle", "blastPercent", "circulatingBlasts", "extramedullaryDisease",
                            "extramedullarySites", "platelets", "anc", "transfusionDependent", "cellularityPercent",
                            "cellsCounted", "mrdStatus", "mrdLevelPercent", "baseline")) : json.createArrayNode());
            doc.set("pkSamples", pk ? peerList(Peer.PK_SERVICE, "/api/v1/patients/" + p.id + "/pk-samples", token,
                    List.of("sampledAt", "lastDoseAt", "dailyDoseMg", "concentrationNgPerMl", "lloqNgPerMl", "belowLloq", "kind"))
                    : json.createArrayNode());
            section(doc, "adverseEvents", adverseEvents.get(p.id), (a, n) -> n.put("term", a.term).put("grade", a.grade)
                    .put("onsetDate", a.onsetDate.toString()).put("serious", a.serious).put("attribution", a.attribution.name()));
            section(doc, "clinicalEvents", clinicalEvents.get(p.id), (e, n) -> {
                n.put("kind", e.kind.name()).put("date", e.eventDate.toString());
                if (e.hsctDonor != null) n.put("hsctDonor", e.hsctDonor.name());
                if (e.hsctConditioning != null) n.put("hsctConditioning", e.hsctConditioning.name());
                if (e.deathCause != null) n.put("deathCause", e.deathCause.name());
            });
            documents.add(doc);
        }
        return new Read(documents, ids, notes);
    }

    private ObjectNode patient(Patient p) {
        ObjectNode n = json.createObjectNode().put("siteCode", p.siteCode).put("upn", p.upn).put("sex", p.sex.name())
                .put("birthDate", p.birthDate.toString()).put("diagnosis", p.diagnosis.name());
        if (p.diagnosisDate != null) n.put("diagnosisDate", p.diagnosisDate.toString());
        n.put("priorRelapses", p.priorRelapses);
        if (p.priorLines != null) n.put("priorLines", p.priorLines);
        n.put("priorHsct", p.priorHsct);
        if (p.priorHsctDate != null) n.put("priorHsctDate", p.priorHsctDate.toString());
        if (p.cnsStatus != null) n.put("cnsStatus", p.cnsStatus);
        ArrayNode sites = n.putArray("extramedullarySites");
        p.extramedullarySites.forEach(sites::add);
        ArrayNode genetics = n.putArray("geneticAlterations");
        p.geneticAlterations.forEach(g -> genetics.addObject().put("kind", g.kind().name()).put("label", g.label()));
        return n;
    }

    /** Every page of a peer's list for the patient, each item reduced to the fields of the peer's POST body. */
    private ArrayNode peerList(Peer peer, String path, String token, List<String> fields) {
        ArrayNode out = json.createArrayNode();
        for (int page = 0;; page++) {
            PeerResponse response = peers.send(peer, "GET", path + "?size=" + Page.MAX_SIZE + "&page=" + page, null, token);
            if (!response.successful()) {
                throw new ProblemException(Problem.of(502, "peer-refused", "A peer service refused the read",
                        peer.serviceName() + " answered " + response.status() + " to " + path + "."));
            }
            JsonNode body;
            try {
                body = json.readTree(response.body());
            } catch (JsonProcessingException e) {
                throw new ProblemException(Problem.of(502, "peer-refused", "A peer service answered garbage",
                        peer.serviceName() + " did not answer JSON to " + path + "."));
            }
            for (JsonNode item : body.path("items")) {
                ObjectNode kept = out.addObject();
                for (String field : fields) {
                    JsonNode value = item.get(field);
                    if (value != null && !value.isNull() && !(value.isArray() && value.isEmpty())) {
                        kept.set(field, value);
                    }
                }
            }
            if ((long) (page + 1) * Page.MAX_SIZE >= body.path("total").asLong()) {
                return out;
            }
        }
    }

    private <R extends PatientRecord> Map<UUID, List<R>> byPatient(Class<R> type, Collection<UUID> ids, String orderBy) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return records.ofPatients(type, ids, orderBy).stream().collect(Collectors.groupingBy(r -> r.patientId));
    }

    private <R> void section(ObjectNode doc, String name, List<R> list, BiConsumer<R, ObjectNode> fill) {
        ArrayNode array = doc.putArray(name);
        if (list != null) {
            list.forEach(r -> fill.accept(r, array.addObject()));
        }
    }

    /** 342.00 as stored reads 342, as posted. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
