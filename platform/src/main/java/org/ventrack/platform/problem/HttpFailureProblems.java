package org.ventrack.platform.problem;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused by the HTTP layer before the REST layer sees it;
 * when its Content-Length announces it, it is refused here first, with an RFC 9457 body. (A chunked body without a
 * length is still cut off at the limit, with a bare 413.)
 * <p>
 * A service that takes large uploads on a few paths (patient-service's imports and FHIR Bundles) raises the HTTP
 * limit and names those paths in {@code ventrack.http.upload-paths}; every other path keeps
 * {@code ventrack.http.max-request-body-size}, so an ordinary JSON request cannot grow with the upload limit.
 */
@ApplicationScoped
public class HttpFailureProblems {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    /** The body limit of every path but the upload paths (never above quarkus.http.limits.max-body-size). */
    @ConfigProperty(name = "ventrack.http.max-request-body-size", defaultValue = "256K")
    MemorySize maxRequestBodySize;

    /** Path prefixes that take uploads up to quarkus.http.limits.max-body-size. */
    @ConfigProperty(name = "ventrack.http.upload-paths")
    Optional<List<String>> uploadPaths;

    void install(@Observes Router router) {
        long uploadLimit = maxBodySize.asLongValue();
        long requestLimit = Math.min(uploadLimit, maxRequestBodySize.asLongValue());
        List<String> uploads = uploadPaths.orElse(List.of());
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.normalizedPath();
            long limit = uploads.stream().anyMatch(path::startsWith) ? uploadLimit : requestLimit;
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > limit) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                RouteProblems.end(context, 413, "payload-too-large", "Payload too large",
                        "The request body is larger than the " + limit + " bytes this service accepts.");
            } else {
                context.next();
            }
        });
    }
}
