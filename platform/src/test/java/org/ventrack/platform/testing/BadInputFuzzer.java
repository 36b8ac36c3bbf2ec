package org.ventrack.platform.testing;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;

/**
 * Schema-driven bad input: from a service's own OpenAPI document, each request body schema gives mutations that are
 * invalid by the schema (a required field removed or null, a number past its minimum or maximum, a value of the wrong
 * type, an unknown enum constant, an impossible date, a string too long or blank, too many items), applied one to
 * three at a time to a valid body, plus bodies that are not JSON at all. Each is posted; the answer must be a 4xx
 * {@code application/problem+json}, and nothing may be written: the outbox and the audit trail keep their high-water
 * marks (a rolled-back insert still moves a sequence, but leaves no row).
 */
public final class BadInputFuzzer {

    /** What a run saw. */
    public record Report(int requests, Map<Integer, Integer> statuses, List<String> failures) {
    }

    private record Mutation(String field, Consumer<ObjectNode> apply) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> NOT_JSON = List.of("{", "not json", "[]", "null", "42", "\"text\"", "{\"a\":",
            "");

    private final JsonNode openApi;
    private final Random random;

    public BadInputFuzzer(String openApiJson, long seed) {
        try {
            this.openApi = JSON.readTree(openApiJson);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not an OpenAPI document", e);
        }
        this.random = new Random(seed);
    }

    /** Fetches the service's OpenAPI document from the running service under test. */
    public static BadInputFuzzer ofRunningService(long seed) {
        return new BadInputFuzzer(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString(), seed);
    }

    /**
     * Posts {@code count} invalid bodies to {@code path}, made from {@code validBody} and the schema of the request
     * body of {@code POST schemaPath} (the templated path of the OpenAPI document).
     */
    public Report post(String schemaPath, String path, ObjectNode validBody, String token, int count) {
        List<Mutation> mutations = mutations(requestSchema(schemaPath));
        if (mutations.isEmpty()) {
            throw new IllegalStateException("no schema constraints found for POST " + schemaPath);
        }
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body;
            if (random.nextInt(20) == 0) {
                body = NOT_JSON.get(random.nextInt(NOT_JSON.size()));
            } else {
                ObjectNode mutated = validBody.deepCopy();
                List<Mutation> chosen = new ArrayList<>();
                int wanted = 1 + random.nextInt(3);
                while (chosen.size() < wanted) {
                    Mutation m = mutations.get(random.nextInt(mutations.size()));
                    if (chosen.stream().noneMatch(c -> c.field().equals(m.field()))) {
                        chosen.add(m);
                    }
                    if (chosen.size() >= distinctFields(mutations)) {
                        break;
                    }
                }
                chosen.forEach(m -> m.apply().accept(mutated));
                body = mutated.toString();
            }
            Response response = given().auth().oauth2(token).contentType("application/json").body(body).post(path);
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String type = response.contentType();
            if (status < 400 || status >= 500 || type == null || !type.startsWith("application/problem+json")) {
                failures.add(status + " " + type + " for " + body + ": " + response.asString());
            }
        }
        return new Report(count, statuses, failures);
    }

    private static long distinctFields(List<Mutation> mutations) {
        return mutations.stream().map(Mutation::field).distinct().count();
    }

    private JsonNode requestSchema(String path) {
        JsonNode schema = openApi.path("paths").path(path).path("post").path("requestBody").path("content")
                .path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("no JSON request body for POST " + path + " in the OpenAPI document");
        }
        return resolve(schema);
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String name = current.get("$ref").asText().replace("#/components/schemas/", "");
            current = openApi.path("components").path("schemas").path(name);
        }
        return current;
    }

    /** Every mutation the schema makes certainly invalid. */
    private List<Mutation> mutations(JsonNode schema) {
        List<Mutation> mutations = new ArrayList<>();
        for (JsonNode required : schema.path("required")) {
            String field = required.asText();
            mutations.add(new Mutation(field, body -> body.remove(field)));
            mutations.add(new Mutation(field, body -> body.putNull(field)));
        }
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String field = property.getKey();
            JsonNode s = resolve(property.getValue());
            List<JsonNode> invalid = invalidValues(s);
            for (JsonNode value : invalid) {
                mutations.add(new Mutation(field, body -> body.set(field, value)));
            }
        }
        return mutations;
    }

    private static List<JsonNode> invalidValues(JsonNode s) {
        List<JsonNode> values = new ArrayList<>();
        String type = s.path("type").asText();
        String format = s.path("format").asText();
        if (s.has("enum")) {
            values.add(NODES.textNode("NOT_A_" + s.get("enum").get(0).asText()));
            values.add(NODES.objectNode());
            return values;
        }
        switch (type) {
            case "integer", "number" -> {
                if (s.has("minimum")) {
                    values.add(NODES.numberNode(s.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE)));
                }
                if (s.path("exclusiveMinimum").isNumber()) {
                    values.add(NODES.numberNode(s.get("exclusiveMinimum").decimalValue()));
                }
                if (s.has("maximum")) {
                    values.add(NODES.numberNode(s.get("maximum").decimalValue().add(java.math.BigDecimal.ONE)));
                }
                if (s.path("exclusiveMaximum").isNumber()) {
                    values.add(NODES.numberNode(s.get("exclusiveMaximum").decimalValue()));
                }
                values.add(NODES.textNode("abc"));
                values.add(NODES.objectNode());
            }
            case "boolean" -> {
                values.add(NODES.textNode("maybe"));
                values.add(NODES.objectNode());
            }
            case "array" -> {
                values.add(NODES.objectNode());
                values.add(NODES.textNode("not a list"));
                if (s.has("maxItems")) {
                    var tooMany = NODES.arrayNode();
                    for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
                        tooMany.add("x" + i);
                    }
                    values.add(tooMany);
                }
            }
            case "string" -> {
                switch (format) {
                    case "date" -> values.addAll(List.of(NODES.textNode("2024-02-30"), NODES.textNode("yesterday")));
                    case "date-time" -> values.addAll(List.of(NODES.textNode("2024-13-01T08:00"), NODES.textNode("soon")));
                    case "uuid" -> values.add(NODES.textNode("not-a-uuid"));
                    default -> {
                        if (s.has("maxLength")) {
                            values.add(NODES.textNode("x".repeat(s.get("maxLength").asInt() + 1)));
                        }
                        if (s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher("   ").find()) {
                            values.add(NODES.textNode("   "));
                        }
                    }
                }
                values.add(NODES.objectNode());
                values.add(NODES.arrayNode());
            }
            default -> {
                // an object (nested record): a value of the wrong kind
                if (s.has("properties")) {
                    values.add(NODES.textNode("not an object"));
                    values.add(NODES.arrayNode());
                }
            }
        }
        return values;
    }

    /** The outbox's and the audit trail's high-water marks: equal before and after means nothing was written. */
    public static String highWaterMarks(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT (SELECT coalesce(max(seq), 0) FROM outbox_event), "
                        + "(SELECT count(*) FROM audit_entry)")) {
            r.next();
            return "outbox seq " + r.getLong(1) + ", audit entries " + r.getLong(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
