package org.ventrack.platform.events;

/** CloudEvents {@code type} values: {@code ventrack.<context>.<event>.v1}. */
public final class EventTypes {

    public static final String PATIENT_REGISTERED = of("patient", "registered");
    public static final String PATIENT_UPDATED = of("patient", "updated");
    public static final String MEASUREMENT_RECORDED = of("patient", "measurement-recorded");
    public static final String TREATMENT_STARTED = of("patient", "treatment-started");
    public static final String TREATMENT_UPDATED = of("patient", "treatment-updated");
    public static final String COMEDICATION_STARTED = of("patient", "comedication-started");
    public static final String COMEDICATION_ENDED = of("patient", "comedication-ended");
    public static final String COMEDICATION_CORRECTED = of("patient", "comedication-corrected");
    /** HSCT, relapse, progression, death or last follow-up: the payload's {@code kind} says which. */
    public static final String CLINICAL_EVENT_RECORDED = of("patient", "clinical-event-recorded");
    /** A corrected clinical event, e.g. a corrected death date; the payload is the full corrected record. */
    public static final String CLINICAL_EVENT_CORRECTED = of("patient", "clinical-event-corrected");
    public static final String ADVERSE_EVENT_RECORDED = of("patient", "adverse-event-recorded");
    public static final String ADVERSE_EVENT_CORRECTED = of("patient", "adverse-event-corrected");
    /** A record entered in error was deleted; consumers drop what they derived from it. */
    public static final String RECORD_DELETED = of("patient", "record-deleted");

    /** A marrow assessment was (re-)classified under one criteria set; the payload carries the criteria version. */
    public static final String ASSESSMENT_CLASSIFIED = of("response", "assessment-classified");
    /** A patient's best overall response under one criteria set changed (EFS needs treatment failure and relapse). */
    public static final String BEST_RESPONSE_CHANGED = of("response", "best-response-changed");

    /** A venetoclax sample was recorded or corrected, with its judgement ({@code withdrawn} when deleted). */
    public static final String TROUGH_MEASURED = of("pk", "trough-measured");
    /** A level or a co-medication needs a clinician's attention. */
    public static final String ALERT_RAISED = of("pk", "alert-raised");

    private EventTypes() {
    }

    static String of(String context, String event) {
        return "ventrack." + context + "." + event + ".v1";
    }
}
