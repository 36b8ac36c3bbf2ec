package org.ventrack.patient.domain;

/** The disease at venetoclax start. Extensible: consumers receive it as a code string. */
public enum Diagnosis {
    RELAPSED_AML,
    REFRACTORY_AML,
    MDS_RELATED_AML,
    MDS,
    OTHER
}
