package org.ventrack.patient.fhir;

import static org.ventrack.patient.fhir.FhirCodes.*;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A patient document (the shape of {@code demo/cousson-2025/UPN*.json}) as FHIR R4 resources: Patient first, then
 * Condition, MedicationStatements, Procedures, AdverseEvents and Observations, in the document's order. Pure: no I/O,
 * no clock. Resource ids are name-based UUIDs of site, UPN and the record's natural key, so exporting the same data
 * twice gives the same ids; the Patient takes the platform's patient id when one is given.
 */
public final class DocumentToFhir {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private DocumentToFhir() {
    }

    /** The resources of one document; {@code patientId} may be null (then a name-based UUID). */
    public static List<DomainResource> resources(JsonNode document, String patientId) {
        JsonNode p = document.path("patient");
        String site = p.path("siteCode").asText();
        String upn = p.path("upn").asText();
        Ids ids = new Ids(site, upn);
        List<DomainResource> out = new ArrayList<>();

        Patient patient = patient(p, document.path("clinicalEvents"));
        patient.setId(patientId != null ? patientId : ids.of("Patient"));
        out.add(patient);
        Reference subject = new Reference("urn:uuid:" + patient.getIdPart());

        Condition condition = condition(p, subject);
        condition.setId(ids.of("Condition"));
        out.add(condition);

        for (JsonNode m : document.path("measurements")) {
            String on = m.path("measuredOn").asText();
            out.add(vital(ids.of("weight", on), subject, LOINC_BODY_WEIGHT, "Body weight", on, m.path("weightKg"), "kg"));
            out.add(vital(ids.of("height", on), subject, LOINC_BODY_HEIGHT, "Body height", on, m.path("heightCm"), "cm"));
        }
        for (JsonNode c : document.path("treatmentCourses")) {
            out.add(course(c, subject, ids.of("course", c.path("startDate").asText())));
        }
        for (JsonNode c : document.path("comedications")) {
            out.add(comedication(c, subject,
                    ids.of("comedication", c.path("drug").asText(), c.path("startDate").asText())));
        }
        for (JsonNode e : document.path("clinicalEvents")) {
            String kind = e.path("kind").asText();
            if ("HSCT".equals(kind)) {
                out.add(hsct(e, subject, ids.of("hsct", e.path("date").asText())));
            } else if (!"DEATH".equals(kind)) {
                out.add(clinicalEvent(e, subject, ids.of("event", kind, e.path("date").asText())));
            }
        }
        for (JsonNode a : document.path("adverseEvents")) {
            out.add(adverseEvent(a, subject, ids.of("ae", a.path("term").asText(), a.path("onsetDate").asText(),
                    a.path("grade").asText())));
        }
        for (JsonNode a : document.path("assessments")) {
            out.add(assessment(a, subject, ids.of("assessment", a.path("assessmentDate").asText())));
        }
        for (JsonNode s : document.path("pkSamples")) {
            out.add(pkSample(s, subject, ids.of("pk", s.path("sampledAt").asText())));
        }
        return out;
    }

    /**
     * A Bundle of the documents' resources: each entry's fullUrl is {@code urn:uuid:<id>}, which the references use; a
     * batch or transaction Bundle also gets each entry's request (POST to the resource type; the Patient a conditional
     * create on its UPN).
     */
    public static Bundle bundle(Bundle.BundleType type, List<? extends JsonNode> documents) {
        return bundle(type, documents, null);
    }

    /** As {@link #bundle(Bundle.BundleType, List)}, the Patients taking the platform's ids (same order) when given. */
    public static Bundle bundle(Bundle.BundleType type, List<? extends JsonNode> documents, List<String> patientIds) {
        Bundle bundle = new Bundle().setType(type);
        boolean request = type == Bundle.BundleType.BATCH || type == Bundle.BundleType.TRANSACTION;
        for (int d = 0; d < documents.size(); d++) {
            for (DomainResource resource : resources(documents.get(d), patientIds == null ? null : patientIds.get(d))) {
                Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl("urn:uuid:" + resource.getIdPart())
                        .setResource(resource);
                if (request) {
                    Bundle.BundleEntryRequestComponent r = entry.getRequest().setMethod(Bundle.HTTPVerb.POST)
                            .setUrl(resource.fhirType());
                    if (resource instanceof Patient patient) {
                        r.setIfNoneExist("identifier=" + UPN_SYSTEM + "|" + patient.getIdentifierFirstRep().getValue());
                    }
                }
                if (type == Bundle.BundleType.SEARCHSET) {
                    entry.getSearch().setMode(resource instanceof Patient ? Bundle.SearchEntryMode.MATCH
                            : Bundle.SearchEntryMode.INCLUDE);
                }
            }
        }
        if (type == Bundle.BundleType.SEARCHSET) {
            bundle.setTotal(documents.size());
        }
        return bundle;
    }

    private static Patient patient(JsonNode p, JsonNode clinicalEvents) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(UPN_SYSTEM).setValue(p.path("upn").asText());
        patient.setManagingOrganization(new Reference().setIdentifier(
                new org.hl7.fhir.r4.model.Identifier().setSystem(SITE_SYSTEM).setValue(p.path("siteCode").asText())));
        patient.setGender("MALE".equals(p.path("sex").asText()) ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType(p.path("birthDate").asText()));
        patient.addExtension(EXT_PRIOR_HSCT, new BooleanType(p.path("priorHsct").asBoolean(false)));
        if (has(p, "priorHsctDate")) {
            patient.addExtension(EXT_PRIOR_HSCT_DATE, new DateType(p.path("priorHsctDate").asText()));
        }
        for (JsonNode e : clinicalEvents) {
            if ("DEATH".equals(e.path("kind").asText())) {
                patient.setDeceased(new DateTimeType(e.path("date").asText()));
                patient.addExtension(EXT_DEATH_CAUSE, coding("death-cause", e.path("deathCause").asText()));
            }
        }
        return patient;
    }

    private static Condition condition(JsonNode p, Reference subject) {
        Condition condition = new Condition();
        condition.setSubject(subject);
        String diagnosis = p.path("diagnosis").asText();
        CodeableConcept code = new CodeableConcept().addCoding(new Coding(DIAGNOSIS_SYSTEM, diagnosis, null));
        switch (diagnosis) {
            case "MDS" -> code.addCoding(new Coding(ICD10, ICD10_MDS, "Myelodysplastic syndrome, unspecified"));
            case "MDS_RELATED_AML" -> code.addCoding(new Coding(ICD10, ICD10_AML_MDS, "Other myeloid leukaemia"));
            case "OTHER" -> { }
            default -> code.addCoding(new Coding(ICD10, ICD10_AML, "Acute myeloblastic leukaemia"));
        }
        condition.setCode(code.setText(diagnosis));
        condition.setClinicalStatus(new CodeableConcept().addCoding(new Coding(CONDITION_CLINICAL,
                "RELAPSED_AML".equals(diagnosis) ? "relapse" : "active", null)));
        if (has(p, "diagnosisDate")) {
            condition.setOnset(new DateTimeType(p.path("diagnosisDate").asText()));
        }
        if (has(p, "priorRelapses")) {
            condition.addExtension(EXT_PRIOR_RELAPSES, new IntegerType(p.path("priorRelapses").asInt()));
        }
        if (has(p, "priorLines")) {
            condition.addExtension(EXT_PRIOR_LINES, new IntegerType(p.path("priorLines").asInt()));
        }
        if (has(p, "cnsStatus")) {
            condition.addExtension(EXT_CNS_STATUS, new IntegerType(p.path("cnsStatus").asInt()));
        }
        for (JsonNode site : p.path("extramedullarySites")) {
            condition.addBodySite(new CodeableConcept().setText(site.asText()));
        }
        for (JsonNode g : p.path("geneticAlterations")) {
            Extension alteration = condition.addExtension().setUrl(EXT_GENETIC_ALTERATION);
            alteration.addExtension("kind", coding("genetic-kind", g.path("kind").asText()));
            alteration.addExtension("label", new StringType(g.path("label").asText()));
        }
        return condition;
    }

    private static Observation vital(String id, Reference subject, String loinc, String display, String date,
            JsonNode value, String unit) {
        Observation o = observation(id, subject, "vital-signs", new Coding(LOINC, loinc, display), new DateTimeType(date));
        o.setValue(quantity(value.decimalValue(), unit));
        return o;
    }

    private static MedicationStatement course(JsonNode c, Reference subject, String id) {
        MedicationStatement s = new MedicationStatement();
        s.setId(id);
        s.setSubject(subject);
        s.setStatus(has(c, "endDate") ? MedicationStatement.MedicationStatementStatus.COMPLETED
                : MedicationStatement.MedicationStatementStatus.ACTIVE);
        s.setMedication(new CodeableConcept().addCoding(new Coding(RXNORM, RXNORM_VENETOCLAX, "venetoclax"))
                .addCoding(new Coding(ATC, ATC_VENETOCLAX, "venetoclax")).setText("venetoclax"));
        s.setEffective(period(c.path("startDate"), c.path("endDate")));
        s.addDosage(new Dosage().addDoseAndRate(new Dosage.DosageDoseAndRateComponent()
                .setDose(quantity(c.path("dailyDoseMg").decimalValue(), "mg"))).setText("daily dose"));
        s.addExtension(EXT_REGIMEN, coding("regimen", c.path("regimen").asText()));
        for (JsonNode agent : c.path("partnerAgents")) {
            s.addExtension(EXT_PARTNER_AGENT, new StringType(agent.asText()));
        }
        s.addExtension(EXT_CYCLE_LENGTH, new IntegerType(c.path("cycleLengthDays").asInt()));
        s.addExtension(EXT_ACTIVE_DAYS, new IntegerType(c.path("activeDays").asInt()));
        s.addExtension(EXT_DOSE_BASIS, coding("dose-basis", c.path("doseBasis").asText()));
        s.addExtension(EXT_RAMP_UP, new BooleanType(c.path("rampUp").asBoolean(false)));
        if (has(c, "cyclesGiven")) {
            s.addExtension(EXT_CYCLES_GIVEN, new DecimalType(c.path("cyclesGiven").decimalValue()));
        }
        if (has(c, "endReason")) {
            s.setStatusReason(List.of(new CodeableConcept().setText(c.path("endReason").asText())));
        }
        return s;
    }

    private static MedicationStatement comedication(JsonNode c, Reference subject, String id) {
        MedicationStatement s = new MedicationStatement();
        s.setId(id);
        s.setSubject(subject);
        s.setStatus(has(c, "endDate") ? MedicationStatement.MedicationStatementStatus.COMPLETED
                : MedicationStatement.MedicationStatementStatus.ACTIVE);
        s.setMedication(new CodeableConcept().setText(c.path("drug").asText()));
        s.setEffective(period(c.path("startDate"), c.path("endDate")));
        return s;
    }

    private static Procedure hsct(JsonNode e, Reference subject, String id) {
        Procedure p = new Procedure();
        p.setId(id);
        p.setSubject(subject);
        p.setStatus(Procedure.ProcedureStatus.COMPLETED);
        p.setCode(new CodeableConcept().addCoding(new Coding(SNOMED, SNOMED_HSCT, "Hematopoietic stem cell transplantation"))
                .addCoding(new Coding(PROCEDURE_SYSTEM, "HSCT", null)).setText("HSCT"));
        p.setPerformed(new DateTimeType(e.path("date").asText()));
        p.addExtension(EXT_HSCT_DONOR, coding("donor-type", e.path("hsctDonor").asText()));
        p.addExtension(EXT_HSCT_CONDITIONING, coding("conditioning", e.path("hsctConditioning").asText()));
        return p;
    }

    private static Observation clinicalEvent(JsonNode e, Reference subject, String id) {
        String kind = e.path("kind").asText();
        return observation(id, subject, "exam", new Coding(CLINICAL_EVENT_SYSTEM, kind, kind.toLowerCase().replace('_', ' ')),
                new DateTimeType(e.path("date").asText()));
    }

    private static AdverseEvent adverseEvent(JsonNode a, Reference subject, String id) {
        AdverseEvent ae = new AdverseEvent();
        ae.setId(id);
        ae.setSubject(subject);
        ae.setActuality(AdverseEvent.AdverseEventActuality.ACTUAL);
        String term = a.path("term").asText();
        ae.setEvent(new CodeableConcept().addCoding(new Coding(CTCAE_TERM_SYSTEM, term, term)).setText(term));
        ae.setDateElement(new DateTimeType(a.path("onsetDate").asText()));
        boolean serious = a.path("serious").asBoolean(false);
        ae.setSeriousness(new CodeableConcept().addCoding(new Coding(SERIOUSNESS, serious ? "serious" : "non-serious", null)));
        int grade = a.path("grade").asInt();
        ae.setSeverity(new CodeableConcept().addCoding(new Coding(SEVERITY, grade <= 1 ? "mild" : grade == 2 ? "moderate" : "severe", null)));
        ae.addExtension(EXT_CTCAE_GRADE, new IntegerType(grade));
        ae.addExtension(EXT_ATTRIBUTION, coding("attribution", a.path("attribution").asText()));
        return ae;
    }

    private static Observation assessment(JsonNode a, Reference subject, String id) {
        Observation o = observation(id, subject, "laboratory",
                new Coding(OBSERVATION_SYSTEM, OBS_MARROW_ASSESSMENT, "Marrow and blood assessment"),
                new DateTimeType(a.path("assessmentDate").asText()));
        o.addExtension(EXT_BASELINE, new BooleanType(a.path("baseline").asBoolean(false)));
        if (has(a, "cycle")) {
            o.addExtension(EXT_CYCLE, new IntegerType(a.path("cycle").asInt()));
        }
        quantityComponent(o, a, "blastPercent", new Coding(LOINC, LOINC_MARROW_BLASTS, "Blasts/100 leukocytes in Bone marrow"), "%");
        quantityComponent(o, a, "platelets", new Coding(LOINC, LOINC_PLATELETS, "Platelets [#/volume] in Blood"), "10*9/L");
        quantityComponent(o, a, "anc", new Coding(LOINC, LOINC_NEUTROPHILS, "Neutrophils [#/volume] in Blood"), "10*9/L");
        if (has(a, "mrdStatus")) {
            o.addComponent().setCode(local(OBS_MRD_STATUS)).setValue(new CodeableConcept(
                    new Coding(enumSystem("mrd-status"), a.path("mrdStatus").asText(), null)));
        }
        quantityComponent(o, a, "mrdLevelPercent", local(OBS_MRD_LEVEL).getCodingFirstRep(), "%");
        booleanComponent(o, a, "circulatingBlasts", OBS_CIRCULATING_BLASTS);
        booleanComponent(o, a, "extramedullaryDisease", OBS_EXTRAMEDULLARY_DISEASE);
        for (JsonNode site : a.path("extramedullarySites")) {
            o.addComponent().setCode(local(OBS_EXTRAMEDULLARY_SITE)).setValue(new StringType(site.asText()));
        }
        booleanComponent(o, a, "transfusionDependent", OBS_TRANSFUSION_DEPENDENT);
        quantityComponent(o, a, "cellularityPercent", local(OBS_CELLULARITY).getCodingFirstRep(), "%");
        if (has(a, "cellsCounted")) {
            o.addComponent().setCode(local(OBS_CELLS_COUNTED)).setValue(new IntegerType(a.path("cellsCounted").asInt()));
        }
        return o;
    }

    private static Observation pkSample(JsonNode s, Reference subject, String id) {
        Observation o = observation(id, subject, "laboratory",
                new Coding(OBSERVATION_SYSTEM, OBS_VENETOCLAX_CONCENTRATION, "Venetoclax [Mass/volume] in Plasma"),
                localDateTime(s.path("sampledAt").asText()));
        if (s.path("belowLloq").asBoolean(false)) {
            o.setValue(quantity(s.path("lloqNgPerMl").decimalValue(), "ng/mL").setComparator(Quantity.QuantityComparator.LESS_THAN));
        } else {
            o.setValue(quantity(s.path("concentrationNgPerMl").decimalValue(), "ng/mL"));
        }
        if (has(s, "lastDoseAt")) {
            o.addExtension(EXT_LAST_DOSE_AT, localDateTime(s.path("lastDoseAt").asText()));
        }
        o.addExtension(EXT_DAILY_DOSE, quantity(s.path("dailyDoseMg").decimalValue(), "mg"));
        if (has(s, "lloqNgPerMl")) {
            o.addExtension(EXT_LLOQ, quantity(s.path("lloqNgPerMl").decimalValue(), "ng/mL"));
        }
        o.addExtension(EXT_SAMPLE_KIND, coding("pk-sample-kind", s.path("kind").asText()));
        return o;
    }

    private static Observation observation(String id, Reference subject, String category, Coding code, DateTimeType when) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept().addCoding(new Coding(OBSERVATION_CATEGORY, category, null)));
        o.setCode(new CodeableConcept().addCoding(code).setText(code.getDisplay()));
        o.setSubject(subject);
        o.setEffective(when);
        return o;
    }

    private static void quantityComponent(Observation o, JsonNode a, String field, Coding code, String unit) {
        if (has(a, field)) {
            o.addComponent().setCode(new CodeableConcept().addCoding(code)).setValue(quantity(a.path(field).decimalValue(), unit));
        }
    }

    private static void booleanComponent(Observation o, JsonNode a, String field, String code) {
        if (has(a, field)) {
            o.addComponent().setCode(local(code)).setValue(new BooleanType(a.path(field).asBoolean()));
        }
    }

    private static CodeableConcept local(String code) {
        return new CodeableConcept().addCoding(new Coding(OBSERVATION_SYSTEM, code, null));
    }

    private static Period period(JsonNode start, JsonNode end) {
        Period period = new Period().setStartElement(new DateTimeType(start.asText()));
        if (!end.isMissingNode() && !end.isNull()) {
            period.setEndElement(new DateTimeType(end.asText()));
        }
        return period;
    }

    private static Quantity quantity(BigDecimal value, String unit) {
        return new Quantity().setValue(value).setUnit(unit).setSystem(UCUM).setCode(unit);
    }

    private static Coding coding(String enumName, String code) {
        return new Coding(enumSystem(enumName), code, null);
    }

    /**
     * The platform keeps sample times as the site's local clock time; FHIR wants an offset with a time, so the clock
     * time is written with +00:00 and read back as written (the README says so).
     */
    static DateTimeType localDateTime(String local) {
        return new DateTimeType(LocalDateTime.parse(local).format(SECONDS) + "+00:00");
    }

    static boolean has(JsonNode node, String field) {
        return node.hasNonNull(field);
    }

    /** Name-based UUIDs, stable for the same site, UPN and natural key. */
    private record Ids(String site, String upn) {
        String of(String... key) {
            return UUID.nameUUIDFromBytes((site + "|" + upn + "|" + String.join("|", key)).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
    }
}
