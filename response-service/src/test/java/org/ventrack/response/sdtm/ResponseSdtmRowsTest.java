package org.ventrack.response.sdtm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.export.sdtm.SdtmDataset;
import org.ventrack.platform.export.sdtm.SdtmDomain;
import org.ventrack.response.domain.criteria.Category;
import org.ventrack.response.sdtm.ResponseSdtmRows.Best;
import org.ventrack.response.sdtm.ResponseSdtmRows.Result;
import org.ventrack.response.sdtm.ResponseSdtmRows.Subject;

class ResponseSdtmRowsTest {

    private static final List<String> CRITERIA = List.of("COUSSON_2025", "ELN_2022");

    @Test
    void upn03sCriWithItsStudyDayThenTheBestResponsePerCriteriaSet() {
        LocalDate start = LocalDate.of(2020, 9, 7);
        LocalDate day28 = LocalDate.of(2020, 10, 5);
        Subject upn03 = new Subject("FR-RDB", "UPN03", Optional.of(start),
                List.of(new Result("ELN_2022", day28, 1, Category.NOT_EVALUABLE), new Result("COUSSON_2025", day28, 1, Category.CRI)),
                List.of(new Best("ELN_2022", Category.NOT_EVALUABLE, null), new Best("COUSSON_2025", Category.CRI, day28)));
        String csv = SdtmDataset.csv(SdtmDomain.RS, "S", ResponseSdtmRows.rs("S", List.of(upn03), CRITERIA));
        assertEquals(List.of(
                "STUDYID,DOMAIN,USUBJID,RSSEQ,RSTESTCD,RSTEST,RSCAT,RSORRES,RSSTRESC,RSEVAL,RSDRVFL,VISITNUM,VISIT,RSDTC,RSDY",
                "S,RS,S-FR-RDB-UPN03,1,OVRLRESP,Overall Response,COUSSON_2025,CRi,CRi,VENTRACK ALGORITHM,Y,1,CYCLE 1,2020-10-05,29",
                "S,RS,S-FR-RDB-UPN03,2,BESTRSP,Best Overall Response,COUSSON_2025,CRi,CRi,VENTRACK ALGORITHM,Y,,,2020-10-05,29",
                "S,RS,S-FR-RDB-UPN03,3,OVRLRESP,Overall Response,ELN_2022,not evaluable,NE,VENTRACK ALGORITHM,Y,1,CYCLE 1,"
                        + "2020-10-05,29",
                "S,RS,S-FR-RDB-UPN03,4,BESTRSP,Best Overall Response,ELN_2022,not evaluable,NE,VENTRACK ALGORITHM,Y,,,,"),
                List.of(csv.split("\r\n")));
    }

    @Test
    void assessmentsInDateOrderAndSubjectsInUsubjidOrder() {
        LocalDate start = LocalDate.of(2024, 1, 15);
        Subject later = new Subject("FR-B", "P2", Optional.of(start), List.of(), List.of());
        Subject earlier = new Subject("FR-A", "P9", Optional.of(start),
                List.of(new Result("COUSSON_2025", start.plusDays(60), null, Category.CR),
                        new Result("COUSSON_2025", start.plusDays(27), null, Category.PR)),
                List.of(new Best("COUSSON_2025", Category.CR, start.plusDays(60))));
        List<String> lines = List.of(SdtmDataset.csv(SdtmDomain.RS, "S",
                ResponseSdtmRows.rs("S", List.of(later, earlier), CRITERIA)).split("\r\n"));
        assertEquals(4, lines.size());
        assertEquals("S,RS,S-FR-A-P9,1,OVRLRESP,Overall Response,COUSSON_2025,PR,PR,VENTRACK ALGORITHM,Y,,,2024-02-11,28",
                lines.get(1));
        assertEquals("S,RS,S-FR-A-P9,2,OVRLRESP,Overall Response,COUSSON_2025,CR,CR,VENTRACK ALGORITHM,Y,,,2024-03-15,61",
                lines.get(2));
        assertEquals("CRh", ResponseSdtmRows.standard(Category.CRH));
        assertEquals("NE", ResponseSdtmRows.standard(Category.NOT_EVALUABLE));
    }
}
