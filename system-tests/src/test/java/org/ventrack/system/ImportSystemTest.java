package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * The paper's 12 patients imported as one NDJSON file through {@code POST /api/v1/imports} into an empty stack
 * (packaged services, PostgreSQL, Kafka): patient-service applies its records, hands the assessments to
 * response-service and the drug levels to pk-service with the importer's token, and the figures that need them come
 * out as in {@link PaperCohortTest}. One stack start for the class.
 */
class ImportSystemTest {

    private static final String SITE = "FR-RDB";

    private static LocalStack stack;
    private static String siteUser;
    private static String ndjson;
    private static JsonPath firstImport;

    @BeforeAll
    static void importThePaperCohort() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        stack = StackFixture.start(false);
        siteUser = stack.token("site-user", SITE);
        ObjectMapper json = new ObjectMapper();
        Path demo = Path.of("").toAbsolutePath().getParent().resolve("demo/cousson-2025");
        given().auth().oauth2(stack.token("admin")).contentType("application/json")
                .body(Files.readString(demo.resolve("site.json"))).post(patientService("/sites")).then().statusCode(201);
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(demo)) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches("UPN.*\\.json")).sorted().toList()) {
                lines.add(json.writeValueAsString(json.readTree(file.toFile())));
            }
        }
        ndjson = String.join("\n", lines) + "\n";
        firstImport = importFile(ndjson);
    }

    @AfterAll
    static void stopStack() throws Exception {
        StackFixture.stop(stack);
    }

    private static JsonPath importFile(String body) {
        String location = given().auth().oauth2(siteUser).contentType("application/x-ndjson").body(body)
                .post(patientService("/imports")).then().statusCode(202).extract().header("Location");
        String job = location.substring(location.indexOf("/api/v1/imports/") + "/api/v1".length());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String state = given().auth().oauth2(siteUser).get(patientService(job)).path("state");
            return !state.equals("QUEUED") && !state.equals("RUNNING");
        });
        return given().auth().oauth2(siteUser).get(patientService(job)).then().statusCode(200).extract().jsonPath();
    }

    private static String patientService(String path) {
        return stack.serviceUrl("patient-service") + "/api/v1" + path;
    }

    private static String responseService(String path) {
        return stack.serviceUrl("response-service") + "/api/v1" + path;
    }

    private static String pkService(String path) {
        return stack.serviceUrl("pk-service") + "/api/v1/pk" + path;
    }

    @Test
    void everyRowOfThePaperIsAppliedWithNothingRejected() {
        assertEquals("SUCCEEDED", firstImport.getString("state"), firstImport.prettify());
        assertEquals(12, firstImport.getInt("rowsTotal"));
        assertEquals(12, firstImport.getInt("rowsDone"));
        assertEquals(12, firstImport.getInt("rowsApplied"));
        assertEquals(0, firstImport.getInt("rowsRejected"), firstImport.prettify());
        assertEquals(0, firstImport.getInt("records.rejected"));
    }

    @Test
    void responseRatesFromTheImportedAssessments() {
        // as PaperCohortTest: R's binom.test(5, 12) and binom.test(4, 12)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(siteUser)
                .get(responseService("/response-rates")).then().statusCode(200)
                .body("groups[0].n", equalTo(12))
                .body("groups[0].overallResponse.count", equalTo(5))
                .body("groups[0].overallResponse.lower", closeTo(0.1516522298084301, 1e-9))
                .body("groups[0].completeRemission.count", equalTo(4))
                .body("groups[0].counts.NR", equalTo(7)));
    }

    @Test
    void tableFourFlagsUpn10sVoriconazoleLevelsFromTheImportedSamples() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(siteUser)
                .get(pkService("/monitoring")).then().statusCode(200).body("all.n", equalTo(8)));
        List<Map<String, Object>> rows = new ArrayList<>();
        JsonPath table = given().auth().oauth2(siteUser).get(pkService("/monitoring")).then().extract().jsonPath();
        rows.addAll(table.getList("byDoseBasis.AGE"));
        rows.addAll(table.getList("byDoseBasis.WEIGHT"));
        for (Map<String, Object> row : rows) {
            boolean voriconazole = (Double) row.get("troughNgPerMl") == 7215 || (Double) row.get("troughNgPerMl") == 3681;
            assertEquals(voriconazole, ((List<?>) row.get("flags")).contains("INTERACTION_SUSPECTED"), row.toString());
            assertEquals(voriconazole, row.get("upn").equals("UPN10"), row.toString());
        }
        given().auth().oauth2(siteUser).get(pkService("/alerts")).then().statusCode(200)
                .body("items.flags.flatten()", hasItem("INTERACTION_SUSPECTED"))
                .body("items.sampleId", hasSize(2))
                .body("items.patientId", everyItem(equalTo(rows.stream().filter(r -> r.get("upn").equals("UPN10"))
                        .findFirst().orElseThrow().get("patientId"))));
    }

    @Test
    void importingTheFileAgainChangesNothingInAnyService() {
        JsonPath again = importFile(ndjson);
        assertEquals("SUCCEEDED", again.getString("state"), again.prettify());
        assertEquals(12, again.getInt("rowsUnchanged"), again.prettify());
        assertEquals(0, again.getInt("records.applied"));
        given().auth().oauth2(siteUser).get(pkService("/monitoring")).then().body("all.n", equalTo(8));
        given().auth().oauth2(siteUser).get(responseService("/response-rates")).then().body("groups[0].n", equalTo(12));
    }
}
