package org.ventrack.pk.rest;

/** Example payloads for the OpenAPI document. */
final class Examples {

    /** The voriconazole case of Cousson et al. 2025, Table 4: 7215 ng/mL at 200 mg. */
    static final String SAMPLE = """
            {
              "patientId": "5b0d8c1e-5d0e-4c57-9d64-0f1b7f5a2c11", "sampledAt": "2024-01-25T08:00:00",
              "lastDoseAt": "2024-01-24T08:30:00", "dailyDoseMg": 200, "concentrationNgPerMl": 7215, "kind": "TROUGH"
            }""";

    static final String SDTM_PC = """
            STUDYID,DOMAIN,USUBJID,PCSEQ,PCTESTCD,PCTEST,PCORRES,PCORRESU,PCSTRESC,PCSTRESN,PCSTRESU,PCSPEC,PCLLOQ,PCTPT,\
            PCTPTREF,PCRFTDTC,PCDTC,PCDY
            VENTRACK,PC,VENTRACK-FR-RDB-UPN01,1,VENETOC,Venetoclax,439,ng/mL,439,439,ng/mL,PLASMA,5,TROUGH,LAST DOSE,\
            2020-01-22T08:00,2020-01-23T08:00,11
            """;

    private Examples() {
    }
}
