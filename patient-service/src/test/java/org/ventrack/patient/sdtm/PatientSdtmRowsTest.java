package org.ventrack.patient.sdtm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ventrack.patient.domain.AdverseEvent;
import org.ventrack.patient.domain.Attribution;
import org.ventrack.patient.domain.ClinicalEvent;
import org.ventrack.patient.domain.ClinicalEventKind;
import org.ventrack.patient.domain.Comedication;
import org.ventrack.patient.domain.Diagnosis;
import org.ventrack.patient.domain.DoseBasis;
import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.domain.Regimen;
import org.ventrack.patient.domain.TreatmentCourse;
import org.ventrack.patient.domain.rules.Cyp3aInhibition;
import org.ventrack.patient.sdtm.PatientSdtmRows.Subject;
import org.ventrack.platform.events.patient.Sex;
import org.ventrack.platform.export.sdtm.SdtmDataset;
import org.ventrack.platform.export.sdtm.SdtmDomain;

/** Row by row against values worked out by hand from the paper's UPN03 and a made-up second patient. */
class PatientSdtmRowsTest {

    private static final String STUDY = "VEN-PEDS";

    /** UPN03 of the demo data: VEN_HMA from 7 September 2020, HSCT, alive at last follow-up. */
    private static Subject upn03() {
        Patient p = patient("FR-RDB", "UPN03", Sex.FEMALE, LocalDate.of(2015, 9, 8));
        TreatmentCourse course = course(p, LocalDate.of(2020, 9, 7), LocalDate.of(2020, 10, 4), Regimen.VEN_HMA, "250");
        return new Subject(p, "FR", List.of(course), List.of(),
                List.of(adverseEvent(p, "Neutrophil count decreased", 2, LocalDate.of(2020, 9, 17), false, Attribution.POSSIBLE),
                        adverseEvent(p, "Myalgia", 1, LocalDate.of(2020, 9, 13), false, Attribution.POSSIBLE)),
                List.of(clinicalEvent(p, ClinicalEventKind.HSCT, LocalDate.of(2020, 10, 25)),
                        clinicalEvent(p, ClinicalEventKind.LAST_FOLLOW_UP, LocalDate.of(2024, 2, 13))));
    }

    /** A boy with two courses, an azole begun before venetoclax, a fatal event, and death. */
    private static Subject boy() {
        Patient p = patient("DE-BER", "B-7", Sex.MALE, LocalDate.of(2018, 3, 1));
        TreatmentCourse second = course(p, LocalDate.of(2021, 6, 1), null, Regimen.VEN_MONO, "100.00");
        TreatmentCourse first = course(p, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 4, 30), Regimen.VEN_CHEMO, "150");
        Comedication azole = new Comedication();
        azole.id = UUID.randomUUID();
        azole.patientId = p.id;
        azole.drug = "voriconazole";
        azole.cyp3aInhibition = Cyp3aInhibition.STRONG;
        azole.startDate = LocalDate.of(2021, 2, 27);
        azole.endDate = LocalDate.of(2021, 3, 10);
        Comedication other = new Comedication();
        other.id = UUID.randomUUID();
        other.patientId = p.id;
        other.drug = "paracetamol";
        other.cyp3aInhibition = Cyp3aInhibition.NONE;
        other.startDate = LocalDate.of(2021, 3, 1);
        return new Subject(p, "DE", List.of(second, first), List.of(other, azole),
                List.of(adverseEvent(p, "Sepsis", 5, LocalDate.of(2021, 7, 2), true, Attribution.UNLIKELY),
                        adverseEvent(p, "Febrile neutropenia", 3, LocalDate.of(2021, 2, 28), true, Attribution.DEFINITE)),
                List.of(clinicalEvent(p, ClinicalEventKind.DEATH, LocalDate.of(2021, 7, 3))));
    }

    private static Subject untreated() {
        return new Subject(patient("FR-RDB", "UPN00", null, LocalDate.of(2016, 1, 1)), "FR", List.of(), List.of(), List.of(),
                List.of());
    }

    private static List<String> lines(SdtmDomain domain, List<org.ventrack.platform.export.sdtm.SdtmRow> rows) {
        return List.of(SdtmDataset.csv(domain, STUDY, rows).split("\r\n"));
    }

    @Test
    void demographicsOneRowPerSubjectInUsubjidOrder() {
        List<String> dm = lines(SdtmDomain.DM, PatientSdtmRows.dm(STUDY, List.of(upn03(), boy(), untreated())));
        assertEquals(4, dm.size());
        assertEquals("STUDYID,DOMAIN,USUBJID,SUBJID,RFSTDTC,RFENDTC,RFXSTDTC,RFXENDTC,DTHDTC,DTHFL,SITEID,BRTHDTC,AGE,AGEU,"
                + "SEX,ARMCD,ARM,ACTARMCD,ACTARM,ARMNRS,COUNTRY", dm.get(0));
        // the boy: first dose 1 March 2021 at 3 years; a course still running, so no end of exposure; died 3 July 2021
        assertEquals("VEN-PEDS,DM,VEN-PEDS-DE-BER-B-7,B-7,2021-03-01,2021-07-03,2021-03-01,,2021-07-03,Y,DE-BER,2018-03-01,"
                + "3,YEARS,M,VEN_CHEMO,Venetoclax with chemotherapy,VEN_CHEMO,Venetoclax with chemotherapy,,DEU", dm.get(1));
        assertEquals("VEN-PEDS,DM,VEN-PEDS-FR-RDB-UPN00,UPN00,,,,,,,FR-RDB,2016-01-01,,,U,,,,,NOT ASSIGNED,FRA", dm.get(2));
        // UPN03 was born on 8 September 2015 and started the day before her fifth birthday: 4 years
        assertEquals("VEN-PEDS,DM,VEN-PEDS-FR-RDB-UPN03,UPN03,2020-09-07,2024-02-13,2020-09-07,2020-10-04,,,FR-RDB,"
                + "2015-09-08,4,YEARS,F,VEN_HMA,Venetoclax with a hypomethylating agent,VEN_HMA,"
                + "Venetoclax with a hypomethylating agent,,FRA", dm.get(3));
    }

    @Test
    void exposureOneRowPerCourseWithStudyDaysFromTheFirstDose() {
        List<String> ex = lines(SdtmDomain.EX, PatientSdtmRows.ex(STUDY, List.of(boy(), upn03(), untreated())));
        assertEquals("STUDYID,DOMAIN,USUBJID,EXSEQ,EXTRT,EXCAT,EXDOSE,EXDOSU,EXDOSFRQ,EXDOSRGM,EXROUTE,EXSTDTC,EXENDTC,"
                + "EXSTDY,EXENDY", ex.get(0));
        // 1 March to 30 April 2021: day 1 to day 61; 1 June is day 93
        assertEquals(List.of(
                "VEN-PEDS,EX,VEN-PEDS-DE-BER-B-7,1,VENETOCLAX,VEN_CHEMO,150,mg,QD,21 OF 28 DAYS,ORAL,2021-03-01,2021-04-30,1,61",
                "VEN-PEDS,EX,VEN-PEDS-DE-BER-B-7,2,VENETOCLAX,VEN_MONO,100,mg,QD,21 OF 28 DAYS,ORAL,2021-06-01,,93,",
                "VEN-PEDS,EX,VEN-PEDS-FR-RDB-UPN03,1,VENETOCLAX,VEN_HMA,250,mg,QD,21 OF 28 DAYS,ORAL,2020-09-07,2020-10-04,1,28"),
                ex.subList(1, ex.size()));
    }

    @Test
    void concomitantMedicationsBeforeTheFirstDoseHaveNegativeStudyDaysAndNoDayZero() {
        List<String> cm = lines(SdtmDomain.CM, PatientSdtmRows.cm(STUDY, List.of(boy())));
        // 27 February 2021 is two days before 1 March: day -2 (the day before the first dose is -1, never 0)
        assertEquals(List.of(
                "STUDYID,DOMAIN,USUBJID,CMSEQ,CMTRT,CMCLAS,CMSTDTC,CMENDTC,CMSTDY,CMENDY",
                "VEN-PEDS,CM,VEN-PEDS-DE-BER-B-7,1,voriconazole,STRONG CYP3A INHIBITOR,2021-02-27,2021-03-10,-2,10",
                "VEN-PEDS,CM,VEN-PEDS-DE-BER-B-7,2,paracetamol,,2021-03-01,,1,"), cm);
    }

    @Test
    void adverseEventsWithCtcaeGradeSeverityAndCausality() {
        List<String> ae = lines(SdtmDomain.AE, PatientSdtmRows.ae(STUDY, List.of(upn03(), boy())));
        assertEquals(List.of(
                "STUDYID,DOMAIN,USUBJID,AESEQ,AETERM,AEDECOD,AESEV,AETOXGR,AESER,AEREL,AESDTH,AESTDTC,AESTDY",
                "VEN-PEDS,AE,VEN-PEDS-DE-BER-B-7,1,Febrile neutropenia,Febrile neutropenia,SEVERE,3,Y,RELATED,N,2021-02-28,-1",
                "VEN-PEDS,AE,VEN-PEDS-DE-BER-B-7,2,Sepsis,Sepsis,SEVERE,5,Y,UNLIKELY RELATED,Y,2021-07-02,124",
                "VEN-PEDS,AE,VEN-PEDS-FR-RDB-UPN03,1,Myalgia,Myalgia,MILD,1,N,POSSIBLY RELATED,N,2020-09-13,7",
                "VEN-PEDS,AE,VEN-PEDS-FR-RDB-UPN03,2,Neutrophil count decreased,Neutrophil count decreased,MODERATE,2,N,"
                        + "POSSIBLY RELATED,N,2020-09-17,11"), ae);
    }

    @Test
    void controlledTermsOfTheSmallMappings() {
        assertEquals("MILD", PatientSdtmRows.severity(1));
        assertEquals("MODERATE", PatientSdtmRows.severity(2));
        assertEquals("SEVERE", PatientSdtmRows.severity(4));
        assertEquals("NOT RELATED", PatientSdtmRows.causality(Attribution.UNRELATED));
        assertEquals("PROBABLY RELATED", PatientSdtmRows.causality(Attribution.PROBABLE));
        assertEquals("GBR", PatientSdtmRows.alpha3("GB"));
        assertEquals("ESP", PatientSdtmRows.alpha3("ES"));
    }

    private static Patient patient(String site, String upn, Sex sex, LocalDate birth) {
        Patient p = new Patient();
        p.id = UUID.randomUUID();
        p.siteCode = site;
        p.upn = upn;
        p.sex = sex;
        p.birthDate = birth;
        p.diagnosis = Diagnosis.RELAPSED_AML;
        return p;
    }

    private static TreatmentCourse course(Patient p, LocalDate start, LocalDate end, Regimen regimen, String dose) {
        TreatmentCourse c = new TreatmentCourse();
        c.id = UUID.randomUUID();
        c.patientId = p.id;
        c.startDate = start;
        c.endDate = end;
        c.regimen = regimen;
        c.partnerAgents = new ArrayList<>();
        c.cycleLengthDays = 28;
        c.activeDays = 21;
        c.doseBasis = DoseBasis.WEIGHT;
        c.dailyDoseMg = new BigDecimal(dose);
        return c;
    }

    private static AdverseEvent adverseEvent(Patient p, String term, int grade, LocalDate onset, boolean serious,
            Attribution attribution) {
        AdverseEvent a = new AdverseEvent();
        a.id = UUID.randomUUID();
        a.patientId = p.id;
        a.term = term;
        a.grade = grade;
        a.onsetDate = onset;
        a.serious = serious;
        a.attribution = attribution;
        return a;
    }

    private static ClinicalEvent clinicalEvent(Patient p, ClinicalEventKind kind, LocalDate date) {
        ClinicalEvent e = new ClinicalEvent();
        e.id = UUID.randomUUID();
        e.patientId = p.id;
        e.kind = kind;
        e.eventDate = date;
        return e;
    }
}
