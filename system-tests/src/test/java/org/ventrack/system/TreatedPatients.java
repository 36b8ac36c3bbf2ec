package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.ventrack.devstack.LocalStack;

import io.restassured.http.ContentType;

/**
 * The population the write benchmarks load: patients on a venetoclax course started on {@link #START}, and the
 * marrow assessments and pk samples posted about them, spread over the patients and over 300 days so that they do
 * not collide.
 */
final class TreatedPatients {

    static final LocalDate START = LocalDate.of(2023, 1, 2);

    private TreatedPatients() {
    }

    /**
     * Creates {@code site}, registers {@code count} patients with a course through patient-service, and waits until
     * response- and pk-service know the last of them (response-service with its venetoclax start).
     */
    static List<String> register(LocalStack stack, String site, String upnPrefix, int count) {
        String patients = stack.serviceUrl("patient-service");
        String responses = stack.serviceUrl("response-service");
        String pk = stack.serviceUrl("pk-service");
        String token = stack.token("investigator");
        given().auth().oauth2(stack.token("admin")).contentType(ContentType.JSON)
                .body(Map.of("code", site, "name", "Benchmark " + site, "country", "FR"))
                .post(patients + "/api/v1/sites").then().statusCode(201);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("siteCode", site, "upn", upnPrefix + i, "sex", "MALE", "birthDate", "2016-01-01",
                            "diagnosis", "RELAPSED_AML"))
                    .post(patients + "/api/v1/patients").then().statusCode(201).extract().path("id");
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("startDate", START.toString(), "regimen", "VEN_HMA", "cycleLengthDays", 28,
                            "activeDays", 21, "doseBasis", "WEIGHT", "dailyDoseMg", 250, "rampUp", true))
                    .post(patients + "/api/v1/patients/" + id + "/treatment-courses").then().statusCode(201);
            ids.add(id);
        }
        String last = ids.get(count - 1);
        await().atMost(Duration.ofMinutes(3)).until(() -> given().auth().oauth2(token)
                .get(responses + "/api/v1/patients/" + last + "/responses").then().extract().path("venetoclaxStart") != null
                && given().auth().oauth2(token).get(pk + "/api/v1/patients/" + last + "/facts").then().extract().statusCode() == 200);
        return ids;
    }

    /** The i-th POST /api/v1/assessments: a morphologic remission, MRD-negative. */
    static IntFunction<HttpRequest> assessments(String responseService, String token, List<String> ids) {
        return i -> LoadGenerator.post(responseService + "/api/v1/assessments", token,
                "{\"patientId\":\"" + patientOf(ids, i) + "\",\"assessmentDate\":\"" + START.plusDays(1 + Math.floorMod(i, 300))
                        + "\",\"blastPercent\":3,\"circulatingBlasts\":false,\"extramedullaryDisease\":false,"
                        + "\"platelets\":120,\"anc\":1.5,\"cellularityPercent\":40,\"mrdStatus\":\"NEGATIVE\"}");
    }

    /** The i-th POST /api/v1/pk/samples: a trough level a day after the last dose. */
    static IntFunction<HttpRequest> pkSamples(String pkService, String token, List<String> ids) {
        return i -> LoadGenerator.post(pkService + "/api/v1/pk/samples", token,
                "{\"patientId\":\"" + patientOf(ids, i) + "\",\"sampledAt\":\"" + START.plusDays(9 + Math.floorMod(i, 300))
                        + "T08:00:00\",\"lastDoseAt\":\"" + START.plusDays(8 + Math.floorMod(i, 300)) + "T08:00:00\","
                        + "\"dailyDoseMg\":250,\"concentrationNgPerMl\":314,\"kind\":\"TROUGH\"}");
    }

    private static String patientOf(List<String> ids, int i) {
        return ids.get(Math.floorMod(i * 7919 + (int) Thread.currentThread().getId(), ids.size()));
    }
}
