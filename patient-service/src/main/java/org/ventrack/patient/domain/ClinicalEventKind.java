package org.ventrack.patient.domain;

/** Dated facts of the course after venetoclax start; LAST_FOLLOW_UP means alive on that date. */
public enum ClinicalEventKind {
    HSCT, RELAPSE, PROGRESSION, DEATH, LAST_FOLLOW_UP
}
