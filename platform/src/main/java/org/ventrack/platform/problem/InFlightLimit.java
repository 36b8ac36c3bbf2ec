package org.ventrack.platform.problem;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Sheds load instead of collapsing under it: while {@code ventrack.http.max-in-flight} API requests are being served,
 * another one is answered at once with a 503 problem and {@code Retry-After: 1}, before any work is done for it.
 * Without a bound, requests beyond what the service can serve queue up, time out at the client, and are still worked
 * on: under sustained overload the service then spends itself on answers nobody waits for (measured by the events
 * benchmark at 1,000 writes/s). Health, metrics and OpenAPI ({@code /q/}) and server-sent event streams are not
 * counted: probes must get through, and a stream is held open on purpose.
 */
@ApplicationScoped
public class InFlightLimit {

    @ConfigProperty(name = "ventrack.http.max-in-flight", defaultValue = "128")
    int maxInFlight;

    private final AtomicInteger inFlight = new AtomicInteger();

    void install(@Observes Router router, MeterRegistry registry) {
        Gauge.builder("ventrack.http.in-flight", inFlight, AtomicInteger::get)
                .description("API requests being served").register(registry);
        Counter shed = Counter.builder("ventrack.http.shed")
                .description("API requests answered 503 because ventrack.http.max-in-flight were being served").register(registry);
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String accept = context.request().getHeader(HttpHeaders.ACCEPT);
            if (context.normalizedPath().startsWith("/q/") || (accept != null && accept.contains("text/event-stream"))) {
                context.next();
                return;
            }
            if (inFlight.incrementAndGet() > maxInFlight) {
                inFlight.decrementAndGet();
                shed.increment();
                context.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
                RouteProblems.end(context, 503, "overloaded", "Service overloaded",
                        "The service is serving as many requests as it can; nothing was changed. Retry after 1 s.");
                return;
            }
            context.addEndHandler(ended -> inFlight.decrementAndGet());
            context.next();
        });
    }
}
