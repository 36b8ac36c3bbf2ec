package org.ventrack.patient.rest;

/** Example payloads for the OpenAPI document (Swagger UI offers them as ready-to-send bodies). */
final class Examples {

    static final String SITE = """
            {"code": "FR-RDB", "name": "Hôpital Robert-Debré", "country": "FR"}""";

    static final String PATIENT = """
            {
              "siteCode": "FR-RDB", "upn": "UPN4", "sex": "MALE", "birthDate": "2020-09-14",
              "diagnosis": "RELAPSED_AML", "diagnosisDate": "2022-02-01",
              "priorRelapses": 1, "priorLines": 3, "priorHsct": false, "cnsStatus": 1,
              "extramedullarySites": [],
              "geneticAlterations": [{"kind": "REARRANGEMENT", "label": "KMT2A t(9;11)"}]
            }""";

    static final String MEASUREMENT = """
            {"measuredOn": "2024-01-12", "weightKg": 16, "heightCm": 100}""";

    static final String TREATMENT_COURSE = """
            {
              "startDate": "2024-01-15", "regimen": "VEN_CHEMO", "partnerAgents": ["cytarabine"],
              "cycleLengthDays": 28, "activeDays": 21, "doseBasis": "WEIGHT", "dailyDoseMg": 250,
              "rampUp": true, "cyclesGiven": 1
            }""";

    static final String COMEDICATION = """
            {"drug": "voriconazole", "startDate": "2024-01-20"}""";

    static final String CLINICAL_EVENT = """
            {"kind": "HSCT", "date": "2024-02-26", "hsctDonor": "HAPLOIDENTICAL", "hsctConditioning": "MYELOABLATIVE"}""";

    static final String ADVERSE_EVENT = """
            {"term": "Febrile neutropenia", "grade": 3, "onsetDate": "2024-01-27", "serious": true, "attribution": "POSSIBLE"}""";

    private Examples() {
    }

    static final String IMPORT_CSV = """
            siteCode,upn,startDate,regimen,partnerAgents,cycleLengthDays,activeDays,doseBasis,dailyDoseMg,rampUp,cyclesGiven,endDate,endReason
            FR-RDB,UPN10,2022-05-02,VEN_HMA,azacitidine,28,21,WEIGHT,200,true,1,2022-05-29,dose reduced
            """;
}
