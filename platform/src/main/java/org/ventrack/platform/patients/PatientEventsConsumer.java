package org.ventrack.platform.patients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ventrack.platform.inbox.InboxProcessor;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code ventrack.patient.v1} into {@link PatientFacts}, {@link PatientTimeline} and the service's
 * {@link PatientEventListener}s.
 * Active in services that set {@code ventrack.patient-facts.enabled=true} and configure the
 * {@code patient-events} channel.
 */
@ApplicationScoped
@IfBuildProperty(name = "ventrack.patient-facts.enabled", stringValue = "true")
public class PatientEventsConsumer {

    @Inject
    InboxProcessor inbox;
    @Inject
    PatientFacts facts;
    @Inject
    PatientTimeline timeline;
    @Inject
    Instance<PatientEventListener> listeners;

    @Incoming("patient-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.process(records, event -> {
            facts.apply(event);
            timeline.apply(event);
            listeners.forEach(listener -> listener.apply(event));
        });
    }
}
