package org.ventrack.pk.domain.dose;

/** Where the patient is in treatment: the ramp-up of cycle 1, or at the target dose. */
public sealed interface DosePhase {

    /** Day {@code day} (1-based) of cycle 1, while the dose is ramped up. */
    record RampUp(int day) implements DosePhase {
        public RampUp {
            if (day < 1) {
                throw new IllegalArgumentException("ramp-up day starts at 1: " + day);
            }
        }
    }

    /** After the ramp-up: the target dose. */
    record Maintenance() implements DosePhase {
    }

    static DosePhase rampUpDay(int day) {
        return new RampUp(day);
    }

    static DosePhase maintenance() {
        return new Maintenance();
    }
}
