package org.ventrack.response.rest;

/** Example payloads for the OpenAPI document (Swagger UI offers them as ready-to-send bodies). */
final class Examples {

    static final String BASELINE_ASSESSMENT = """
            {
              "patientId": "5b0d8c1e-5d0e-4c57-9d64-0f1b7f5a2c11", "assessmentDate": "2024-01-12",
              "blastPercent": 28.5, "circulatingBlasts": true, "extramedullaryDisease": false,
              "platelets": 42, "anc": 0.3, "baseline": true
            }""";

    static final String ASSESSMENT = """
            {
              "patientId": "5b0d8c1e-5d0e-4c57-9d64-0f1b7f5a2c11", "assessmentDate": "2024-02-12", "cycle": 1,
              "blastPercent": 2, "circulatingBlasts": false, "extramedullaryDisease": false, "extramedullarySites": [],
              "platelets": 120, "anc": 1.4, "transfusionDependent": false, "cellularityPercent": 40,
              "mrdStatus": "NEGATIVE", "baseline": false
            }""";

    static final String SDTM_RS = """
            STUDYID,DOMAIN,USUBJID,RSSEQ,RSTESTCD,RSTEST,RSCAT,RSORRES,RSSTRESC,RSEVAL,RSDRVFL,VISITNUM,VISIT,RSDTC,RSDY
            VENTRACK,RS,VENTRACK-FR-RDB-UPN03,1,OVRLRESP,Overall Response,COUSSON_2025,CRi,CRi,VENTRACK ALGORITHM,Y,1,\
            CYCLE 1,2020-10-05,29
            VENTRACK,RS,VENTRACK-FR-RDB-UPN03,2,BESTRSP,Best Overall Response,COUSSON_2025,CRi,CRi,VENTRACK ALGORITHM,Y,,,\
            2020-10-05,29
            """;

    private Examples() {
    }
}
