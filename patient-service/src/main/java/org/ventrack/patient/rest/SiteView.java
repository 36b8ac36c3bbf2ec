package org.ventrack.patient.rest;

import java.time.OffsetDateTime;

public record SiteView(String code, String name, String country, OffsetDateTime createdAt) {
}
