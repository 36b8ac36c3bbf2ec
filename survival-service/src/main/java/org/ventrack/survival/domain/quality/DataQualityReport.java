package org.ventrack.survival.domain.quality;

import java.util.List;
import java.util.UUID;

/** The checks of one site: each with the patients concerned and where to fix them. */
public record DataQualityReport(String siteCode, List<Check> checks) {

    public enum Status {
        /** Run on the read model: {@code patients} are those concerned. */
        CHECKED,
        /** The services refuse such data at the door, so there is nothing to find; {@code note} says where. */
        IMPOSSIBLE
    }

    /** Which API a finding is fixed through. */
    public enum FixTarget {
        PATIENT, CLINICAL_EVENTS, ASSESSMENTS, SAMPLES
    }

    public record Finding(UUID patientId, String upn, String detail, FixTarget fix) {
    }

    public record Check(String code, String title, Status status, String note, List<Finding> patients) {

        public Check {
            patients = List.copyOf(patients);
        }

        public int count() {
            return patients.size();
        }
    }
}
