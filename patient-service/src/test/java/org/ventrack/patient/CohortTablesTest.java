package org.ventrack.patient;

import static org.hamcrest.Matchers.equalTo;
import static org.ventrack.patient.Fixtures.START;
import static org.ventrack.patient.Fixtures.as;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/**
 * The founding paper's 12 patients (Cousson et al. 2025), entered through the API, give back its Table 1 and
 * Table 2. Percentages are recomputed by hand here (the paper truncates some: 66 for 8/12 = 66.7, 9 for 1/12 = 8.3).
 */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CohortTablesTest {

    private static final String SITE = "FR-PAPER";

    /** sex, age in whole years at start, diagnosis, genetics, CNS, prior lines, prior HSCT, regimen, cycles. */
    private record Case(String sex, int age, String diagnosis, String genetics, int cns, int lines, boolean hsct,
            String regimen, double cycles) {
    }

    private static final List<Case> CASES = List.of(
            new Case("MALE", 2, "RELAPSED_AML", "inv(16)", 1, 1, false, "VEN_CHEMO", 1),
            new Case("MALE", 3, "RELAPSED_AML", "t(8;21)", 1, 1, false, "VEN_CHEMO", 1),
            new Case("FEMALE", 3, "RELAPSED_AML", "NPM1", 2, 1, true, "VEN_CHEMO", 1),
            new Case("MALE", 4, "RELAPSED_AML", "KMT2A t(9;11)", 1, 2, false, "VEN_CHEMO", 1),
            new Case("FEMALE", 5, "RELAPSED_AML", "KMT2A t(9;11)", 1, 2, true, "VEN_CHEMO", 2),
            new Case("MALE", 6, "RELAPSED_AML", "KMT2A t(9;11)", 3, 2, false, "VEN_HMA", 2),
            new Case("MALE", 7, "RELAPSED_AML", "monosomy 7", 1, 2, true, "VEN_HMA", 2),
            new Case("FEMALE", 8, "RELAPSED_AML", "PTPN11", 2, 2, false, "VEN_HMA", 2),
            new Case("MALE", 9, "REFRACTORY_AML", "PTPN11", 1, 3, true, "VEN_HMA", 2),
            new Case("FEMALE", 10, "REFRACTORY_AML", "ETO2::GLIS2", 1, 3, false, "VEN_HMA", 3),
            new Case("MALE", 12, "REFRACTORY_AML", null, 2, 3, false, "VEN_MONO", 3),
            new Case("FEMALE", 5, "MDS_RELATED_AML", null, 1, 3, false, "VEN_MONO", 3.5));

    /** Table 2, patient by patient: case index, CTCAE term, grade, serious. */
    private static final List<Object[]> ADVERSE_EVENTS = List.of(
            // venetoclax + chemotherapy (cases 0-4)
            ae(0, "Anemia", 3), ae(1, "Anemia", 2), ae(2, "Anemia", 1),
            ae(0, "Platelet count decreased", 4), ae(1, "Platelet count decreased", 2), ae(2, "Platelet count decreased", 2),
            ae(0, "Neutrophil count decreased", 4), ae(1, "Neutrophil count decreased", 3), ae(3, "Neutrophil count decreased", 2),
            ae(0, "Febrile neutropenia", 3), ae(1, "Febrile neutropenia", 3), ae(2, "Febrile neutropenia", 2),
            ae(3, "Febrile neutropenia", 1),
            ae(0, "Nausea", 1), ae(1, "Nausea", 2), ae(2, "Nausea", 1), ae(3, "Nausea", 1),
            ae(0, "Diarrhea", 2), ae(4, "Diarrhea", 1),
            serious(1, "Sepsis", 4), serious(2, "Sepsis", 4), serious(4, "Sepsis", 3),
            ae(3, "Myalgia", 1),
            // venetoclax + HMA (cases 5-9)
            ae(5, "Anemia", 2), ae(5, "Platelet count decreased", 2),
            ae(5, "Neutrophil count decreased", 3), ae(6, "Neutrophil count decreased", 2),
            ae(7, "Nausea", 1), serious(6, "Diarrhea", 3), ae(8, "Fatigue", 1), ae(9, "Myalgia", 1),
            // venetoclax alone (cases 10-11)
            ae(10, "Neutrophil count decreased", 4), ae(10, "Febrile neutropenia", 2), ae(11, "Fatigue", 2));

    private static Object[] ae(int patient, String term, int grade) {
        return new Object[] { patient, term, grade, false };
    }

    private static Object[] serious(int patient, String term, int grade) {
        return new Object[] { patient, term, grade, true };
    }

    private static boolean cohortEntered;

    /** Once per class, but after Quarkus has set the test port (a static @BeforeAll runs before that). */
    @BeforeEach
    void enterThePapersCohort() {
        if (cohortEntered) {
            return;
        }
        cohortEntered = true;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.site(SITE);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            var body = Fixtures.patient(SITE, "PAPER-" + (i + 1));
            body.put("sex", c.sex());
            body.put("birthDate", START.minusYears(c.age()).toString());
            body.put("diagnosis", c.diagnosis());
            body.remove("diagnosisDate");
            body.put("cnsStatus", c.cns());
            body.put("priorLines", c.lines());
            body.put("priorHsct", c.hsct());
            body.put("geneticAlterations", c.genetics() == null ? List.of() : List.of(Map.of("kind", "OTHER", "label", c.genetics())));
            String id = as(TestTokens.investigator()).body(body).post("/api/v1/patients").then().statusCode(201).extract().path("id");
            Fixtures.post(id, "treatment-courses", Fixtures.course(START, c.regimen(), c.cycles()));
            ids.add(id);
        }
        LocalDate onset = START.plusDays(10);
        for (Object[] e : ADVERSE_EVENTS) {
            Fixtures.post(ids.get((int) e[0]), "adverse-events", Fixtures.adverseEvent((String) e[1], (int) e[2], onset, (boolean) e[3]));
        }
    }

    @Test
    void table1PatientCharacteristics() {
        ValidatableResponse table = as(TestTokens.statistician()).get("/api/v1/cohort/characteristics?site=" + SITE)
                .then().statusCode(200);
        table.body("n", equalTo(12))
                // ages 2,3,3,4,5,5,6,7,8,9,10,12: median (5 + 6) / 2 = 5.5, range 2-12
                .body("ageAtStartYears.median", equalTo(5.5f)).body("ageAtStartYears.min", equalTo(2.0f))
                .body("ageAtStartYears.max", equalTo(12.0f))
                .body("sex.find { it.value == 'MALE' }.n", equalTo(7))
                .body("sex.find { it.value == 'MALE' }.percent", equalTo(58.3f))      // 7/12
                .body("sex.find { it.value == 'FEMALE' }.percent", equalTo(41.7f))    // 5/12
                .body("diagnosis.find { it.value == 'RELAPSED_AML' }.n", equalTo(8))
                .body("diagnosis.find { it.value == 'RELAPSED_AML' }.percent", equalTo(66.7f))
                .body("diagnosis.find { it.value == 'REFRACTORY_AML' }.percent", equalTo(25.0f))
                .body("diagnosis.find { it.value == 'MDS_RELATED_AML' }.percent", equalTo(8.3f))
                .body("genetics.find { it.value == 'KMT2A t(9;11)' }.n", equalTo(3))
                .body("genetics.find { it.value == 'PTPN11' }.n", equalTo(2))
                .body("genetics.find { it.value == 'inv(16)' }.n", equalTo(1))
                .body("genetics.find { it.value == 't(8;21)' }.n", equalTo(1))
                .body("genetics.find { it.value == 'NPM1' }.n", equalTo(1))
                .body("genetics.find { it.value == 'monosomy 7' }.n", equalTo(1))
                .body("genetics.find { it.value == 'ETO2::GLIS2' }.n", equalTo(1))
                .body("cnsStatus.find { it.value == '1' }.n", equalTo(8))
                .body("cnsStatus.find { it.value == '2' }.n", equalTo(3))
                .body("cnsStatus.find { it.value == '3' }.n", equalTo(1))
                .body("priorLines.median", equalTo(2.0f)).body("priorLines.min", equalTo(1.0f)).body("priorLines.max", equalTo(3.0f))
                .body("priorHsct.find { it.value == 'YES' }.n", equalTo(4))
                .body("priorHsct.find { it.value == 'YES' }.percent", equalTo(33.3f))
                .body("priorHsct.find { it.value == 'NO' }.n", equalTo(8))
                .body("regimen.find { it.value == 'VEN_CHEMO' }.n", equalTo(5))
                .body("regimen.find { it.value == 'VEN_CHEMO' }.percent", equalTo(41.7f))
                .body("regimen.find { it.value == 'VEN_HMA' }.n", equalTo(5))
                .body("regimen.find { it.value == 'VEN_MONO' }.percent", equalTo(16.7f))
                // cycles 1,1,1,1,2,2,2,2,2,3,3,3.5: median 2, range 1-3.5
                .body("cycles.median", equalTo(2.0f)).body("cycles.min", equalTo(1.0f)).body("cycles.max", equalTo(3.5f));
    }

    @Test
    void table2Toxicities() {
        ValidatableResponse table = as(TestTokens.statistician()).get("/api/v1/cohort/toxicities?site=" + SITE)
                .then().statusCode(200);
        table.body("patientsPerRegimen.VEN_HMA", equalTo(5)).body("patientsPerRegimen.VEN_CHEMO", equalTo(5))
                .body("patientsPerRegimen.VEN_MONO", equalTo(2));
        // term: HMA any/>=3, chemo any/>=3, mono any/>=3, total any grade (the paper's Table 2)
        Object[][] expected = {
                { "Anemia", 1, 0, 3, 1, 0, 0, 4 },
                { "Platelet count decreased", 1, 0, 3, 1, 0, 0, 4 },
                { "Neutrophil count decreased", 2, 1, 3, 2, 1, 1, 6 },
                { "Febrile neutropenia", 0, 0, 4, 2, 1, 0, 5 },
                { "Nausea", 1, 0, 4, 0, 0, 0, 5 },
                { "Diarrhea", 1, 1, 2, 0, 0, 0, 3 },
                { "Sepsis", 0, 0, 3, 3, 0, 0, 3 },
                { "Fatigue", 1, 0, 0, 0, 1, 0, 2 },
                { "Myalgia", 1, 0, 1, 0, 0, 0, 2 } };
        for (Object[] row : expected) {
            String find = "rows.find { it.term == '" + row[0] + "' }";
            table.body(find + ".byRegimen.VEN_HMA.anyGrade", equalTo(row[1]))
                    .body(find + ".byRegimen.VEN_HMA.grade3Plus", equalTo(row[2]))
                    .body(find + ".byRegimen.VEN_CHEMO.anyGrade", equalTo(row[3]))
                    .body(find + ".byRegimen.VEN_CHEMO.grade3Plus", equalTo(row[4]))
                    .body(find + ".byRegimen.VEN_MONO.anyGrade", equalTo(row[5]))
                    .body(find + ".byRegimen.VEN_MONO.grade3Plus", equalTo(row[6]))
                    .body(find + ".anyGradeTotal", equalTo(row[7]));
        }
        table.body("seriousPerRegimen.VEN_HMA", equalTo(1)).body("seriousPerRegimen.VEN_CHEMO", equalTo(3))
                .body("seriousPerRegimen.VEN_MONO", equalTo(0)).body("seriousTotal", equalTo(4));
    }
}
