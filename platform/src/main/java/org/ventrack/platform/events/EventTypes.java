package org.ventrack.platform.events;

/** CloudEvents {@code type} values: {@code ventrack.<context>.<event>.v1}. */
public final class EventTypes {

    public static final String PATIENT_REGISTERED = of("patient", "registered");
    public static final String PATIENT_UPDATED = of("patient", "updated");

    private EventTypes() {
    }

    static String of(String context, String event) {
        return "ventrack." + context + "." + event + ".v1";
    }
}
