package org.ventrack.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PatientResourceTest {

    @Test
    void registersAndReadsBackAPatientWithLocationAndETag() {
        Fixtures.site("FR-RDB");
        var response = given().auth().oauth2(TestTokens.siteUser("FR-RDB")).contentType(ContentType.JSON)
                .body(Fixtures.patient("FR-RDB", "UPN-1"))
                .post("/api/v1/patients").then().statusCode(201)
                .header("Location", notNullValue()).header("ETag", equalTo("\"0\""))
                .extract();
        String id = response.path("id");
        given().auth().oauth2(TestTokens.siteUser("FR-RDB")).get(response.header("Location"))
                .then().statusCode(200).body("upn", equalTo("UPN-1")).body("siteCode", equalTo("FR-RDB"))
                .body("id", equalTo(id));
    }

    @Test
    void aSiteUserSeesOnlyItsSites() {
        Fixtures.site("FR-AAA");
        Fixtures.site("FR-BBB");
        String other = Fixtures.register("FR-BBB", "B-1");
        Fixtures.register("FR-AAA", "A-1");

        given().auth().oauth2(TestTokens.siteUser("FR-AAA")).get("/api/v1/patients/" + other)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.siteUser("FR-AAA")).get("/api/v1/patients?size=200")
                .then().statusCode(200).body("items.siteCode", everyItem(equalTo("FR-AAA")));
        given().auth().oauth2(TestTokens.siteUser("FR-AAA")).get("/api/v1/patients/" + other + "/../" + other)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.statistician()).get("/api/v1/patients/" + other)
                .then().statusCode(200);
    }

    @Test
    void aPatientIsFoundByItsUpnWithinTheCallersSites() {
        Fixtures.site("FR-AAA");
        Fixtures.site("FR-BBB");
        String home = Fixtures.register("FR-AAA", "SAME-UPN");
        String other = Fixtures.register("FR-BBB", "SAME-UPN");

        given().auth().oauth2(TestTokens.siteUser("FR-AAA")).queryParam("upn", "SAME-UPN").get("/api/v1/patients")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(home));
        given().auth().oauth2(TestTokens.investigator()).queryParam("upn", "SAME-UPN").get("/api/v1/patients")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.containsInAnyOrder(home, other));
        given().auth().oauth2(TestTokens.investigator()).queryParam("upn", "NO-SUCH").get("/api/v1/patients")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aSiteUserCannotWriteToAnotherSite() {
        Fixtures.site("FR-AAA");
        Fixtures.site("FR-BBB");
        given().auth().oauth2(TestTokens.siteUser("FR-AAA")).contentType(ContentType.JSON)
                .body(Fixtures.patient("FR-BBB", "X-1"))
                .post("/api/v1/patients").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients?site=FR-BBB&size=200")
                .then().statusCode(200).body("items.upn", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("X-1")));
    }

    @Test
    void unknownSiteIsRefusedWithNothingWritten() {
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                .body(Fixtures.patient("XX-NONE", "N-1"))
                .post("/api/v1/patients").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("siteCode"));
    }

    @Test
    void aSiteCreatedAfterARefusalIsAcceptedAtOnce() {
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                .body(Fixtures.patient("FR-LATE", "L-1"))
                .post("/api/v1/patients").then().statusCode(422).contentType("application/problem+json");
        Fixtures.site("FR-LATE");

        Fixtures.register("FR-LATE", "L-1");
        Fixtures.register("FR-LATE", "L-2");
    }

    @Test
    void updatesNeedIfMatch() {
        Fixtures.site("FR-RDB");
        String id = Fixtures.register("FR-RDB", "UPN-IFM");
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                .body(Fixtures.patient("FR-RDB", "UPN-IFM"))
                .put("/api/v1/patients/" + id).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(Fixtures.patient("FR-RDB", "UPN-IFM"))
                .put("/api/v1/patients/" + id).then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void concurrentUpdatesWithTheSameETagLetExactlyOneWin() throws Exception {
        Fixtures.site("FR-RDB");
        String id = Fixtures.register("FR-RDB", "UPN-RACE");
        String etag = given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + id).header("ETag");
        String token = TestTokens.investigator();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            var body = new HashMap<>(Fixtures.patient("FR-RDB", "UPN-RACE"));
            body.put("diagnosisDate", "2023-06-" + String.format("%02d", i + 1));
            writers.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(body).put("/api/v1/patients/" + id).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(writers)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        given().auth().oauth2(token).get("/api/v1/patients/" + id).then().body("version", equalTo(1));
    }

    @Test
    void pageSizeIsBounded() {
        given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients?size=5000")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
