package org.ventrack.patient.domain;

/** Venetoclax-based regimen: with chemotherapy, with a hypomethylating agent, or alone. */
public enum Regimen {
    VEN_CHEMO, VEN_HMA, VEN_MONO
}
