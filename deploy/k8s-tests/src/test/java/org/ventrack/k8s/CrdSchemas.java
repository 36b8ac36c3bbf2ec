package org.ventrack.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The OpenAPI v3 schemas of vendored CustomResourceDefinitions (src/test/resources/crds, see its README), turned into
 * JSON Schema (draft 4) with the API server's rules made explicit, and checked with networknt's validator:
 * <ul>
 * <li>an object schema with properties admits no other field, unless {@code x-kubernetes-preserve-unknown-fields}
 * (the API server prunes or, with strict validation, rejects unknown fields);</li>
 * <li>{@code x-kubernetes-int-or-string} admits an integer or a string; {@code nullable} admits null;</li>
 * <li>Kubernetes' own {@code format}s and the CEL rules are left out.</li>
 * </ul>
 */
final class CrdSchemas {

    private static final List<String> VENDORED = List.of(
            "crds/postgresql.cnpg.io_clusters.yaml",
            "crds/external-secrets.io_externalsecrets.yaml");

    private static final tools.jackson.databind.ObjectMapper JACKSON3 = new tools.jackson.databind.json.JsonMapper();

    private final Map<String, Schema> schemas;

    private CrdSchemas(Map<String, Schema> schemas) {
        this.schemas = schemas;
    }

    static CrdSchemas vendored() {
        YAMLMapper yaml = new YAMLMapper();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        Map<String, Schema> schemas = new HashMap<>();
        for (String file : VENDORED) {
            try (InputStream in = CrdSchemas.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + file);
                }
                JsonNode crd = yaml.readTree(in);
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (version.path("served").asBoolean()) {
                        JsonNode openApi = version.path("schema").path("openAPIV3Schema").deepCopy();
                        String jsonSchema = toJsonSchema((ObjectNode) openApi).toString();
                        schemas.put(key(group + "/" + version.path("name").asText(), kind),
                                registry.getSchema(JACKSON3.readTree(jsonSchema)));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }
        return new CrdSchemas(schemas);
    }

    boolean knows(Resource resource) {
        return schemas.containsKey(key(resource.apiVersion(), resource.kind()));
    }

    List<String> problems(Resource resource) {
        Schema schema = schemas.get(key(resource.apiVersion(), resource.kind()));
        List<String> problems = new ArrayList<>();
        schema.validate(JACKSON3.readTree(resource.body().toString()))
                .forEach(error -> problems.add(
                        resource.id() + ": " + error.getInstanceLocation() + ": " + error.getMessage()));
        return problems;
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + "/" + kind;
    }

    /** Rewrites one (sub)schema in place, then its children. */
    static ObjectNode toJsonSchema(ObjectNode schema) {
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            ArrayNode types = schema.putArray("type");
            types.add("integer").add("string");
        }
        if (schema.path("nullable").asBoolean(false) && schema.path("type").isTextual()) {
            String type = schema.path("type").asText();
            schema.putArray("type").add(type).add("null");
        }
        if (schema.has("properties") && !schema.has("additionalProperties") && !preserveUnknown) {
            schema.put("additionalProperties", false);
        }
        schema.remove("format");
        schema.remove("nullable");
        for (Iterator<String> names = schema.fieldNames(); names.hasNext();) {
            if (names.next().startsWith("x-kubernetes-")) {
                names.remove();
            }
        }
        if (schema.get("properties") instanceof ObjectNode properties) {
            properties.properties().forEach(p -> rewrite(p.getValue()));
        }
        rewrite(schema.get("items"));
        rewrite(schema.get("additionalProperties"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.get(combinator) instanceof ArrayNode alternatives) {
                alternatives.forEach(CrdSchemas::rewrite);
            }
        }
        rewrite(schema.get("not"));
        return schema;
    }

    private static void rewrite(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            toJsonSchema(object);
        }
    }

}
