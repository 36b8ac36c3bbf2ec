package org.ventrack.platform.export.sdtm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class SdtmTest {

    private static final LocalDate START = LocalDate.of(2020, 9, 7);

    @Test
    void studyDayOneIsTheReferenceDateAndThereIsNoDayZero() {
        assertEquals(1, Sdtm.studyDay(START, START));
        assertEquals(2, Sdtm.studyDay(START.plusDays(1), START));
        assertEquals(-1, Sdtm.studyDay(START.minusDays(1), START));
        assertEquals(-3, Sdtm.studyDay(LocalDate.of(2020, 9, 4), START));
        // UPN03's day-28 marrow: 5 October 2020 is 28 days after 7 September, study day 29
        assertEquals(29, Sdtm.studyDay(LocalDate.of(2020, 10, 5), START));
        // across a leap day
        assertEquals(367, Sdtm.studyDay(LocalDate.of(2021, 2, 28), LocalDate.of(2020, 2, 28)));
        assertNull(Sdtm.studyDay(null, START));
        assertNull(Sdtm.studyDay(START, (LocalDate) null));
    }

    @Test
    void isoDatesAndSubjectIdentifier() {
        assertEquals("2020-09-07", Sdtm.dtc(START));
        assertEquals("2020-01-23T08:00", Sdtm.dtc(LocalDateTime.of(2020, 1, 23, 8, 0)));
        assertEquals("2020-01-23T08:00:30", Sdtm.dtc(LocalDateTime.of(2020, 1, 23, 8, 0, 30)));
        assertNull(Sdtm.dtc((LocalDate) null));
        assertEquals("VENTRACK-FR-RDB-UPN03", Sdtm.usubjid("VENTRACK", "FR-RDB", "UPN03"));
    }

    @Test
    void datasetFillsStudyDomainAndSequencePerSubject() {
        List<SdtmRow> rows = List.of(
                new SdtmRow(SdtmDomain.CM).set("USUBJID", "S-FR-A-1").set("CMTRT", "posaconazole"),
                new SdtmRow(SdtmDomain.CM).set("USUBJID", "S-FR-A-1").set("CMTRT", "voriconazole"),
                new SdtmRow(SdtmDomain.CM).set("USUBJID", "S-FR-A-2").set("CMTRT", "fluconazole"));
        String[] lines = SdtmDataset.csv(SdtmDomain.CM, "S", rows).split("\r\n");
        assertEquals("STUDYID,DOMAIN,USUBJID,CMSEQ,CMTRT,CMCLAS,CMSTDTC,CMENDTC,CMSTDY,CMENDY", lines[0]);
        assertEquals("S,CM,S-FR-A-1,1,posaconazole,,,,,", lines[1]);
        assertEquals("S,CM,S-FR-A-1,2,voriconazole,,,,,", lines[2]);
        assertEquals("S,CM,S-FR-A-2,1,fluconazole,,,,,", lines[3]);
    }

    @Test
    void aRowRefusesAVariableOfAnotherDomain() {
        assertThrows(IllegalArgumentException.class, () -> new SdtmRow(SdtmDomain.DM).set("AETERM", "x"));
        assertThrows(IllegalArgumentException.class, () -> new SdtmRow(SdtmDomain.DM).set("DMSEQ", 1));
    }

    @Test
    void everyDomainStartsWithTheIdentifiersAndTheReadmeDescribesEveryColumn() {
        String readme = SdtmDefine.readme("VENTRACK", List.of(SdtmDomain.values()));
        assertTrue(readme.contains("not a certified SDTM submission package"));
        for (SdtmDomain domain : SdtmDomain.values()) {
            assertEquals(List.of("STUDYID", "DOMAIN", "USUBJID"), domain.names().subList(0, 3));
            assertTrue(readme.contains(domain.fileName()), domain.name());
            for (SdtmVariable v : domain.variables()) {
                assertTrue(readme.contains("  " + String.format("%-9s", v.name()) + " | " + v.label()), v.name());
            }
        }
        assertEquals("ae.csv", SdtmDomain.AE.fileName());
        assertEquals(SdtmDomain.PC, SdtmDomain.named("pc").orElseThrow());
        assertTrue(SdtmDomain.named("LB").isEmpty());
    }
}
