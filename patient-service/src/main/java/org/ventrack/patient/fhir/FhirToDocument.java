package org.ventrack.patient.fhir;

import static org.ventrack.patient.fhir.FhirCodes.*;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A FHIR R4 Bundle as patient documents (the shape of {@code demo/cousson-2025/UPN*.json}), with what each entry
 * became or why it was rejected. Pure: no I/O. A Patient must be pseudonymised (no name, telecom, address, photo,
 * contact, narrative, and no identifier but the study's UPN); every other resource must reference a Patient of the
 * same Bundle. The reverse of {@link DocumentToFhir}; the README's mapping table lists the codes.
 */
public final class FhirToDocument {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String[] SECTIONS = { "measurements", "comedications", "treatmentCourses", "assessments", "pkSamples",
            "adverseEvents", "clinicalEvents" };

    /** Where an accepted entry went: a section of the document of site + UPN ("patient" for the patient itself). */
    public record RecordRef(String siteCode, String upn, String section, int index) {
    }

    /** Why an entry was rejected; {@code expression} is a FHIRPath into the entry's resource. */
    public record Issue(IssueType type, String expression, String message) {
    }

    /**
     * The documents (one per accepted Patient, in Bundle order), where each accepted entry went, and the issues of each
     * rejected entry (by entry index). An entry is in exactly one of {@code targets} and {@code issues}.
     */
    public record Result(List<ObjectNode> documents, Map<Integer, List<RecordRef>> targets, Map<Integer, List<Issue>> issues) {
    }

    private FhirToDocument() {
    }

    public static Result read(Bundle bundle) {
        return new Reading(bundle).run();
    }

    private static final class Reading {
        private final List<Bundle.BundleEntryComponent> entries;
        private final Map<Integer, List<Issue>> issues = new TreeMap<>();
        private final Map<String, Draft> patientsByReference = new HashMap<>();
        private final Map<String, Integer> rejectedPatients = new HashMap<>();
        private final List<Draft> drafts = new ArrayList<>();

        Reading(Bundle bundle) {
            this.entries = bundle.getEntry();
        }

        Result run() {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).getResource() instanceof Patient patient) {
                    readPatient(i, patient);
                }
            }
            for (int i = 0; i < entries.size(); i++) {
                Resource resource = entries.get(i).getResource();
                if (resource == null) {
                    reject(i, IssueType.REQUIRED, "Bundle.entry[" + i + "]", "the entry has no resource");
                } else if (!(resource instanceof Patient)) {
                    readOther(i, resource);
                }
            }
            List<ObjectNode> documents = new ArrayList<>();
            Map<Integer, List<RecordRef>> targets = new TreeMap<>();
            for (Draft draft : drafts) {
                draft.finish(this);
                draft.dropRejected(this);
                if (draft.patient.has("diagnosis")) {
                    documents.add(draft.document());
                    draft.targets.forEach((entry, refs) -> {
                        if (!issues.containsKey(entry)) {
                            targets.computeIfAbsent(entry, e -> new ArrayList<>()).addAll(refs);
                        }
                    });
                } else {
                    reject(draft.entry, IssueType.REQUIRED, "Patient",
                            "a Patient needs a Condition with its diagnosis in the same Bundle");
                    draft.targets.keySet().stream().filter(e -> e != draft.entry).forEach(e -> reject(e,
                            IssueType.NOTFOUND, "subject", "its Patient (entry " + draft.entry + ") was rejected"));
                }
            }
            targets.keySet().removeIf(issues::containsKey);
            return new Result(documents, targets, issues);
        }

        void reject(int entry, IssueType type, String expression, String message) {
            issues.computeIfAbsent(entry, e -> new ArrayList<>()).add(new Issue(type, expression, message));
        }

        private void readPatient(int i, Patient p) {
            int before = issueCount(i);
            String why = "would re-identify the patient: VenTrack keeps pseudonymised data only";
            if (p.hasName()) reject(i, IssueType.SECURITY, "Patient.name", "a name " + why);
            if (p.hasTelecom()) reject(i, IssueType.SECURITY, "Patient.telecom", "contact details " + why);
            if (p.hasAddress()) reject(i, IssueType.SECURITY, "Patient.address", "an address " + why);
            if (p.hasPhoto()) reject(i, IssueType.SECURITY, "Patient.photo", "a photo " + why);
            if (p.hasContact()) reject(i, IssueType.SECURITY, "Patient.contact", "a contact person " + why);
            if (p.hasText()) reject(i, IssueType.SECURITY, "Patient.text", "a narrative may name the patient and " + why);
            String upn = null;
            for (int k = 0; k < p.getIdentifier().size(); k++) {
                Identifier id = p.getIdentifier().get(k);
                if (UPN_SYSTEM.equals(id.getSystem()) && upn == null) {
                    upn = id.getValue();
                } else {
                    reject(i, IssueType.SECURITY, "Patient.identifier[" + k + "]", "only one identifier of system "
                            + UPN_SYSTEM + " (the study's UPN) is accepted; another identifier " + why);
                }
            }
            if (upn == null) reject(i, IssueType.REQUIRED, "Patient.identifier", "needs the UPN, system " + UPN_SYSTEM);
            Identifier managing = p.getManagingOrganization().getIdentifier();
            String site = SITE_SYSTEM.equals(managing.getSystem()) ? managing.getValue() : null;
            if (site == null) reject(i, IssueType.REQUIRED, "Patient.managingOrganization.identifier",
                    "needs the study site's code, system " + SITE_SYSTEM);
            if (!p.hasGender() || (p.getGender() != AdministrativeGender.MALE
                    && p.getGender() != AdministrativeGender.FEMALE)) {
                reject(i, IssueType.VALUE, "Patient.gender", "must be male or female");
            }
            if (!p.hasBirthDate()) reject(i, IssueType.REQUIRED, "Patient.birthDate", "is required");
            if (p.hasDeceasedBooleanType() && p.getDeceasedBooleanType().booleanValue()) {
                reject(i, IssueType.REQUIRED, "Patient.deceased", "give the date of death (deceasedDateTime)");
            }
            String reference = reference(i, p);
            if (issueCount(i) > before) {
                rejectedPatients.put(reference, i);
                if (p.hasIdElement() && p.getIdElement().hasIdPart()) rejectedPatients.put("Patient/" + p.getIdElement().getIdPart(), i);
                return;
            }
            Draft draft = new Draft(i, site, upn);
            ObjectNode patient = draft.patient;
            patient.put("siteCode", site);
            patient.put("upn", upn);
            patient.put("sex", p.getGender() == AdministrativeGender.MALE ? "MALE" : "FEMALE");
            patient.put("birthDate", p.getBirthDateElement().getValueAsString());
            patient.put("priorHsct", bool(p, EXT_PRIOR_HSCT));
            date(p, EXT_PRIOR_HSCT_DATE).ifPresent(d -> patient.put("priorHsctDate", d));
            draft.ref(i, "patient", 0);
            if (p.hasDeceasedDateTimeType()) {
                ObjectNode death = JSON.objectNode().put("kind", "DEATH").put("date", day(p.getDeceasedDateTimeType()));
                code(p, EXT_DEATH_CAUSE, "death-cause").ifPresent(c -> death.put("deathCause", c));
                draft.add(i, "clinicalEvents", death);
            }
            drafts.add(draft);
            patientsByReference.put(reference, draft);
            if (p.hasIdElement() && p.getIdElement().hasIdPart()) {
                patientsByReference.put("Patient/" + p.getIdElement().getIdPart(), draft);
            }
        }

        private String reference(int i, Patient p) {
            String fullUrl = entries.get(i).getFullUrl();
            return fullUrl != null ? fullUrl : "Patient/" + p.getIdElement().getIdPart();
        }

        private int issueCount(int entry) {
            return issues.getOrDefault(entry, List.of()).size();
        }

        private void readOther(int i, Resource resource) {
            String type = resource.fhirType();
            Reference subject = resource instanceof Condition c ? c.getSubject()
                    : resource instanceof Observation o ? o.getSubject()
                    : resource instanceof MedicationStatement m ? m.getSubject()
                    : resource instanceof MedicationAdministration m ? m.getSubject()
                    : resource instanceof Procedure pr ? pr.getSubject()
                    : resource instanceof AdverseEvent ae ? ae.getSubject()
                    : null;
            if (subject == null) {
                reject(i, IssueType.NOTSUPPORTED, type, "resource type " + type + " is not handled; accepted: Patient, "
                        + "Condition, MedicationStatement, MedicationAdministration, Procedure, AdverseEvent, Observation");
                return;
            }
            String ref = subject.getReference();
            Draft draft = ref == null ? null : patientsByReference.get(ref);
            if (draft == null) {
                Integer rejected = ref == null ? null : rejectedPatients.get(ref);
                reject(i, IssueType.NOTFOUND, type + ".subject", rejected != null
                        ? "its Patient (entry " + rejected + ") was rejected"
                        : "must reference a Patient entry of this Bundle (its fullUrl or Patient/id)");
                return;
            }
            if (resource instanceof Condition c) {
                condition(i, c, draft);
            } else if (resource instanceof Observation o) {
                observation(i, o, draft);
            } else if (resource instanceof MedicationStatement m) {
                medication(i, "MedicationStatement", m.getMedication(), m.getEffective(),
                        m.getDosageFirstRep().getDoseAndRateFirstRep().getDose(), m.getStatusReasonFirstRep(), m, draft);
            } else if (resource instanceof MedicationAdministration m) {
                medication(i, "MedicationAdministration", m.getMedication(), m.getEffective(), m.getDosage().getDose(),
                        m.getStatusReasonFirstRep(), m, draft);
            } else if (resource instanceof Procedure pr) {
                procedure(i, pr, draft);
            } else {
                adverseEvent(i, (AdverseEvent) resource, draft);
            }
        }

        private void condition(int i, Condition c, Draft draft) {
            if (draft.patient.has("diagnosis")) {
                reject(i, IssueType.BUSINESSRULE, "Condition", "the Patient already has its diagnosis Condition (one per Patient)");
                return;
            }
            boolean relapse = c.getClinicalStatus().getCoding().stream().anyMatch(x -> "relapse".equals(x.getCode()));
            String diagnosis = null;
            for (Coding coding : c.getCode().getCoding()) {
                diagnosis = diagnosis(coding, relapse);
                if (diagnosis != null) break;
            }
            if (diagnosis == null) {
                reject(i, IssueType.CODEINVALID, "Condition.code", "no recognised diagnosis coding (systems seen: "
                        + systems(c.getCode()) + "); accepted: " + DIAGNOSIS_SYSTEM + ", ICD-10 C92.0 (AML, relapsed "
                        + "when clinicalStatus is relapse, else refractory), C92.8/C92.A (AML with myelodysplasia-related "
                        + "changes), D46 (MDS), SNOMED CT " + SNOMED_AML + " (AML) and " + SNOMED_MDS + " (MDS)");
                return;
            }
            ObjectNode p = draft.patient;
            p.put("diagnosis", diagnosis);
            if (c.hasOnsetDateTimeType()) p.put("diagnosisDate", day(c.getOnsetDateTimeType()));
            integer(c, EXT_PRIOR_RELAPSES).ifPresent(v -> p.put("priorRelapses", v));
            integer(c, EXT_PRIOR_LINES).ifPresent(v -> p.put("priorLines", v));
            integer(c, EXT_CNS_STATUS).ifPresent(v -> p.put("cnsStatus", v));
            ArrayNode sites = p.putArray("extramedullarySites");
            c.getBodySite().forEach(b -> sites.add(b.hasText() ? b.getText() : b.getCodingFirstRep().getDisplay()));
            ArrayNode genetics = p.putArray("geneticAlterations");
            for (Extension g : c.getExtensionsByUrl(EXT_GENETIC_ALTERATION)) {
                Extension kind = g.getExtensionByUrl("kind");
                Extension label = g.getExtensionByUrl("label");
                genetics.add(JSON.objectNode()
                        .put("kind", kind != null && kind.getValue() instanceof Coding k ? k.getCode() : null)
                        .put("label", label != null ? label.getValue().primitiveValue() : null));
            }
            draft.ref(i, "patient", 0);
        }

        private static String diagnosis(Coding coding, boolean relapse) {
            String code = coding.getCode() == null ? "" : coding.getCode();
            String aml = relapse ? "RELAPSED_AML" : "REFRACTORY_AML";
            String system = coding.getSystem() == null ? "" : coding.getSystem();
            return switch (system) {
                case DIAGNOSIS_SYSTEM -> code;
                case ICD10, "http://hl7.org/fhir/sid/icd-10-cm" -> code.startsWith("C92.0") ? aml
                        : code.startsWith("C92.8") || code.startsWith("C92.A") ? "MDS_RELATED_AML"
                        : code.startsWith("D46") ? "MDS" : null;
                case SNOMED -> SNOMED_AML.equals(code) ? aml : SNOMED_MDS.equals(code) ? "MDS" : null;
                default -> null;
            };
        }

        private void observation(int i, Observation o, Draft draft) {
            Optional<Coding> known = o.getCode().getCoding().stream().filter(c -> observationKind(c) != null).findFirst();
            if (known.isEmpty()) {
                reject(i, IssueType.CODEINVALID, "Observation.code", "no recognised code (systems seen: " + systems(o.getCode())
                        + "); accepted: LOINC " + LOINC_BODY_WEIGHT + ", " + LOINC_BODY_HEIGHT + ", " + LOINC_MARROW_BLASTS
                        + ", " + LOINC_PLATELETS + ", " + LOINC_NEUTROPHILS + ", and " + OBSERVATION_SYSTEM + " / "
                        + CLINICAL_EVENT_SYSTEM + " codes");
                return;
            }
            String kind = observationKind(known.get());
            if (!o.hasEffectiveDateTimeType()) {
                reject(i, IssueType.REQUIRED, "Observation.effective", "needs effectiveDateTime");
                return;
            }
            DateTimeType when = o.getEffectiveDateTimeType();
            switch (kind) {
                case "weight" -> quantity(i, o.getValue(), "kg", "Observation.valueQuantity")
                        .ifPresent(v -> draft.measurement(i, day(when)).put("weightKg", v));
                case "height" -> quantity(i, o.getValue(), "cm", "Observation.valueQuantity")
                        .ifPresent(v -> draft.measurement(i, day(when)).put("heightCm", v));
                case "assessment" -> assessmentPanel(i, o, draft.assessment(i, day(when)));
                case "blasts", "platelets", "anc" -> assessmentValue(i, kind, o.getValue(), "Observation.value",
                        draft.assessment(i, day(when)));
                case "pk" -> pkSample(i, o, draft);
                default -> draft.add(i, "clinicalEvents", JSON.objectNode().put("kind", kind).put("date", day(when)));
            }
        }

        private static String observationKind(Coding c) {
            String code = c.getCode() == null ? "" : c.getCode();
            if (LOINC.equals(c.getSystem())) {
                return switch (code) {
                    case LOINC_BODY_WEIGHT -> "weight";
                    case LOINC_BODY_HEIGHT -> "height";
                    case LOINC_MARROW_BLASTS -> "blasts";
                    case LOINC_PLATELETS -> "platelets";
                    case LOINC_NEUTROPHILS -> "anc";
                    default -> null;
                };
            }
            if (OBSERVATION_SYSTEM.equals(c.getSystem())) {
                return OBS_MARROW_ASSESSMENT.equals(code) ? "assessment" : OBS_VENETOCLAX_CONCENTRATION.equals(code) ? "pk" : null;
            }
            if (CLINICAL_EVENT_SYSTEM.equals(c.getSystem()) && Set.of("RELAPSE", "PROGRESSION", "LAST_FOLLOW_UP").contains(code)) {
                return code;
            }
            return null;
        }

        private void assessmentPanel(int i, Observation o, ObjectNode a) {
            if (bool(o, EXT_BASELINE)) a.put("baseline", true);
            integer(o, EXT_CYCLE).ifPresent(v -> a.put("cycle", v));
            for (int k = 0; k < o.getComponent().size(); k++) {
                Observation.ObservationComponentComponent component = o.getComponent().get(k);
                String at = "Observation.component[" + k + "]";
                Coding code = component.getCode().getCodingFirstRep();
                String kind = observationKind(code);
                if (kind != null && Set.of("blasts", "platelets", "anc").contains(kind)) {
                    assessmentValue(i, kind, component.getValue(), at + ".value", a);
                    continue;
                }
                Type value = component.getValue();
                String c = OBSERVATION_SYSTEM.equals(code.getSystem()) ? code.getCode() : "";
                switch (c) {
                    case OBS_MRD_STATUS -> a.put("mrdStatus", value instanceof CodeableConcept cc ? cc.getCodingFirstRep().getCode() : null);
                    case OBS_MRD_LEVEL -> quantity(i, value, "%", at + ".valueQuantity").ifPresent(v -> a.put("mrdLevelPercent", v));
                    case OBS_CIRCULATING_BLASTS -> a.put("circulatingBlasts", booleanValue(value));
                    case OBS_EXTRAMEDULLARY_DISEASE -> a.put("extramedullaryDisease", booleanValue(value));
                    case OBS_EXTRAMEDULLARY_SITE -> array(a, "extramedullarySites").add(value.primitiveValue());
                    case OBS_TRANSFUSION_DEPENDENT -> a.put("transfusionDependent", booleanValue(value));
                    case OBS_CELLULARITY -> quantity(i, value, "%", at + ".valueQuantity").ifPresent(v -> a.put("cellularityPercent", v));
                    case OBS_CELLS_COUNTED -> a.put("cellsCounted", value instanceof IntegerType n ? n.getValue() : null);
                    default -> reject(i, IssueType.CODEINVALID, at + ".code", "component code not recognised (system "
                            + code.getSystem() + ", code " + code.getCode() + ")");
                }
            }
        }

        private void assessmentValue(int i, String kind, Type value, String at, ObjectNode a) {
            switch (kind) {
                case "blasts" -> quantity(i, value, "%", at).ifPresent(v -> a.put("blastPercent", v));
                case "platelets" -> quantity(i, value, "10*9/L", at).ifPresent(v -> a.put("platelets", v));
                default -> quantity(i, value, "10*9/L", at).ifPresent(v -> a.put("anc", v));
            }
        }

        private void pkSample(int i, Observation o, Draft draft) {
            ObjectNode s = JSON.objectNode();
            s.put("sampledAt", localDateTime(o.getEffectiveDateTimeType()));
            Extension lastDose = o.getExtensionByUrl(EXT_LAST_DOSE_AT);
            if (lastDose != null && lastDose.getValue() instanceof DateTimeType d) s.put("lastDoseAt", localDateTime(d));
            Extension dose = o.getExtensionByUrl(EXT_DAILY_DOSE);
            if (dose != null) quantity(i, dose.getValue(), "mg", "Observation.extension[daily-dose]").ifPresent(v -> s.put("dailyDoseMg", v));
            if (o.getValue() instanceof Quantity q && q.getComparator() == Quantity.QuantityComparator.LESS_THAN) {
                s.put("belowLloq", true);
            } else {
                quantity(i, o.getValue(), "ng/mL", "Observation.valueQuantity").ifPresent(v -> s.put("concentrationNgPerMl", v));
            }
            Extension lloq = o.getExtensionByUrl(EXT_LLOQ);
            if (lloq != null) quantity(i, lloq.getValue(), "ng/mL", "Observation.extension[lloq]").ifPresent(v -> s.put("lloqNgPerMl", v));
            code(o, EXT_SAMPLE_KIND, "pk-sample-kind").ifPresent(k -> s.put("kind", k));
            draft.add(i, "pkSamples", s);
        }

        private void medication(int i, String type, Type medication, Type effective, Type dose, CodeableConcept statusReason,
                DomainResource resource, Draft draft) {
            if (!(medication instanceof CodeableConcept drug)) {
                reject(i, IssueType.NOTSUPPORTED, type + ".medication", "give medicationCodeableConcept; a Medication reference is not resolved");
                return;
            }
            Period period = effective instanceof Period pe ? pe
                    : effective instanceof DateTimeType d ? new Period().setStartElement(d) : null;
            if (period == null || !period.hasStart()) {
                reject(i, IssueType.REQUIRED, type + ".effective", "needs effectivePeriod (start, and end when stopped) or effectiveDateTime");
                return;
            }
            boolean venetoclax = drug.getCoding().stream().anyMatch(c -> (RXNORM.equals(c.getSystem()) && RXNORM_VENETOCLAX.equals(c.getCode()))
                    || (ATC.equals(c.getSystem()) && ATC_VENETOCLAX.equals(c.getCode())))
                    || "venetoclax".equalsIgnoreCase(drug.getText());
            if (!venetoclax) {
                String name = drug.hasText() ? drug.getText() : drug.getCoding().stream()
                        .filter(c -> (RXNORM.equals(c.getSystem()) || ATC.equals(c.getSystem()) || SNOMED.equals(c.getSystem())) && c.hasDisplay())
                        .map(Coding::getDisplay).findFirst().orElse(null);
                if (name == null) {
                    reject(i, IssueType.CODEINVALID, type + ".medication", "the drug's name is needed: medication text, or a "
                            + "coding with a display from RxNorm, ATC or SNOMED CT (systems seen: " + systems(drug) + ")");
                    return;
                }
                ObjectNode c = JSON.objectNode().put("drug", name).put("startDate", day(period.getStartElement()));
                if (period.hasEnd()) c.put("endDate", day(period.getEndElement()));
                draft.add(i, "comedications", c);
                return;
            }
            ObjectNode c = JSON.objectNode();
            c.put("startDate", day(period.getStartElement()));
            code(resource, EXT_REGIMEN, "regimen").ifPresent(v -> c.put("regimen", v));
            ArrayNode agents = c.putArray("partnerAgents");
            resource.getExtensionsByUrl(EXT_PARTNER_AGENT).forEach(e -> agents.add(e.getValue().primitiveValue()));
            integer(resource, EXT_CYCLE_LENGTH).ifPresent(v -> c.put("cycleLengthDays", v));
            integer(resource, EXT_ACTIVE_DAYS).ifPresent(v -> c.put("activeDays", v));
            code(resource, EXT_DOSE_BASIS, "dose-basis").ifPresent(v -> c.put("doseBasis", v));
            if (dose != null && !dose.isEmpty()) {
                quantity(i, dose, "mg", type + ".dosage.dose").ifPresent(v -> c.put("dailyDoseMg", v));
            }
            c.put("rampUp", bool(resource, EXT_RAMP_UP));
            Extension cycles = resource.getExtensionByUrl(EXT_CYCLES_GIVEN);
            if (cycles != null && cycles.getValue() instanceof DecimalType d) c.put("cyclesGiven", d.getValue());
            if (period.hasEnd()) c.put("endDate", day(period.getEndElement()));
            if (statusReason != null && statusReason.hasText()) c.put("endReason", statusReason.getText());
            draft.add(i, "treatmentCourses", c);
        }

        private void procedure(int i, Procedure p, Draft draft) {
            boolean hsct = p.getCode().getCoding().stream().anyMatch(c -> (SNOMED.equals(c.getSystem()) && SNOMED_HSCT.equals(c.getCode()))
                    || (PROCEDURE_SYSTEM.equals(c.getSystem()) && "HSCT".equals(c.getCode())));
            if (!hsct) {
                reject(i, IssueType.CODEINVALID, "Procedure.code", "only HSCT is handled: SNOMED CT " + SNOMED_HSCT
                        + " (systems seen: " + systems(p.getCode()) + ")");
                return;
            }
            BaseDateTimeType when = p.hasPerformedDateTimeType() ? p.getPerformedDateTimeType()
                    : p.hasPerformedPeriod() ? p.getPerformedPeriod().getStartElement() : null;
            if (when == null || when.isEmpty()) {
                reject(i, IssueType.REQUIRED, "Procedure.performed", "needs performedDateTime");
                return;
            }
            ObjectNode e = JSON.objectNode().put("kind", "HSCT").put("date", day(when));
            code(p, EXT_HSCT_DONOR, "donor-type").ifPresent(v -> e.put("hsctDonor", v));
            code(p, EXT_HSCT_CONDITIONING, "conditioning").ifPresent(v -> e.put("hsctConditioning", v));
            draft.add(i, "clinicalEvents", e);
        }

        private void adverseEvent(int i, AdverseEvent ae, Draft draft) {
            CodeableConcept event = ae.getEvent();
            String term = event.getCoding().stream().filter(c -> CTCAE_TERM_SYSTEM.equals(c.getSystem())).map(Coding::getCode)
                    .findFirst().orElse(event.hasText() ? event.getText() : null);
            if (term == null) {
                reject(i, IssueType.CODEINVALID, "AdverseEvent.event", "needs a CTCAE v5 term: a coding of " + CTCAE_TERM_SYSTEM
                        + " or the term as text (systems seen: " + systems(event) + ")");
                return;
            }
            Optional<Integer> grade = integer(ae, EXT_CTCAE_GRADE);
            if (grade.isEmpty()) {
                reject(i, IssueType.REQUIRED, "AdverseEvent.extension", "needs the CTCAE grade 1-5 in extension " + EXT_CTCAE_GRADE
                        + " (R4 severity mild/moderate/severe cannot say which of five grades)");
                return;
            }
            if (!ae.hasDateElement()) {
                reject(i, IssueType.REQUIRED, "AdverseEvent.date", "needs the onset date");
                return;
            }
            ObjectNode a = JSON.objectNode().put("term", term).put("grade", grade.get()).put("onsetDate", day(ae.getDateElement()))
                    .put("serious", ae.getSeriousness().getCoding().stream().anyMatch(c -> "serious".equals(c.getCode())));
            code(ae, EXT_ATTRIBUTION, "attribution").ifPresent(v -> a.put("attribution", v));
            draft.add(i, "adverseEvents", a);
        }

        private Optional<BigDecimal> quantity(int i, Type value, String unit, String at) {
            if (!(value instanceof Quantity q) || !q.hasValue()) {
                reject(i, IssueType.REQUIRED, at, "needs a Quantity in " + unit);
                return Optional.empty();
            }
            String given = q.hasCode() ? q.getCode() : q.getUnit();
            if (!unit.equals(given)) {
                reject(i, IssueType.VALUE, at, "unit must be " + unit + " (UCUM), not " + given);
                return Optional.empty();
            }
            return Optional.of(q.getValue());
        }
    }

    /** One patient's document as it is read, with the entries that went into it. */
    private static final class Draft {
        final int entry;
        final String site;
        final String upn;
        final ObjectNode patient = JSON.objectNode();
        final Map<String, List<ObjectNode>> sections = new LinkedHashMap<>();
        final Map<String, ObjectNode> measurementsByDate = new LinkedHashMap<>();
        final Map<String, List<Integer>> measurementEntries = new HashMap<>();
        final Map<String, ObjectNode> assessmentsByDate = new LinkedHashMap<>();
        final Map<Integer, List<RecordRef>> targets = new LinkedHashMap<>();

        Draft(int entry, String site, String upn) {
            this.entry = entry;
            this.site = site;
            this.upn = upn;
            for (String s : SECTIONS) sections.put(s, new ArrayList<>());
        }

        void add(int entry, String section, ObjectNode record) {
            List<ObjectNode> list = sections.get(section);
            list.add(record);
            ref(entry, section, list.size() - 1);
        }

        void ref(int entry, String section, int index) {
            targets.computeIfAbsent(entry, e -> new ArrayList<>()).add(new RecordRef(site, upn, section, index));
        }

        ObjectNode measurement(int entry, String date) {
            measurementEntries.computeIfAbsent(date, d -> new ArrayList<>()).add(entry);
            return measurementsByDate.computeIfAbsent(date, d -> JSON.objectNode().put("measuredOn", d));
        }

        ObjectNode assessment(int entry, String date) {
            ObjectNode a = assessmentsByDate.get(date);
            if (a == null) {
                a = JSON.objectNode().put("assessmentDate", date);
                assessmentsByDate.put(date, a);
                add(entry, "assessments", a);
            } else {
                ref(entry, "assessments", sections.get("assessments").indexOf(a));
            }
            return a;
        }

        /** A measurement is weight and height of one date: an unpaired one is rejected. */
        void finish(Reading reading) {
            measurementsByDate.forEach((date, m) -> {
                if (m.has("weightKg") && m.has("heightCm")) {
                    List<ObjectNode> list = sections.get("measurements");
                    list.add(m);
                    measurementEntries.get(date).forEach(e -> ref(e, "measurements", list.size() - 1));
                } else {
                    measurementEntries.get(date).forEach(e -> reading.reject(e, IssueType.BUSINESSRULE, "Observation",
                            "a body weight (LOINC " + LOINC_BODY_WEIGHT + ") and a body height (LOINC " + LOINC_BODY_HEIGHT
                                    + ") of the same date make one measurement; the other one of " + date + " is missing"));
                }
            });
        }

        /**
         * An entry with an issue contributes nothing: its records leave the document, and the other entries that went
         * into the same record (the height of a rejected weight) are rejected with it.
         */
        void dropRejected(Reading reading) {
            Set<RecordRef> dropped = new java.util.HashSet<>();
            targets.forEach((e, refs) -> {
                if (reading.issues.containsKey(e)) {
                    refs.stream().filter(r -> !"patient".equals(r.section())).forEach(dropped::add);
                }
            });
            if (dropped.isEmpty()) {
                return;
            }
            targets.forEach((e, refs) -> {
                if (!reading.issues.containsKey(e) && refs.stream().anyMatch(dropped::contains)) {
                    reading.reject(e, IssueType.BUSINESSRULE, "", "its record also takes another entry, which was rejected");
                }
            });
            Map<RecordRef, RecordRef> moved = new HashMap<>();
            sections.forEach((name, list) -> {
                List<ObjectNode> kept = new ArrayList<>();
                for (int k = 0; k < list.size(); k++) {
                    RecordRef old = new RecordRef(site, upn, name, k);
                    if (!dropped.contains(old)) {
                        moved.put(old, new RecordRef(site, upn, name, kept.size()));
                        kept.add(list.get(k));
                    }
                }
                list.clear();
                list.addAll(kept);
            });
            targets.replaceAll((e, refs) -> refs.stream().map(r -> "patient".equals(r.section()) ? r : moved.get(r))
                    .filter(java.util.Objects::nonNull).toList());
        }

        ObjectNode document() {
            ObjectNode doc = JSON.objectNode();
            if (!patient.has("extramedullarySites")) patient.putArray("extramedullarySites");
            if (!patient.has("geneticAlterations")) patient.putArray("geneticAlterations");
            doc.set("patient", patient);
            sections.forEach((name, list) -> doc.putArray(name).addAll(list));
            return doc;
        }
    }

    private static String systems(CodeableConcept concept) {
        List<String> seen = concept.getCoding().stream().map(c -> String.valueOf(c.getSystem())).distinct().toList();
        return seen.isEmpty() ? "none" : String.join(", ", seen);
    }

    private static ArrayNode array(ObjectNode node, String field) {
        return node.has(field) ? (ArrayNode) node.get(field) : node.putArray(field);
    }

    private static String day(BaseDateTimeType when) {
        String text = when.getValueAsString();
        return text == null ? null : text.length() > 10 ? text.substring(0, 10) : text;
    }

    /** The clock time as written, offset dropped: the platform keeps the site's local time (see DocumentToFhir). */
    private static String localDateTime(BaseDateTimeType when) {
        String text = when.getValueAsString();
        if (text == null) return null;
        try {
            return OffsetDateTime.parse(text).toLocalDateTime().toString();
        } catch (RuntimeException notOffset) {
            return LocalDateTime.parse(text.length() == 10 ? text + "T00:00" : text).toString();
        }
    }

    private static Boolean booleanValue(Type value) {
        return value instanceof BooleanType b ? b.getValue() : null;
    }

    private static boolean bool(DomainResource r, String url) {
        Extension e = r.getExtensionByUrl(url);
        return e != null && e.getValue() instanceof BooleanType b && b.booleanValue();
    }

    private static Optional<Integer> integer(DomainResource r, String url) {
        Extension e = r.getExtensionByUrl(url);
        return e != null && e.getValue() instanceof IntegerType n ? Optional.ofNullable(n.getValue()) : Optional.empty();
    }

    private static Optional<String> date(DomainResource r, String url) {
        Extension e = r.getExtensionByUrl(url);
        return e != null && e.getValue() instanceof BaseDateTimeType d ? Optional.of(day(d)) : Optional.empty();
    }

    private static Optional<String> code(DomainResource r, String url, String enumName) {
        Extension e = r.getExtensionByUrl(url);
        if (e != null && e.getValue() instanceof Coding c && enumSystem(enumName).equals(c.getSystem())) {
            return Optional.ofNullable(c.getCode());
        }
        return Optional.empty();
    }

}
