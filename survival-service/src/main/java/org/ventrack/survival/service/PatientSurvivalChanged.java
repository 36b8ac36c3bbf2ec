package org.ventrack.survival.service;

import java.util.UUID;

/** A patient's survival inputs changed; {@code siteCode} is null while the patient is not yet known here. */
public record PatientSurvivalChanged(UUID patientId, String siteCode) {
}
