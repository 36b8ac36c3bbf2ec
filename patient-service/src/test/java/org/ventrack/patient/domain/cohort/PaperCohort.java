package org.ventrack.patient.domain.cohort;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A 12-patient cohort reconstructed from Tables 1 and 2 of Cousson et al., Br J Haematol 2025;206:209-214. The paper
 * gives only aggregates, so the individual patients are invented to reproduce every figure of both tables; ids
 * P01-P12 do not correspond to the paper's UPNs.
 *
 * <p>Where the paper disagrees with itself, the tables win: Table 3 and Table 4 mention ages (17, 15, 14, 1.2, 1.7
 * years) outside Table 1's range 2-12 and a 4-cycle course above its maximum 3.5, and the text says five patients had
 * an HSCT before venetoclax where Table 1 says four. CTCAE v5.0 grades Febrile neutropenia only 3-5, yet Table 2 has
 * "4/2" and "1/0": the three lower-grade episodes are recorded here as grade 2 to reproduce the printed counts.
 */
final class PaperCohort {

    static final String SITE = "FR-RDB";

    private PaperCohort() {
    }

    // Ages at start (days / 365.25): P01 730 d = 1.999, P02 2.998, P03 4.000, P04 4.498, P05 and P06 5.002,
    // P07 6.001, P08 7.001, P09 9.002, P10 10.001, P11 11.001, P12 12.000: median (5.002 + 6.001) / 2 = 5.5.
    static List<CohortPatient> patients() {
        return List.of(
            //        id     sex       birth         start         diagnosis          rel lines HSCT   CNS regimen      cycles genetics
            patient("P01", "MALE",   "2017-04-03", "2019-04-03", "RELAPSED_AML",    1, 1, false, 1, "VEN_CHEMO", "1",   "KMT2A t(9;11)"),
            patient("P02", "FEMALE", "2016-11-20", "2019-11-20", "RELAPSED_AML",    1, 2, false, 2, "VEN_CHEMO", "2",   "KMT2A t(9;11)"),
            patient("P03", "MALE",   "2016-02-01", "2020-02-01", "REFRACTORY_AML",  0, 1, false, 1, "VEN_HMA",   "1",   "KMT2A t(9;11)"),
            patient("P04", "MALE",   "2015-09-10", "2020-03-10", "RELAPSED_AML",    2, 3, true,  1, "VEN_CHEMO", "3",   "PTPN11"),
            patient("P05", "FEMALE", "2015-06-15", "2020-06-15", "MDS_RELATED_AML", 0, 1, false, 1, "VEN_HMA",   "1",   "monosomy 7"),
            patient("P06", "MALE",   "2016-01-05", "2021-01-05", "RELAPSED_AML",    1, 2, false, 3, "VEN_CHEMO", "2",   "NPM1"),
            patient("P07", "FEMALE", "2014-10-12", "2020-10-12", "REFRACTORY_AML",  0, 2, false, 1, "VEN_HMA",   "2"),
            patient("P08", "MALE",   "2013-05-22", "2020-05-22", "RELAPSED_AML",    1, 2, true,  2, "VEN_MONO",  "1.5", "ETO2::GLIS2"),
            patient("P09", "MALE",   "2011-08-30", "2020-08-30", "RELAPSED_AML",    1, 3, true,  1, "VEN_HMA",   "3.5", "inv(16)"),
            patient("P10", "FEMALE", "2011-03-14", "2021-03-14", "REFRACTORY_AML",  0, 1, false, 1, "VEN_CHEMO", "2.5", "PTPN11"),
            patient("P11", "MALE",   "2010-12-01", "2021-12-01", "RELAPSED_AML",    1, 3, true,  2, "VEN_HMA",   "3",   "t(8;21)"),
            patient("P12", "FEMALE", "2010-07-07", "2022-07-07", "RELAPSED_AML",    1, 2, false, 1, "VEN_MONO",  "2"));
    }

    /**
     * Table 2. P11 stands for the patient on azacitidine and voriconazole (aged 11, grade 3/4 cytopenia); P01 has two
     * episodes of neutropenia, counted once.
     */
    static List<CohortAdverseEvent> adverseEvents() {
        return List.of(
            // Venetoclax + HMA (P03, P05, P07, P09, P11)
            ae("P11", "VEN_HMA", "Neutrophil count decreased", 4, false),
            ae("P11", "VEN_HMA", "Anemia", 2, false),
            ae("P11", "VEN_HMA", "Platelet count decreased", 2, false),
            ae("P05", "VEN_HMA", "Neutrophil count decreased", 2, false),
            ae("P05", "VEN_HMA", "Myalgia", 1, false),
            ae("P07", "VEN_HMA", "Nausea", 1, false),
            ae("P07", "VEN_HMA", "Diarrhea", 3, true),
            ae("P09", "VEN_HMA", "Fatigue", 2, false),
            // Venetoclax + chemotherapy (P01, P02, P04, P06, P10)
            ae("P01", "VEN_CHEMO", "Anemia", 3, false),
            ae("P01", "VEN_CHEMO", "Platelet count decreased", 4, false),
            ae("P01", "VEN_CHEMO", "Neutrophil count decreased", 4, false),
            ae("P01", "VEN_CHEMO", "Neutrophil count decreased", 3, false),
            ae("P01", "VEN_CHEMO", "Febrile neutropenia", 3, false),
            ae("P01", "VEN_CHEMO", "Nausea", 2, false),
            ae("P02", "VEN_CHEMO", "Anemia", 2, false),
            ae("P02", "VEN_CHEMO", "Platelet count decreased", 2, false),
            ae("P02", "VEN_CHEMO", "Neutrophil count decreased", 3, false),
            ae("P02", "VEN_CHEMO", "Febrile neutropenia", 3, false),
            ae("P02", "VEN_CHEMO", "Nausea", 1, false),
            ae("P02", "VEN_CHEMO", "Sepsis", 3, true),
            ae("P04", "VEN_CHEMO", "Anemia", 2, false),
            ae("P04", "VEN_CHEMO", "Neutrophil count decreased", 2, false),
            ae("P04", "VEN_CHEMO", "Febrile neutropenia", 2, false),
            ae("P04", "VEN_CHEMO", "Nausea", 2, false),
            ae("P04", "VEN_CHEMO", "Diarrhea", 1, false),
            ae("P04", "VEN_CHEMO", "Sepsis", 4, true),
            ae("P06", "VEN_CHEMO", "Platelet count decreased", 2, false),
            ae("P06", "VEN_CHEMO", "Febrile neutropenia", 2, false),
            ae("P06", "VEN_CHEMO", "Nausea", 1, false),
            ae("P06", "VEN_CHEMO", "Sepsis", 3, true),
            ae("P10", "VEN_CHEMO", "Diarrhea", 2, false),
            ae("P10", "VEN_CHEMO", "Myalgia", 1, false),
            // Venetoclax alone (P08, P12)
            ae("P08", "VEN_MONO", "Neutrophil count decreased", 3, false),
            ae("P08", "VEN_MONO", "Fatigue", 1, false),
            ae("P12", "VEN_MONO", "Febrile neutropenia", 2, false));
    }

    static CohortPatient patient(String id, String sex, String birth, String start, String diagnosis, int relapses,
            Integer lines, boolean hsct, Integer cns, String regimen, String cycles, String... genetics) {
        return new CohortPatient(id, SITE, sex, LocalDate.parse(birth), diagnosis, relapses, lines, hsct, cns,
                List.of(genetics), start == null ? null : LocalDate.parse(start), regimen,
                cycles == null ? null : new BigDecimal(cycles));
    }

    static CohortAdverseEvent ae(String patientId, String regimen, String term, int grade, boolean serious) {
        return new CohortAdverseEvent(patientId, regimen, term, grade, serious);
    }
}
