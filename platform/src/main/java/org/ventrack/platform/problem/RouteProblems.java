package org.ventrack.platform.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Problem answers given at the HTTP layer, before a request reaches the REST layer and its exception mappers. */
final class RouteProblems {

    private RouteProblems() {
    }

    /** Ends the response with an RFC 9457 body; headers set on the response before stay. */
    static void end(RoutingContext context, int status, String slug, String title, String detail) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(new JsonObject()
                        .put("type", Problem.TYPE_BASE + slug)
                        .put("title", title)
                        .put("status", status)
                        .put("detail", detail)
                        .put("instance", context.normalizedPath())
                        .encode());
    }
}
