package org.ventrack.patient.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A study site: its code is {@code <ISO country>-<short name>}, e.g. {@code FR-RDB}. */
public record SiteRequest(
        @NotBlank @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{2,12}", message = "must look like FR-RDB (country, dash, 2-12 capitals or digits)") String code,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country) {
}
