package org.ventrack.platform.events.patient;

public enum Sex {
    MALE, FEMALE
}
