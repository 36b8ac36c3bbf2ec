package org.ventrack.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Posts a demo data set (see {@code demo/cousson-2025/README.md}) through the services' public REST APIs, never into
 * a database, as a site would: the site (as admin), then each patient and, in date order, its records, each to the
 * service that owns it (patient-service, response-service for marrow assessments, pk-service for venetoclax samples).
 *
 * <p>Idempotent: a patient is found by its UPN, a record by its natural key (a course by its start date, an
 * assessment by its date, a sample by its draw time...), and only what is missing is posted, so a second run changes
 * nothing. Before posting to response- or pk-service, the loader waits until that service has applied at least as
 * many of the patient's events as patient-service records exist so far, so the record is judged against the patient's
 * timeline as the site knows it, not against a copy the broker has not brought up to date yet.
 */
public final class DemoLoader {

    /** What a run did: records posted and records found already present. */
    public record Result(int posted, int alreadyPresent) {
    }

    private record Section(String name, String service, Function<String, String> path, String dateField,
            List<String> key) {
    }

    private record Action(Section section, JsonNode body, LocalDate date, int order) {
    }

    /** In the order a site records them when they share a date; patient-service's sections first. */
    private static final List<Section> SECTIONS = List.of(
            new Section("measurements", "patient-service", id -> "/api/v1/patients/" + id + "/measurements",
                    "measuredOn", List.of("measuredOn")),
            new Section("comedications", "patient-service", id -> "/api/v1/patients/" + id + "/comedications",
                    "startDate", List.of("drug", "startDate")),
            new Section("treatmentCourses", "patient-service", id -> "/api/v1/patients/" + id + "/treatment-courses",
                    "startDate", List.of("startDate")),
            new Section("assessments", "response-service", id -> "/api/v1/patients/" + id + "/assessments?size=200",
                    "assessmentDate", List.of("assessmentDate")),
            new Section("pkSamples", "pk-service", id -> "/api/v1/patients/" + id + "/pk-samples?size=200",
                    "sampledAt", List.of("sampledAt")),
            new Section("adverseEvents", "patient-service", id -> "/api/v1/patients/" + id + "/adverse-events",
                    "onsetDate", List.of("term", "onsetDate", "grade")),
            new Section("clinicalEvents", "patient-service", id -> "/api/v1/patients/" + id + "/clinical-events",
                    "date", List.of("kind", "date")));

    private static final Map<String, String> POST_PATHS = Map.of(
            "assessments", "/api/v1/assessments",
            "pkSamples", "/api/v1/pk/samples");

    private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(120);

    private final Function<String, String> serviceUrl;
    private final Function<List<String>, String> tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private int posted;
    private int present;

    /**
     * @param serviceUrl base URL of a service by name, e.g. {@code http://127.0.0.1:8081} for patient-service
     * @param tokens     a signed token for a role and sites: {@code [role, site...]}
     */
    public DemoLoader(Function<String, String> serviceUrl, Function<List<String>, String> tokens) {
        this.serviceUrl = serviceUrl;
        this.tokens = tokens;
    }

    /** Loads the data set in {@code directory}: {@code site.json} and one {@code <UPN>.json} per patient. */
    public Result load(Path directory) throws IOException, InterruptedException {
        posted = 0;
        present = 0;
        JsonNode site = json.readTree(directory.resolve("site.json").toFile());
        String siteCode = site.path("code").asText();
        ensureSite(site, siteCode);
        String siteUser = tokens.apply(List.of("site-user", siteCode));
        Map<String, String> registered = registeredPatients(siteCode, siteUser);
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().matches("UPN.*\\.json")).sorted().toList();
        }
        for (Path file : files) {
            loadPatient(json.readTree(file.toFile()), registered, siteUser);
        }
        return new Result(posted, present);
    }

    private void ensureSite(JsonNode site, String code) throws IOException, InterruptedException {
        String admin = tokens.apply(List.of("admin"));
        HttpResponse<String> existing = send(get("patient-service", "/api/v1/sites/" + encode(code), admin));
        if (existing.statusCode() == 200) {
            present++;
            return;
        }
        expect(send(post("patient-service", "/api/v1/sites", admin, site)), 201, "site " + code);
        posted++;
    }

    /** UPN to patient id of the site's registered patients. */
    private Map<String, String> registeredPatients(String site, String token) throws IOException, InterruptedException {
        Map<String, String> byUpn = new HashMap<>();
        for (int page = 0;; page++) {
            JsonNode body = json.readTree(expect(send(get("patient-service",
                    "/api/v1/patients?size=200&site=" + encode(site) + "&page=" + page, token)), 200, "patients").body());
            body.path("items").forEach(p -> byUpn.put(p.path("upn").asText(), p.path("id").asText()));
            if ((long) (page + 1) * 200 >= body.path("total").asLong()) {
                return byUpn;
            }
        }
    }

    private void loadPatient(JsonNode data, Map<String, String> registered, String token)
            throws IOException, InterruptedException {
        String upn = data.path("patient").path("upn").asText();
        String id = registered.get(upn);
        if (id == null) {
            HttpResponse<String> created = expect(send(post("patient-service", "/api/v1/patients", token,
                    data.path("patient"))), 201, "patient " + upn);
            id = json.readTree(created.body()).path("id").asText();
            posted++;
        } else {
            present++;
        }
        int patientServiceRecords = 1;
        Map<String, JsonNode> existing = new HashMap<>();
        for (Action action : actions(data)) {
            Section section = action.section();
            boolean patientService = section.service().equals("patient-service");
            if (!patientService) {
                awaitEventsApplied(section.service(), id, patientServiceRecords, token);
            }
            JsonNode stored = existing.get(section.name());
            if (stored == null) {
                stored = items(json.readTree(expect(send(get(section.service(), section.path().apply(id), token)), 200,
                        section.name() + " of " + upn).body()));
                existing.put(section.name(), stored);
            }
            if (contains(stored, action.body(), section.key())) {
                present++;
            } else {
                ObjectNode body = action.body().deepCopy();
                String path;
                if (patientService) {
                    path = section.path().apply(id);
                } else {
                    body.put("patientId", id);
                    path = POST_PATHS.get(section.name());
                }
                expect(send(post(section.service(), path, token, body)), 201,
                        section.name() + " " + action.date() + " of " + upn);
                posted++;
            }
            if (patientService) {
                patientServiceRecords++;
            }
        }
    }

    private List<Action> actions(JsonNode data) {
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < SECTIONS.size(); i++) {
            Section section = SECTIONS.get(i);
            for (JsonNode body : data.path(section.name())) {
                String date = body.path(section.dateField()).asText();
                actions.add(new Action(section, body, LocalDate.parse(date.substring(0, 10)), i));
            }
        }
        actions.sort(Comparator.comparing(Action::date).thenComparing(Action::order));
        return actions;
    }

    private void awaitEventsApplied(String service, String patientId, int events, String token)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PROPAGATION_TIMEOUT.toNanos();
        while (true) {
            HttpResponse<String> facts = send(get(service, "/api/v1/patients/" + patientId + "/facts", token));
            if (facts.statusCode() == 200 && json.readTree(facts.body()).path("eventsApplied").asInt() >= events) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(service + " has not applied " + events + " events of patient " + patientId
                        + " within " + PROPAGATION_TIMEOUT.toSeconds() + " s (last answer " + facts.statusCode()
                        + "): is the broker up?");
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode items(JsonNode listOrPage) {
        return listOrPage.isArray() ? listOrPage : listOrPage.path("items");
    }

    private static boolean contains(JsonNode stored, JsonNode wanted, List<String> key) {
        for (JsonNode item : stored) {
            if (key.stream().allMatch(field -> sameValue(item.path(field), wanted.path(field)))) {
                return true;
            }
        }
        return false;
    }

    /** Equal as a date-time, a number or text: the services answer {@code 08:00:00} for a posted {@code 08:00}. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        String x = a.asText();
        String y = b.asText();
        if (x.equals(y)) {
            return true;
        }
        try {
            return LocalDateTime.parse(x).equals(LocalDateTime.parse(y));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private HttpRequest get(String service, String path, String token) {
        return HttpRequest.newBuilder(URI.create(serviceUrl.apply(service) + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
    }

    private HttpRequest post(String service, String path, String token, JsonNode body) throws IOException {
        return HttpRequest.newBuilder(URI.create(serviceUrl.apply(service) + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status, String what)
            throws IOException {
        if (response.statusCode() != status) {
            throw new IOException("demo data: " + what + ": " + response.request().method() + " "
                    + response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
