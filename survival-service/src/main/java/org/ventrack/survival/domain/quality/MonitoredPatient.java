package org.ventrack.survival.domain.quality;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** What survival-service's read models know of one patient, as a study monitor looks at it. */
public record MonitoredPatient(UUID patientId, String siteCode, String upn, LocalDate diagnosisDate, List<Course> courses,
        List<DatedEvent> clinicalEvents, List<Assessment> assessments, List<Sample> samples) {

    public MonitoredPatient {
        courses = List.copyOf(courses);
        clinicalEvents = List.copyOf(clinicalEvents);
        assessments = List.copyOf(assessments);
        samples = List.copyOf(samples);
    }

    /** A venetoclax course (every regimen of the study includes venetoclax); end null while it goes on. */
    public record Course(LocalDate startDate, LocalDate endDate, String regimen) {
    }

    /** HSCT, RELAPSE, PROGRESSION, DEATH or LAST_FOLLOW_UP. */
    public record DatedEvent(String kind, LocalDate date) {
    }

    /** A classified on-treatment marrow; {@code hasBaseline} when its blasts were measured against a baseline marrow. */
    public record Assessment(UUID assessmentId, LocalDate date, boolean hasBaseline) {
    }

    /** A venetoclax sample: kind TROUGH, PEAK, ...; flags as pk-service judged it (OUTSIDE_TROUGH_WINDOW, ...). */
    public record Sample(UUID sampleId, LocalDateTime sampledAt, String kind, List<String> flags) {

        public Sample {
            flags = List.copyOf(flags);
        }
    }
}
