package org.ventrack.platform.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.ventrack.platform.events.EventCodec;
import org.ventrack.platform.events.EventEnvelope;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.events.patient.ClinicalEventRecord;
import org.ventrack.platform.events.patient.ComedicationRecord;
import org.ventrack.platform.events.patient.MeasurementRecord;
import org.ventrack.platform.events.patient.PatientRegistered;
import org.ventrack.platform.events.patient.PatientUpdated;
import org.ventrack.platform.events.patient.RecordDeleted;
import org.ventrack.platform.events.patient.Sex;
import org.ventrack.platform.events.patient.TreatmentCourseRecord;

/**
 * Patient-service's events as a consuming service's tests send them through the real broker: the payload records
 * of {@code platform}, in CloudEvents envelopes, keyed by patient.
 */
public final class PatientEvents {

    private static final EventCodec CODEC = new EventCodec();
    private static final String SOURCE = "/ventrack/patient-service";

    private PatientEvents() {
    }

    public static void send(Infrastructure infrastructure, EventEnvelope event) {
        TopicReader.send(infrastructure.bootstrapServers(), Topics.PATIENT, event.subject(), CODEC.write(event),
                EventEnvelope.CONTENT_TYPE);
    }

    /** Waits until the service under test has applied {@code count} events of the patient. */
    public static void awaitEventsApplied(UUID patient, int count, String token) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/patients/" + patient + "/facts").then().statusCode(200)
                .body("eventsApplied", equalTo(count)));
    }

    public static EventEnvelope registered(UUID patient, String site, String upn, LocalDate birthDate) {
        return envelope(EventTypes.PATIENT_REGISTERED, patient,
                new PatientRegistered(patient, site, upn, Sex.MALE, birthDate, "RELAPSED_AML", null, List.of()));
    }

    /** A registration with genetic alterations (their labels). */
    public static EventEnvelope registered(UUID patient, String site, String upn, LocalDate birthDate,
            List<String> geneticAlterations) {
        return envelope(EventTypes.PATIENT_REGISTERED, patient,
                new PatientRegistered(patient, site, upn, Sex.MALE, birthDate, "RELAPSED_AML", null, geneticAlterations));
    }

    public static EventEnvelope updated(UUID patient, String site, String upn, LocalDate birthDate) {
        return envelope(EventTypes.PATIENT_UPDATED, patient,
                new PatientUpdated(patient, site, upn, Sex.MALE, birthDate, "RELAPSED_AML", null, 1, List.of()));
    }

    /** {@code treatment-started} for version 0, {@code treatment-updated} for a later version. */
    public static EventEnvelope course(UUID patient, UUID course, LocalDate start, String regimen, long version) {
        return envelope(version == 0 ? EventTypes.TREATMENT_STARTED : EventTypes.TREATMENT_UPDATED, patient,
                new TreatmentCourseRecord(course, patient, start, regimen, List.of(), 28, 21, "WEIGHT",
                        BigDecimal.valueOf(250), true, BigDecimal.ONE, null, null, version));
    }

    /** {@code clinical-event-recorded} for version 0, {@code clinical-event-corrected} for a later version. */
    public static EventEnvelope clinicalEvent(UUID patient, UUID event, String kind, LocalDate date, long version) {
        return envelope(version == 0 ? EventTypes.CLINICAL_EVENT_RECORDED : EventTypes.CLINICAL_EVENT_CORRECTED, patient,
                new ClinicalEventRecord(event, patient, kind, date, null, null, "DEATH".equals(kind) ? "DISEASE" : null,
                        version));
    }

    /** {@code comedication-started}, with the CYP3A class patient-service gave the drug (STRONG, MODERATE, NONE). */
    public static EventEnvelope comedicationStarted(UUID patient, UUID comedication, String drug, String cyp3a,
            LocalDate start) {
        return envelope(EventTypes.COMEDICATION_STARTED, patient,
                new ComedicationRecord(comedication, patient, drug, cyp3a, start, null, 0));
    }

    public static EventEnvelope measurement(UUID patient, LocalDate on, double weightKg, double heightCm) {
        double bsa = Math.sqrt(weightKg * heightCm / 3600);
        return envelope(EventTypes.MEASUREMENT_RECORDED, patient, new MeasurementRecord(UUID.randomUUID(), patient, on,
                BigDecimal.valueOf(weightKg), BigDecimal.valueOf(heightCm),
                BigDecimal.valueOf(bsa).setScale(3, java.math.RoundingMode.HALF_UP), 0));
    }

    /** A course with the given daily dose. */
    public static EventEnvelope courseWithDose(UUID patient, UUID course, LocalDate start, String regimen, double dailyDoseMg) {
        return envelope(EventTypes.TREATMENT_STARTED, patient,
                new TreatmentCourseRecord(course, patient, start, regimen, List.of(), 28, 21, "WEIGHT",
                        BigDecimal.valueOf(dailyDoseMg), true, BigDecimal.ONE, null, null, 0));
    }

    public static EventEnvelope deleted(UUID patient, String recordType, UUID record) {
        return envelope(EventTypes.RECORD_DELETED, patient, new RecordDeleted(patient, recordType, record));
    }

    private static EventEnvelope envelope(String type, UUID patient, Object payload) {
        return EventEnvelope.of(SOURCE, type, patient.toString(), OffsetDateTime.now(), CODEC.toTree(payload));
    }
}
