package org.ventrack.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One rendered Kubernetes object, as the YAML tree kubectl printed. */
public record Resource(ObjectNode body) {

    public String apiVersion() {
        return body.path("apiVersion").asText();
    }

    public String kind() {
        return body.path("kind").asText();
    }

    public String name() {
        return body.path("metadata").path("name").asText();
    }

    /** The API group, "" for the core group ("v1"). */
    public String group() {
        String apiVersion = apiVersion();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public String version() {
        String apiVersion = apiVersion();
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    public JsonNode spec() {
        return body.path("spec");
    }

    public String label(String key) {
        return body.path("metadata").path("labels").path(key).asText(null);
    }

    /** "Kind/name", how problems name an object. */
    public String id() {
        return kind() + "/" + name();
    }
}
