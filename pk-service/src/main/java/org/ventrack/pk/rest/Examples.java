package org.ventrack.pk.rest;

/** Example payloads for the OpenAPI document. */
final class Examples {

    /** The voriconazole case of Cousson et al. 2025, Table 4: 7215 ng/mL at 200 mg. */
    static final String SAMPLE = """
            {
              "patientId": "5b0d8c1e-5d0e-4c57-9d64-0f1b7f5a2c11", "sampledAt": "2024-01-25T08:00:00",
              "lastDoseAt": "2024-01-24T08:30:00", "dailyDoseMg": 200, "concentrationNgPerMl": 7215, "kind": "TROUGH"
            }""";

    private Examples() {
    }
}
