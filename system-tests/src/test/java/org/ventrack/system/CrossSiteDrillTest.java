package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;

import groovy.json.JsonOutput;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Fault drill: a site user of site A calls every operation of every service (enumerated from each service's OpenAPI
 * document, so a new endpoint is covered without touching this test) against the data of site B, whose patient has a
 * record of every kind in every service. Nothing of B may come back: the answers are 403, 404 or lists and statistics
 * without B, byte for byte what a site user of an empty site Z gets for the same request; B's data is unchanged; every
 * refusal on B's data is in each service's audit log of access denials; and no clinical value of B reaches a log.
 */
class CrossSiteDrillTest {

    private static final String SITE_A = "FR-DRILLA";
    private static final String SITE_B = "FR-DRILLB";
    private static final String SITE_Z = "FR-DRILLZ";
    private static final List<String> WRITES = List.of("post", "put", "patch", "delete");
    /** B's clinical values (odd ones, so that no log line holds them by chance) and its UPN. */
    private static final String UPN_B = "DRB-7731";
    private static final List<String> CLINICAL_VALUES = List.of("2011-07-23", "2023-03-17", "31.73", "139.47", "37.41",
            "0.537", "2468.13");

    private static LocalStack stack;
    private static String investigator;
    private static String intruder;
    private static String stranger;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    /** B's ids by the collection segment that precedes them in a path ("patients" -> B's patient id, ...). */
    private static final Map<String, String> B_IDS = new LinkedHashMap<>();
    private static Sweep sweep;

    /** What a sweep found: each operation called, and what went wrong. */
    /**
     * @param namesB     the request names B's data: one of its ids or its site code, in the URL or the body
     * @param namesBData the request names one of B's resources by its id
     */
    record Call(String service, String method, String template, String url, String requestBody, int status, boolean namesB,
            boolean namesBData, String body) {
    }

    record Sweep(List<Call> calls, List<String> leaks, List<String> uncovered, Map<String, String> before,
            Map<String, String> after) {
    }

    @BeforeAll
    static void startStack() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = StackFixture.start();
        investigator = stack.token("investigator");
        intruder = stack.token("site-user", SITE_A);
        stranger = stack.token("site-user", SITE_Z);
        for (String site : List.of(SITE_A, SITE_B, SITE_Z)) {
            given().auth().oauth2(stack.token("admin")).contentType(ContentType.JSON)
                    .body(Map.of("code", site, "name", "Drill site " + site, "country", "FR"))
                    .post(url("patient-service", "/api/v1/sites")).then().statusCode(201);
        }
        createSiteBData();
    }

    @AfterAll
    static void stopStack() throws Exception {
        try {
            if (stack != null) {
                List<String> values = new ArrayList<>(CLINICAL_VALUES);
                values.add(UPN_B);
                ClinicalValueScan.assertNoneIn(stack, values);
            }
        } finally {
            StackFixture.stop(stack);
        }
    }

    /** A patient of B with one record of every kind in patient-service, an assessment, a PK sample and its alert. */
    private static void createSiteBData() {
        String patient = post("patient-service", "/api/v1/patients", """
                {"siteCode":"%s","upn":"%s","sex":"FEMALE","birthDate":"2011-07-23","diagnosis":"RELAPSED_AML",
                 "diagnosisDate":"2023-03-17"}""".formatted(SITE_B, UPN_B));
        B_IDS.put("patients", patient);
        String records = "/api/v1/patients/" + patient + "/";
        B_IDS.put("measurements", post("patient-service", records + "measurements", """
                {"measuredOn":"2024-01-12","weightKg":31.73,"heightCm":139.47}"""));
        B_IDS.put("treatment-courses", post("patient-service", records + "treatment-courses", """
                {"startDate":"2024-01-15","regimen":"VEN_CHEMO","partnerAgents":["cytarabine"],"cycleLengthDays":28,
                 "activeDays":21,"doseBasis":"WEIGHT","dailyDoseMg":250,"rampUp":true,"cyclesGiven":1}"""));
        B_IDS.put("comedications", post("patient-service", records + "comedications", """
                {"drug":"voriconazole","startDate":"2024-01-20"}"""));
        B_IDS.put("adverse-events", post("patient-service", records + "adverse-events", """
                {"term":"Febrile neutropenia","grade":3,"onsetDate":"2024-01-27","serious":true,"attribution":"POSSIBLE"}"""));
        B_IDS.put("clinical-events", post("patient-service", records + "clinical-events", """
                {"kind":"HSCT","date":"2024-03-19","hsctDonor":"HAPLOIDENTICAL","hsctConditioning":"MYELOABLATIVE"}"""));
        for (String consumer : List.of("response-service", "pk-service", "survival-service")) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(investigator)
                    .get(url(consumer, "/api/v1/patients/" + patient + "/facts")).then().statusCode(200)
                    .body("eventsApplied", org.hamcrest.Matchers.equalTo(6)));
        }
        B_IDS.put("assessments", post("response-service", "/api/v1/assessments", """
                {"patientId":"%s","assessmentDate":"2024-02-12","cycle":1,"blastPercent":37.41,"circulatingBlasts":true,
                 "extramedullaryDisease":false,"extramedullarySites":[],"platelets":57,"anc":0.537,
                 "transfusionDependent":false,"cellularityPercent":40,"mrdStatus":"POSITIVE","baseline":false}"""
                .formatted(patient)));
        B_IDS.put("samples", post("pk-service", "/api/v1/pk/samples", """
                {"patientId":"%s","sampledAt":"2024-01-25T08:00:00","lastDoseAt":"2024-01-24T08:30:00","dailyDoseMg":200,
                 "concentrationNgPerMl":2468.13,"kind":"TROUGH"}""".formatted(patient)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> alerts = given().auth().oauth2(investigator).queryParam("site", SITE_B).queryParam("status", "all")
                    .get(url("pk-service", "/api/v1/pk/alerts")).then().statusCode(200).extract().path("items.id");
            assertFalse(alerts.isEmpty(), "the sample under voriconazole raises an alert");
            B_IDS.put("alerts", alerts.get(0));
        });
        B_IDS.put("sites", SITE_B);
    }

    // ------------------------------------------------------------------------------------------------------ tests

    @Test
    void noOperationOfAnyServiceGivesSiteAAnythingOfSiteB() throws Exception {
        Sweep result = sweep();
        assertEquals(List.of(), result.uncovered(), "operations whose path parameters the drill cannot fill with B's data");
        assertEquals(List.of(), result.leaks(), "answers that leak B's data or went past the site check");
        Map<String, Long> perService = new TreeMap<>();
        result.calls().forEach(c -> perService.merge(c.service(), 1L, Long::sum));
        for (String service : LocalStack.SERVICES) {
            assertTrue(perService.getOrDefault(service, 0L) >= 2, service + " has operations: " + perService);
        }
        assertTrue(result.calls().stream().anyMatch(c -> c.namesB() && c.status() == 404));
        Map<Integer, Long> statuses = new TreeMap<>();
        result.calls().forEach(c -> statuses.merge(c.status(), 1L, Long::sum));
        System.out.printf("cross-site sweep: %d operations %s, statuses %s%n", result.calls().size(), perService, statuses);
    }

    @Test
    void siteBsDataIsUnchangedByTheAttempts() throws Exception {
        Sweep result = sweep();
        assertEquals(result.before(), result.after());
    }

    @Test
    void everyRefusalOnSiteBsDataIsInTheServicesAuditOfAccessDenials() throws Exception {
        Sweep result = sweep();
        List<String> missing = new ArrayList<>();
        String admin = stack.token("admin");
        for (String service : LocalStack.SERVICES) {
            JsonPath denials = JsonPath.from(given().auth().oauth2(admin).queryParam("site", SITE_B).queryParam("size", 200)
                    .get(url(service, "/api/v1/audit/access-denials")).then().statusCode(200).extract().asString());
            List<Map<String, Object>> items = denials.getList("items");
            for (Map<String, Object> denial : items) {
                assertTrue(List.of(List.of(SITE_A), List.of(SITE_Z)).contains(denial.get("actorSites")),
                        "only the site users of A and Z attempted B's data: " + denial);
                assertEquals(Set.of("id", "at", "actor", "actorSites", "siteCode", "patientId", "method", "path"),
                        denial.keySet(), "ids, sites, endpoint and time only");
            }
            Set<String> recorded = new LinkedHashSet<>();
            items.stream().filter(d -> d.get("actorSites").equals(List.of(SITE_A)))
                    .forEach(d -> recorded.add(d.get("method") + " " + d.get("path")));
            for (Call call : result.calls()) {
                if (call.service().equals(service) && call.namesB() && refusedByScope(call)) {
                    String endpoint = call.method().toUpperCase() + " " + URI.create(call.url()).getPath();
                    if (!recorded.contains(endpoint)) {
                        missing.add(service + " " + endpoint + " (" + call.status() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "refusals without their access-denial record");
        String patientB = B_IDS.get("patients");
        for (String service : LocalStack.SERVICES) {
            given().auth().oauth2(admin).queryParam("patientId", patientB).get(url(service, "/api/v1/audit/access-denials"))
                    .then().statusCode(200).body("total", org.hamcrest.Matchers.greaterThan(0));
            given().auth().oauth2(intruder).get(url(service, "/api/v1/audit/access-denials")).then().statusCode(403);
        }
    }

    @Test
    void theSurvivalStreamCarriesNothingOfSiteB() throws Exception {
        String patientB = B_IDS.get("patients");
        ConcurrentLinkedQueue<String> seenByA = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> seenByB = new ConcurrentLinkedQueue<>();
        try (AutoCloseable a = listen(intruder, seenByA); AutoCloseable b = listen(stack.token("site-user", SITE_B), seenByB)) {
            Thread.sleep(1_000);
            post("patient-service", "/api/v1/patients/" + patientB + "/clinical-events", """
                    {"kind":"LAST_FOLLOW_UP","date":"2024-06-03"}""");
            // B's own user is told (so the stream works and this test could fail), A is not
            await().atMost(Duration.ofSeconds(30)).until(() -> seenByB.stream().anyMatch(l -> l.contains(patientB)));
            Thread.sleep(1_000);
        }
        assertTrue(seenByA.stream().noneMatch(l -> l.contains(patientB) || l.contains(UPN_B)), String.join("\n", seenByA));
    }

    // ------------------------------------------------------------------------------------------------------ sweep

    private static synchronized Sweep sweep() throws Exception {
        if (sweep != null) {
            return sweep;
        }
        Map<String, String> before = snapshotOfB();
        List<Call> calls = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        for (String service : LocalStack.SERVICES) {
            String document = given().queryParam("format", "json").get(url(service, "/q/openapi")).then().statusCode(200)
                    .extract().asString();
            Map<String, Map<String, Object>> paths = JsonPath.from(document).getMap("paths");
            for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
                for (Map.Entry<String, Object> operation : path.getValue().entrySet()) {
                    String method = operation.getKey();
                    if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                        continue;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> op = (Map<String, Object>) operation.getValue();
                    if (producesOnly(op, "text/event-stream")) {
                        continue; // the stream never ends: theSurvivalStreamCarriesNothingOfSiteB
                    }
                    if (CALLER_OWNED.contains(path.getKey())) {
                        continue; // not a site's data: only the user who made the job sees it (ImportJobTest, FhirExportTest)
                    }
                    String concrete = fill(service, path.getKey());
                    if (concrete == null) {
                        uncovered.add(service + " " + method.toUpperCase() + " " + path.getKey());
                        continue;
                    }
                    Call call = attempt(service, method, path.getKey(), concrete, op);
                    calls.add(call);
                    leaks.addAll(judge(call));
                }
            }
        }
        sweep = new Sweep(calls, leaks, uncovered, before, snapshotOfB());
        return sweep;
    }

    /** Import and bulk export jobs belong to the user who started them, whatever their sites. */
    private static final Set<String> CALLER_OWNED = Set.of("/api/v1/imports/{id}", "/api/v1/imports/{id}/resume",
            "/fhir/r4/bulk-status/{job}", "/fhir/r4/bulk-files/{job}/{type}.ndjson");

    /** Path parameters that name an operation or a kind of data rather than B's records. */
    private static String constant(String service, String parameter, String previousSegment) {
        return switch (parameter) {
            case "{domain}" -> Map.of("patient-service", "DM", "response-service", "RS", "pk-service", "PC").get(service);
            case "{type}.csv" -> "patients.csv";
            case "{operation}" -> previousSegment.equals("{id}") ? "$everything" : "$export";
            default -> null;
        };
    }

    /** The template with B's ids in place of its parameters, or null when a parameter has no known B value. */
    private static String fill(String service, String template) {
        String[] original = template.split("/");
        String[] segments = original.clone();
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                String constant = constant(service, segments[i], i > 0 ? original[i - 1] : "");
                if (constant != null) {
                    segments[i] = constant;
                    continue;
                }
                String value = i > 0 ? B_IDS.get(original[i - 1].equals("Patient") ? "patients" : original[i - 1]) : null;
                if (value == null) {
                    return null;
                }
                segments[i] = value;
            }
        }
        return String.join("/", segments);
    }

    private static Call attempt(String service, String method, String template, String concrete, Map<String, Object> op)
            throws Exception {
        StringBuilder query = new StringBuilder();
        for (Map<String, Object> parameter : list(op.get("parameters"))) {
            if (!"query".equals(parameter.get("in"))) {
                continue;
            }
            String value = switch (String.valueOf(parameter.get("name"))) {
                case "site" -> SITE_B;
                case "patientId" -> B_IDS.get("patients");
                case "upn" -> UPN_B;
                default -> null;
            };
            if (value != null) {
                query.append(query.length() == 0 ? "?" : "&").append(parameter.get("name")).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        String target = url(service, concrete + query);
        String body = WRITES.contains(method) && !method.equals("delete") ? exampleBody(op) : null;
        String ifMatch = null;
        if (method.equals("put") || method.equals("delete") || method.equals("patch")) {
            HttpResponse<String> current = send("get", target, investigator, null, null);
            ifMatch = current.headers().firstValue("ETag").orElse("\"0\"");
        }
        HttpResponse<String> answer = send(method, target, intruder, body, ifMatch);
        HttpResponse<String> control = send(method, target, stranger, body, ifMatch);
        boolean namesB = B_IDS.values().stream().anyMatch(id -> target.contains(id) || (body != null && body.contains(id)));
        boolean namesBData = B_IDS.entrySet().stream().anyMatch(id -> !id.getKey().equals("sites")
                && (target.contains(id.getValue()) || (body != null && body.contains(id.getValue()))));
        boolean same = normalized(answer, null).equals(normalized(control, null))
                || normalized(answer, SITE_A).equals(normalized(control, SITE_Z));
        String difference = same ? null
                : "A got " + answer.statusCode() + " " + abbreviate(answer.body()) + " but an empty site's user got "
                        + control.statusCode() + " " + abbreviate(control.body());
        return new Call(service, method, template, target, body, answer.statusCode(), namesB, namesBData,
                difference == null ? answer.body() : answer.body() + "\n<<DIFFERS>> " + difference);
    }

    /** What is wrong with one answer; empty when nothing is. */
    private static List<String> judge(Call call) {
        List<String> wrong = new ArrayList<>();
        String where = call.service() + " " + call.method().toUpperCase() + " " + call.template() + " -> " + call.status();
        if (call.status() >= 500) {
            wrong.add(where + ": server error " + abbreviate(call.body()));
        }
        if (call.namesB() && WRITES.contains(call.method()) && call.status() < 300) {
            wrong.add(where + ": a write on B's data was accepted");
        }
        if (call.namesBData() && List.of(409, 412, 422, 428).contains(call.status())) {
            wrong.add(where + ": the request went past the site check " + abbreviate(call.body()));
        }
        if (call.body().contains("<<DIFFERS>>")) {
            wrong.add(where + ": " + call.body().substring(call.body().indexOf("<<DIFFERS>>")));
        }
        for (String marker : markersNotIn(call.url() + " " + call.requestBody())) {
            if (call.body().contains(marker)) {
                wrong.add(where + ": B's " + marker + " in " + abbreviate(call.body()));
            }
        }
        return wrong;
    }

    /** B's UPN, clinical values and the ids the request did not name itself. */
    private static List<String> markersNotIn(String request) {
        List<String> markers = new ArrayList<>(CLINICAL_VALUES);
        markers.add(UPN_B);
        B_IDS.forEach((kind, id) -> {
            if (!kind.equals("sites") && !request.contains(id)) {
                markers.add(id);
            }
        });
        return markers;
    }

    /** A refusal decided by the site scope (404, or a 403 that is not about the caller's role alone). */
    private static boolean refusedByScope(Call call) {
        return call.status() == 404 || (call.status() == 403 && !call.body().contains("Your role may not do this"));
    }

    /** The answer with what legitimately differs between two callers taken out: times, and their own site if given. */
    private static String normalized(HttpResponse<String> response, String ownSite) {
        String body = ownSite == null ? response.body() : response.body().replace(ownSite, "<own-site>");
        return response.statusCode() + " " + body
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})?", "<time>")
                .replaceAll("Incident [0-9a-f-]{36}", "Incident <id>");
    }

    /** The JSON example of the operation's request body, aimed at B (its patientId and siteCode), or {} without one. */
    @SuppressWarnings("unchecked")
    private static String exampleBody(Map<String, Object> op) {
        Map<String, Object> requestBody = (Map<String, Object>) op.get("requestBody");
        if (requestBody == null) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
        Map<String, Object> json = content == null ? null : (Map<String, Object>) content.get("application/json");
        Object example = null;
        if (json != null && json.get("examples") instanceof Map<?, ?> examples && !examples.isEmpty()) {
            example = ((Map<String, Object>) examples.values().iterator().next()).get("value");
        } else if (json != null) {
            example = json.get("example");
        }
        String text = example == null ? "{}" : example instanceof String s ? s : JsonOutput.toJson(example);
        return text.replaceAll("\"patientId\"\\s*:\\s*\"[^\"]*\"", "\"patientId\":\"" + B_IDS.get("patients") + "\"")
                .replaceAll("\"siteCode\"\\s*:\\s*\"[^\"]*\"", "\"siteCode\":\"" + SITE_B + "\"");
    }

    /** B's data as an investigator sees it, resource by resource, with the audit trails' lengths. */
    private static Map<String, String> snapshotOfB() throws Exception {
        String patient = "/api/v1/patients/" + B_IDS.get("patients");
        Map<String, String> snapshot = new TreeMap<>();
        List<String[]> reads = new ArrayList<>();
        reads.add(new String[] { "patient-service", patient });
        reads.add(new String[] { "patient-service", patient + "/history" });
        for (String records : List.of("measurements", "treatment-courses", "comedications", "adverse-events", "clinical-events")) {
            reads.add(new String[] { "patient-service", patient + "/" + records });
        }
        reads.add(new String[] { "patient-service", "/api/v1/sites/" + SITE_B });
        reads.add(new String[] { "response-service", "/api/v1/assessments/" + B_IDS.get("assessments") });
        reads.add(new String[] { "response-service", patient + "/history" });
        reads.add(new String[] { "pk-service", "/api/v1/pk/samples/" + B_IDS.get("samples") });
        reads.add(new String[] { "pk-service", patient + "/history" });
        reads.add(new String[] { "pk-service", "/api/v1/pk/alerts?status=all&site=" + SITE_B });
        for (String[] read : reads) {
            HttpResponse<String> response = send("get", url(read[0], read[1]), investigator, null, null);
            assertEquals(200, response.statusCode(), read[0] + " " + read[1]);
            snapshot.put(read[0] + " " + read[1], response.headers().firstValue("ETag").orElse("") + " " + response.body());
        }
        return snapshot;
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static boolean producesOnly(Map<String, Object> op, String mediaType) {
        if (!(op.get("responses") instanceof Map<?, ?> responses)) {
            return false;
        }
        for (Object response : responses.values()) {
            if (response instanceof Map<?, ?> r && r.get("content") instanceof Map<?, ?> content && content.containsKey(mediaType)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static HttpResponse<String> send(String method, String target, String token, String body, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method.toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static AutoCloseable listen(String token, ConcurrentLinkedQueue<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("survival-service", "/api/v1/survival/stream")))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<InputStream>> response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.get(10, TimeUnit.SECONDS).body(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (Exception closed) {
                // the stream ends when the test closes it
            }
        }, "sse-" + lines.hashCode());
        reader.setDaemon(true);
        reader.start();
        return () -> {
            response.thenAccept(r -> {
                try {
                    r.body().close();
                } catch (IOException ignored) {
                    // already closed
                }
            });
            reader.interrupt();
        };
    }

    private static String post(String service, String path, String json) {
        return given().auth().oauth2(investigator).contentType(ContentType.JSON).body(json).post(url(service, path))
                .then().statusCode(201).extract().path("id");
    }

    private static String url(String service, String path) {
        return stack.serviceUrl(service) + path;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 240 ? flat : flat.substring(0, 240) + "...";
    }
}
