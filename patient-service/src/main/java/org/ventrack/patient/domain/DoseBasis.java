package org.ventrack.patient.domain;

/** How the daily dose was set: age-adjusted under 2 years, by weight or by body surface area from 2 years. */
public enum DoseBasis {
    AGE, WEIGHT, BSA
}
