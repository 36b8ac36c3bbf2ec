package org.ventrack.pk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.PatientEvents;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** GET /api/v1/export/sdtm/PC: the venetoclax samples of the caller's sites as SDTM-shaped CSV. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SdtmExportTest {

    private static final String HOME = "FR-SDTMP";
    private static final String AWAY = "FR-SDTMQ";
    private static final LocalDate START = LocalDate.of(2024, 1, 15);
    private static UUID patient;

    @InjectInfrastructure
    Infrastructure infrastructure;

    @BeforeEach
    void data() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (patient != null) {
            return;
        }
        patient = treated(HOME);
        sample(patient, 9, 300);
        sample(treated(AWAY), 9, 500);
    }

    private UUID treated(String site) {
        UUID id = UUID.randomUUID();
        PatientEvents.send(infrastructure, PatientEvents.registered(id, site, "PC-" + id, LocalDate.of(2016, 5, 1)));
        PatientEvents.send(infrastructure, PatientEvents.courseWithDose(id, UUID.randomUUID(), START, "VEN_HMA", 250));
        PatientEvents.awaitEventsApplied(id, 2, TestTokens.investigator());
        return id;
    }

    private static void sample(UUID patient, int day, double concentration) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patient.toString());
        body.put("sampledAt", START.plusDays(day).atTime(8, 0).toString());
        body.put("lastDoseAt", START.plusDays(day - 1).atTime(8, 0).toString());
        body.put("dailyDoseMg", 250);
        body.put("concentrationNgPerMl", concentration);
        body.put("lloqNgPerMl", 5);
        body.put("kind", "TROUGH");
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/pk/samples").then().statusCode(201);
    }

    private static List<String> lines(String token, String query) {
        String csv = given().auth().oauth2(token).get("/api/v1/export/sdtm/PC" + query).then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition", containsString("pc.csv")).extract().asString();
        return List.of(csv.split("\r\n"));
    }

    @Test
    void theCallersSamplesWithUnitsAndStudyDays() {
        // sampled 9 days after the first dose: study day 10
        assertEquals(List.of(
                "STUDYID,DOMAIN,USUBJID,PCSEQ,PCTESTCD,PCTEST,PCORRES,PCORRESU,PCSTRESC,PCSTRESN,PCSTRESU,PCSPEC,PCLLOQ,PCTPT,"
                        + "PCTPTREF,PCRFTDTC,PCDTC,PCDY",
                "VENTRACK,PC,VENTRACK-" + HOME + "-PC-" + patient + ",1,VENETOC,Venetoclax,300,ng/mL,300,300,ng/mL,PLASMA,5,"
                        + "TROUGH,LAST DOSE,2024-01-23T08:00,2024-01-24T08:00,10"),
                lines(TestTokens.siteUser(HOME), ""));
        assertEquals(1, lines(TestTokens.siteUser(HOME), "?site=" + AWAY).size(), "another site is empty, not an error");
        List<String> away = lines(TestTokens.statistician(), "?site=" + AWAY);
        assertEquals(2, away.size());
        assertEquals("500", away.get(1).split(",")[6]);
    }

    @Test
    void otherDomainsAreNotServedHere() {
        given().auth().oauth2(TestTokens.statistician()).get("/api/v1/export/sdtm/RS").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("serves PC"));
        given().get("/api/v1/export/sdtm/PC").then().statusCode(401);
    }
}
