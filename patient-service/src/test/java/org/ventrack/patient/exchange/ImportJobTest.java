package org.ventrack.patient.exchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.security.Roles;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Import jobs through POST /api/v1/imports: progress, rejected rows, dry run, re-import, restart, bad files, scoping. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ImportJobTest {

    static final String SITE = "FR-IMP";
    static final String OTHER_SITE = "DE-IMP";

    @Inject
    DataSource dataSource;
    @Inject
    ImportJobStore store;
    @Inject
    ImportWorker worker;
    @Inject
    ObjectMapper json;

    private static boolean sitesReady;

    @BeforeEach
    void sites() {
        if (sitesReady) {
            return;
        }
        sitesReady = true;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        for (String code : List.of(SITE, OTHER_SITE)) {
            given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                    .body(Map.of("code", code, "name", "Site " + code, "country", code.substring(0, 2))).post("/api/v1/sites");
        }
    }

    static String patientLine(String site, String upn, String courseStart, String extra) {
        return "{\"patient\":{\"siteCode\":\"" + site + "\",\"upn\":\"" + upn + "\",\"sex\":\"FEMALE\",\"birthDate\":\"2015-03-01\","
                + "\"diagnosis\":\"RELAPSED_AML\",\"diagnosisDate\":\"2023-05-02\"},"
                + "\"treatmentCourses\":[{\"startDate\":\"" + courseStart + "\",\"regimen\":\"VEN_HMA\",\"partnerAgents\":[\"azacitidine\"],"
                + "\"cycleLengthDays\":28,\"activeDays\":21,\"doseBasis\":\"WEIGHT\",\"dailyDoseMg\":200,\"rampUp\":true}]" + extra + "}";
    }

    static Response upload(String token, String contentType, String query, byte[] body) {
        return given().auth().oauth2(token).contentType(contentType).body(body).post("/api/v1/imports" + query);
    }

    static Response upload(String token, String contentType, String query, String body) {
        return upload(token, contentType, query, body.getBytes(StandardCharsets.UTF_8));
    }

    static JsonPath finished(String location, String token) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String state = given().auth().oauth2(token).get(location).path("state");
            return !state.equals("QUEUED") && !state.equals("RUNNING");
        });
        return given().auth().oauth2(token).get(location).then().statusCode(200).extract().jsonPath();
    }

    long count(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void importsNdjsonAndReportsEveryRejectedRowWithLineFieldAndReason() {
        String token = TestTokens.siteUser(SITE);
        String file = String.join("\n",
                patientLine(SITE, "ND-1", "2024-01-15", ""),
                "",
                patientLine(SITE, "ND-2", "2024-01-15", ",\"adverseEvents\":[{\"term\":\"Anemia\",\"grade\":7,"
                        + "\"onsetDate\":\"2024-01-20\",\"serious\":false,\"attribution\":\"POSSIBLE\"}]"),
                "{not json",
                patientLine(SITE, "ND-3", "2024-01-15", ",\"treatmentCourse\":[]"));
        Response created = upload(token, "application/x-ndjson", "", file);
        created.then().statusCode(202).header("Location", containsString("/api/v1/imports/")).body("rowsTotal", equalTo(4));
        JsonPath job = finished(created.header("Location"), token);
        assertEquals("SUCCEEDED", job.getString("state"));
        assertEquals(4, job.getInt("rowsDone"));
        assertEquals(2, job.getInt("rowsApplied"), job.prettify()); // ND-1 whole, ND-2 without its adverse event
        assertEquals(2, job.getInt("rowsRejected"));
        assertEquals(3, job.getInt("rejections.total"));
        List<Map<String, Object>> items = job.getList("rejections.items");
        assertEquals(3, items.get(0).get("line"));
        assertEquals("adverseEvents[0].grade", items.get(0).get("field"));
        assertEquals(4, items.get(1).get("line"));
        assertTrue(((String) items.get(1).get("reason")).startsWith("not valid JSON"));
        assertEquals(5, items.get(2).get("line"));
        assertEquals("treatmentCourse", items.get(2).get("field"));
        given().auth().oauth2(token).get("/api/v1/imports").then().statusCode(200)
                .body("find { it.id == '" + job.getString("id") + "' }.state", equalTo("SUCCEEDED"));
    }

    @Test
    void importsCsvPatientsThenTheirCourses() {
        String token = TestTokens.siteUser(SITE);
        String patients = "siteCode,upn,sex,birthDate,diagnosis,geneticAlterations\r\n"
                + SITE + ",CSV-1,MALE,2014-02-02,RELAPSED_AML,\"REARRANGEMENT:KMT2A t(9;11)|MUTATION:NPM1\"\r\n"
                + SITE + ",CSV-2,FEMALE,2013-13-01,RELAPSED_AML,\r\n";
        JsonPath first = finished(upload(token, "text/csv", "?type=patients", patients).then().statusCode(202)
                .extract().header("Location"), token);
        assertEquals(1, first.getInt("rowsApplied"));
        assertEquals(3, first.getInt("rejections.items[0].line"));
        assertEquals("birthDate", first.getString("rejections.items[0].field"));
        String courses = "siteCode,upn,startDate,regimen,cycleLengthDays,activeDays,doseBasis,dailyDoseMg\n"
                + SITE + ",CSV-1,2024-02-01,VEN_HMA,28,21,WEIGHT,100\n"
                + SITE + ",CSV-1,2024-03-01,VEN_FOO,28,21,WEIGHT,100\n"
                + SITE + ",CSV-9,2024-02-01,VEN_HMA,28,21,WEIGHT,100\n";
        JsonPath second = finished(upload(token, "text/csv", "?type=treatment-courses", courses).then().statusCode(202)
                .extract().header("Location"), token);
        assertEquals(1, second.getInt("rowsApplied"), second.prettify());
        assertEquals(2, second.getInt("rowsRejected"));
        assertEquals("regimen", second.getString("rejections.items[0].field"));
        assertEquals("patient.upn", second.getString("rejections.items[1].field"));
        given().auth().oauth2(token).get("/api/v1/patients?site=" + SITE + "&size=200").then()
                .body("items.find { it.upn == 'CSV-1' }.geneticAlterations.size()", equalTo(2));
    }

    @Test
    void dryRunValidatesAndWritesNothing() throws Exception {
        long audit = count("SELECT count(*) FROM audit_entry");
        long outbox = count("SELECT count(*) FROM outbox_event");
        String token = TestTokens.siteUser(SITE);
        String file = patientLine(SITE, "DRY-1", "2024-01-15", "") + "\n" + patientLine(SITE, "DRY-2", "2031-01-15", "");
        JsonPath job = finished(upload(token, "application/x-ndjson", "?dryRun=true", file).then().statusCode(202)
                .body("dryRun", equalTo(true)).extract().header("Location"), token);
        assertEquals("SUCCEEDED", job.getString("state"));
        assertEquals(1, job.getInt("rowsApplied"));
        assertEquals(1, job.getInt("rowsRejected"));
        assertEquals("treatmentCourses[0].startDate", job.getString("rejections.items[0].field"));
        assertEquals(audit, count("SELECT count(*) FROM audit_entry"));
        assertEquals(outbox, count("SELECT count(*) FROM outbox_event"));
        assertEquals(0, count("SELECT count(*) FROM patient WHERE upn LIKE 'DRY-%'"));
    }

    @Test
    void importingTheSameFileAgainAppliesNothing() throws Exception {
        String token = TestTokens.siteUser(SITE);
        String file = patientLine(SITE, "TWICE-1", "2024-01-15", "") + "\n" + patientLine(SITE, "TWICE-2", "2024-01-15", "");
        JsonPath first = finished(upload(token, "application/x-ndjson", "", file).header("Location"), token);
        assertEquals(2, first.getInt("rowsApplied"));
        long audit = count("SELECT count(*) FROM audit_entry");
        JsonPath second = finished(upload(token, "application/x-ndjson", "", file).header("Location"), token);
        assertEquals(0, second.getInt("rowsApplied"));
        assertEquals(2, second.getInt("rowsUnchanged"));
        assertEquals(0, second.getInt("records.applied"));
        assertEquals(4, second.getInt("records.unchanged"));
        assertEquals(audit, count("SELECT count(*) FROM audit_entry"));
        assertEquals(2, count("SELECT count(*) FROM patient WHERE upn LIKE 'TWICE-%'"));
    }

    @Test
    void aJobInterruptedByARestartResumesAfterItsLastCommittedRow() throws Exception {
        // rows 0 and 1 were committed with the cursor at 2 when the service stopped; rows 2 and 3 were not
        String file = String.join("\n", patientLine(SITE, "RES-1", "2024-01-15", ""), patientLine(SITE, "RES-2", "2024-01-15", ""),
                patientLine(SITE, "RES-3", "2024-01-15", ""), patientLine(SITE, "RES-4", "2024-01-15", ""));
        ImportCaller owner = new ImportCaller("restart-owner", Set.of(Roles.SITE_USER), Set.of(SITE), null);
        UUID id = UUID.randomUUID();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            store.create(id, owner, "NDJSON", null, false, 4, file);
            applierForTest().applyLocal(List.of(PatientDocument.fromJson(read(file.lines().toList().get(0))),
                    PatientDocument.fromJson(read(file.lines().toList().get(1)))), ApplyMode.BATCH, owner);
            ImportJobStore.Counts counts = new ImportJobStore.Counts();
            counts.rowsApplied = 2;
            store.progress(id, 2, counts);
            store.state(id, ImportJob.State.RUNNING, null);
        });
        worker.resumeInterrupted();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> store.definition(id).orElseThrow().state() == ImportJob.State.SUCCEEDED);
        ImportJob job = store.find(id, "restart-owner").orElseThrow();
        assertEquals(4, job.rowsDone());
        assertEquals(4, job.rowsApplied());
        assertEquals(0, job.rowsUnchanged(), "rows before the cursor are not read again");
        assertEquals(4, count("SELECT count(*) FROM patient WHERE upn LIKE 'RES-%'"));
        assertEquals(4, count("SELECT count(*) FROM audit_entry a JOIN patient p ON p.id = a.patient_id "
                + "WHERE p.upn LIKE 'RES-%' AND a.resource_type = 'patient'"));
    }

    @Test
    void peerRecordsOfAResumedJobWaitForTheOwnersToken() throws Exception {
        String assessment = ",\"assessments\":[{\"assessmentDate\":\"2024-01-10\",\"baseline\":true,\"blastPercent\":30}]";
        String file = patientLine(SITE, "PEER-1", "2024-01-15", assessment);
        String token = TestTokens.siteUser(SITE);
        String owner = "site-user-" + SITE; // the name TestTokens.siteUser gives
        UUID id = UUID.randomUUID();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                store.create(id, new ImportCaller(owner, Set.of(Roles.SITE_USER), Set.of(SITE), null), "NDJSON", null, false, 1, file));
        worker.resumeInterrupted(); // as after a restart: no token
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> store.definition(id).orElseThrow().state() == ImportJob.State.AWAITING_RESUME);
        ImportJob waiting = store.find(id, owner).orElseThrow();
        assertEquals(1, waiting.rowsAwaitingPeers());
        assertEquals(1, count("SELECT count(*) FROM patient WHERE upn = 'PEER-1'"));
        // resumed with the token: response-service is not configured in this test, so the assessment is refused (503)
        given().auth().oauth2(token).post("/api/v1/imports/" + id + "/resume").then().statusCode(202);
        JsonPath job = finished("/api/v1/imports/" + id, token);
        assertEquals("SUCCEEDED", job.getString("state"));
        assertEquals(0, job.getInt("rowsAwaitingPeers"));
        assertEquals(1, job.getInt("rowsRejected"));
        assertEquals("assessments", job.getString("rejections.items[0].section"));
        assertEquals(503, job.getInt("rejections.items[0].peerStatus"));
        given().auth().oauth2(token).post("/api/v1/imports/" + id + "/resume").then().statusCode(409);
    }

    @Test
    void refusesBadFilesBeforeCreatingAJob() {
        String token = TestTokens.siteUser(SITE);
        int jobsBefore = given().auth().oauth2(token).get("/api/v1/imports").then().extract().jsonPath().getList("$").size();
        byte[] latin1 = ("siteCode,upn,sex,birthDate,diagnosis\n" + SITE + ",Zo\u00e9,FEMALE,2015-01-01,RELAPSED_AML\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        upload(token, "text/csv", "?type=patients", latin1).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("not UTF-8"));
        upload(token, "text/csv", "?type=patients", "").then().statusCode(400).body("errors[0].field", equalTo("file"));
        upload(token, "text/csv", "?type=patients", SITE + ",X1,FEMALE,2015-01-01,RELAPSED_AML\n").then().statusCode(400)
                .body("errors[0].field", equalTo("header"));
        upload(token, "text/csv", "?type=patients", "siteCode,upn,sex,birthDate,diagnosis,name\n").then().statusCode(400)
                .body("detail", containsString("'name' is not a column"));
        upload(token, "text/csv", "?type=patients", "siteCode,upn,sex,birthDate,diagnosis\n").then().statusCode(400)
                .body("detail", containsString("no rows"));
        upload(token, "text/csv", "?type=lab-values", "a,b\n1,2\n").then().statusCode(400).body("errors[0].field", equalTo("type"));
        upload(token, "text/csv", "", "a,b\n1,2\n").then().statusCode(400).body("errors[0].field", equalTo("type"));
        upload(token, "application/xml", "", "<patients/>").then().statusCode(415).contentType("application/problem+json");
        upload(token, "application/x-ndjson", "", new byte[1024 * 1024 + 1]).then().statusCode(413)
                .contentType("application/problem+json");
        assertEquals(jobsBefore, given().auth().oauth2(token).get("/api/v1/imports").then().extract().jsonPath().getList("$").size());
    }

    @Test
    void aCsvRowWithTooManyCellsIsARejectedRow() {
        String token = TestTokens.siteUser(SITE);
        String csv = "siteCode,upn,sex,birthDate,diagnosis\n" + SITE + ",CELLS-1,FEMALE,2015-01-01,RELAPSED_AML,extra\n"
                + SITE + ",CELLS-2,FEMALE,2015-01-01,RELAPSED_AML\n";
        JsonPath job = finished(upload(token, "text/csv", "?type=patients", csv).header("Location"), token);
        assertEquals(1, job.getInt("rowsApplied"));
        assertEquals(2, job.getInt("rejections.items[0].line"));
        assertTrue(job.getString("rejections.items[0].reason").contains("6 cells"));
    }

    @Test
    void siteUsersImportOnlyIntoTheirSitesAndStatisticiansNotAtAll() {
        String file = patientLine(SITE, "SCOPE-1", "2024-01-15", "") + "\n" + patientLine(OTHER_SITE, "SCOPE-2", "2024-01-15", "");
        String token = TestTokens.siteUser(SITE);
        JsonPath job = finished(upload(token, "application/x-ndjson", "", file).header("Location"), token);
        assertEquals(1, job.getInt("rowsApplied"));
        assertEquals("patient.siteCode", job.getString("rejections.items[0].field"));
        assertEquals(2, job.getInt("rejections.items[0].line"));
        upload(TestTokens.statistician(), "application/x-ndjson", "", file).then().statusCode(403);
        upload(TestTokens.admin(), "application/x-ndjson", "", file).then().statusCode(403);
        // another user's job is not found
        given().auth().oauth2(TestTokens.token("site-user", "someone-else", List.of(SITE)))
                .get("/api/v1/imports/" + job.getString("id")).then().statusCode(404);
    }

    @Test
    void servesTheCsvTemplates() {
        String body = given().auth().oauth2(TestTokens.statistician()).get("/api/v1/imports/templates/treatment-courses.csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(body.startsWith("siteCode,upn,startDate,regimen,partnerAgents,"), body);
        given().auth().oauth2(TestTokens.statistician()).get("/api/v1/imports/templates/nothing.csv").then().statusCode(404);
    }

    @Inject
    PatientDocumentApplier applier;

    private PatientDocumentApplier applierForTest() {
        return applier;
    }

    private com.fasterxml.jackson.databind.JsonNode read(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
