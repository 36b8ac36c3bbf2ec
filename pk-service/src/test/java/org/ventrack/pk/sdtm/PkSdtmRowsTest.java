package org.ventrack.pk.sdtm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ventrack.pk.domain.trough.SampleKind;
import org.ventrack.pk.sdtm.PkSdtmRows.Concentration;
import org.ventrack.pk.sdtm.PkSdtmRows.Subject;
import org.ventrack.platform.export.sdtm.SdtmDataset;
import org.ventrack.platform.export.sdtm.SdtmDomain;

class PkSdtmRowsTest {

    @Test
    void upn10sVoriconazoleTroughsAndABelowLloqSampleInTimeOrder() {
        // UPN01 of the paper: 439 ng/mL at 800 mg on 23 January 2020, the eleventh day from the 13 January start
        Subject upn01 = new Subject("FR-RDB", "UPN01", Optional.of(LocalDate.of(2020, 1, 13)), List.of(
                new Concentration(LocalDateTime.of(2020, 1, 23, 8, 0), LocalDateTime.of(2020, 1, 22, 8, 0),
                        new BigDecimal("439.00"), new BigDecimal("5"), false, SampleKind.TROUGH)));
        Subject other = new Subject("DE-BER", "B-7", Optional.of(LocalDate.of(2021, 3, 1)), List.of(
                new Concentration(LocalDateTime.of(2021, 3, 2, 14, 30), null, null, new BigDecimal("2.5"), true,
                        SampleKind.OTHER),
                new Concentration(LocalDateTime.of(2021, 2, 28, 20, 0), LocalDateTime.of(2021, 2, 28, 14, 0),
                        new BigDecimal("1250.5"), null, false, SampleKind.PEAK)));
        List<String> lines = List.of(SdtmDataset.csv(SdtmDomain.PC, "S", PkSdtmRows.pc("S", List.of(upn01, other)))
                .split("\r\n"));
        assertEquals(List.of(
                "STUDYID,DOMAIN,USUBJID,PCSEQ,PCTESTCD,PCTEST,PCORRES,PCORRESU,PCSTRESC,PCSTRESN,PCSTRESU,PCSPEC,PCLLOQ,PCTPT,"
                        + "PCTPTREF,PCRFTDTC,PCDTC,PCDY",
                // a sample the day before the first dose is day -1; below the LLOQ: no numeric result
                "S,PC,S-DE-BER-B-7,1,VENETOC,Venetoclax,1250.5,ng/mL,1250.5,1250.5,ng/mL,PLASMA,,PEAK,LAST DOSE,"
                        + "2021-02-28T14:00,2021-02-28T20:00,-1",
                "S,PC,S-DE-BER-B-7,2,VENETOC,Venetoclax,<2.5,ng/mL,<2.5,,ng/mL,PLASMA,2.5,,,,2021-03-02T14:30,2",
                "S,PC,S-FR-RDB-UPN01,1,VENETOC,Venetoclax,439,ng/mL,439,439,ng/mL,PLASMA,5,TROUGH,LAST DOSE,"
                        + "2020-01-22T08:00,2020-01-23T08:00,11"), lines);
    }
}
