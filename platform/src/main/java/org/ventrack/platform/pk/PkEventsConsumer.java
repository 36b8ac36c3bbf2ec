package org.ventrack.platform.pk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ventrack.platform.inbox.InboxProcessor;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code ventrack.pk.v1} into the service's {@link PkEventListener}s, exactly once through the
 * inbox. Active in services that set {@code ventrack.pk-events.enabled=true}.
 */
@ApplicationScoped
@IfBuildProperty(name = "ventrack.pk-events.enabled", stringValue = "true")
public class PkEventsConsumer {

    @Inject
    InboxProcessor inbox;
    @Inject
    Instance<PkEventListener> listeners;

    @Incoming("pk-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.process(records, event -> listeners.forEach(listener -> listener.apply(event)));
    }
}
