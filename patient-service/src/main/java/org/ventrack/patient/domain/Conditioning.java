package org.ventrack.patient.domain;

public enum Conditioning {
    MYELOABLATIVE, REDUCED
}
