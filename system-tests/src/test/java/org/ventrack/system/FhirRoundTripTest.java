package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import ca.uhn.fhir.context.FhirContext;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The FHIR round trip through the whole stack: the paper's 12 patients (loaded by the demo) exported with the
 * Bulk Data {@code $export}, imported as one batch Bundle under a second site of the same stack, and the second site's
 * Table 1, response rates, Table 4 and Kaplan-Meier figures equal the first's. A site user of each site sees only its
 * own 12 patients, so the two sets of figures are computed independently; one stack start instead of two.
 */
class FhirRoundTripTest {

    private static final String SITE = "FR-RDB";
    private static final String COPY = "FR-RDBFHIR";
    private static final FhirContext FHIR = FhirContext.forR4();

    private static LocalStack stack;
    private static String original;
    private static String copy;
    private static JsonPath importAnswer;
    private static int entries;

    @BeforeAll
    static void exportTheDemoCohortAndImportItUnderAnotherSite() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        stack = StackFixture.start(true);
        original = stack.token("site-user", SITE);
        copy = stack.token("site-user", COPY);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(original)
                .queryParam("endpoint", "EFS").queryParam("times", 365).get(url("survival-service", "/api/v1/survival/kaplan-meier"))
                .then().statusCode(200).body("groups[0].n", equalTo(12)));
        given().auth().oauth2(stack.token("admin")).contentType("application/json")
                .body(Map.of("code", COPY, "name", "Robert-Debré, FHIR copy", "country", "FR"))
                .post(url("patient-service", "/api/v1/sites")).then().statusCode(201);

        Response kickOff = given().auth().oauth2(original).header("Prefer", "respond-async")
                .get(url("patient-service", "/fhir/r4/$export"));
        kickOff.then().statusCode(202);
        String status = kickOff.header("Content-Location");
        Response manifest = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().auth().oauth2(original).get(status), r -> r.statusCode() != 202);
        manifest.then().statusCode(200);

        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        for (Map<String, Object> file : manifest.jsonPath().<Map<String, Object>> getList("output")) {
            String ndjson = given().auth().oauth2(original).get((String) file.get("url")).then().statusCode(200).extract().asString();
            for (String line : ndjson.lines().toList()) {
                Resource resource = (Resource) FHIR.newJsonParser().parseResource(line);
                if (resource instanceof Patient patient) {
                    patient.getManagingOrganization().getIdentifier().setValue(COPY);
                }
                batch.addEntry().setFullUrl("urn:uuid:" + resource.getIdPart()).setResource(resource).getRequest()
                        .setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
            }
        }
        // the Patients first: a reader of the Bundle may meet them in any order, but this keeps the answer readable
        batch.getEntry().sort((a, b) -> Boolean.compare(!(a.getResource() instanceof Patient), !(b.getResource() instanceof Patient)));
        entries = batch.getEntry().size();
        importAnswer = given().auth().oauth2(copy).contentType("application/fhir+json")
                .body(FHIR.newJsonParser().encodeResourceToString(batch)).post(url("patient-service", "/fhir/r4"))
                .then().statusCode(200).extract().jsonPath();
    }

    @AfterAll
    static void stopStack() throws Exception {
        StackFixture.stop(stack);
    }

    @Test
    void everyExportedEntryIsAppliedUnderTheNewSite() {
        assertEquals("batch-response", importAnswer.getString("type"));
        List<String> statuses = importAnswer.getList("entry.response.status");
        assertEquals(entries, statuses.size());
        Map<String, Long> counted = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertEquals(Map.of("201 Created", (long) entries), counted, importAnswer.prettify());
        assertTrue(entries > 12 * 5, "the 12 patients with their records: " + entries);
    }

    @Test
    void tableOneIsTheSame() {
        String path = "/api/v1/cohort/characteristics";
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(copy).get(url("patient-service", path))
                .then().statusCode(200).body("n", equalTo(12)).body("bestResponse.overallResponse.n", equalTo(5))
                .body("baselineBlastPercent.n", equalTo(12)));
        assertSame("patient-service", path);
    }

    @Test
    void responseRatesAreTheSame() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(copy)
                .get(url("response-service", "/api/v1/response-rates")).then().statusCode(200)
                .body("groups[0].n", equalTo(12)).body("groups[0].overallResponse.count", equalTo(5)));
        assertSame("response-service", "/api/v1/response-rates");
        assertSame("response-service", "/api/v1/response-rates?groupBy=regimen");
    }

    @Test
    void tableFourIsTheSame() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(copy)
                .get(url("pk-service", "/api/v1/pk/monitoring")).then().statusCode(200).body("all.n", equalTo(8)));
        assertSame("pk-service", "/api/v1/pk/monitoring");
    }

    @Test
    void kaplanMeierFiguresAreTheSame() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(copy).queryParam("endpoint", "EFS")
                .queryParam("times", 365).get(url("survival-service", "/api/v1/survival/kaplan-meier")).then().statusCode(200)
                .body("groups[0].n", equalTo(12)).body("groups[0].atTimes.surv[0]", closeTo(0.25, 1e-12)));
        given().auth().oauth2(copy).queryParam("endpoint", "OS").queryParam("times", 365)
                .get(url("survival-service", "/api/v1/survival/kaplan-meier")).then()
                .body("groups[0].atTimes.surv[0]", closeTo(0.5, 1e-12));
        for (String endpoint : List.of("OS", "EFS")) {
            assertSame("survival-service", "/api/v1/survival/kaplan-meier?endpoint=" + endpoint + "&times=182,365,730");
            assertSame("survival-service", "/api/v1/survival/kaplan-meier?endpoint=" + endpoint + "&groupBy=regimen");
        }
    }

    /** The same figures for the original site's user and the copy's: the whole JSON answer, site codes and ids aside. */
    private static void assertSame(String service, String pathAndQuery) {
        String before = given().auth().oauth2(original).get(url(service, pathAndQuery)).then().statusCode(200).extract().asString();
        String after = given().auth().oauth2(copy).get(url(service, pathAndQuery)).then().statusCode(200).extract().asString();
        assertEquals(withoutSite(before), withoutSite(after), service + pathAndQuery);
    }

    private static String withoutSite(String json) {
        return json.replace(COPY, "SITE").replace(SITE, "SITE")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID");
    }

    private static String url(String service, String pathAndQuery) {
        return stack.serviceUrl(service) + pathAndQuery;
    }

}
