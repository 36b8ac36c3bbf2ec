package org.ventrack.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused by the HTTP layer before the REST layer sees it;
 * when its Content-Length announces it, it is refused here first, with an RFC 9457 body. (A chunked body without a
 * length is still cut off at the limit, with a bare 413.)
 */
@ApplicationScoped
public class HttpFailureProblems {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > limit) {
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(new JsonObject()
                                .put("type", Problem.TYPE_BASE + "payload-too-large")
                                .put("title", "Payload too large")
                                .put("status", 413)
                                .put("detail", "The request body is larger than the " + limit + " bytes this service accepts.")
                                .put("instance", context.normalizedPath())
                                .encode());
            } else {
                context.next();
            }
        });
    }
}
