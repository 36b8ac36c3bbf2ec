package org.ventrack.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The services' Kafka use and body limits as read from their configuration and code: the facts the ACL and Ingress
 * policies are checked against, so a misreading here would let a wrong ACL pass.
 */
class ServiceConfigTest {

    private final Map<String, ServiceConfig> services = ServiceConfig.all().stream()
            .collect(Collectors.toMap(ServiceConfig::name, Function.identity()));

    @Test
    void readsTheFourServices() {
        assertEquals(Set.of("patient-service", "response-service", "pk-service", "survival-service"),
                services.keySet());
    }

    @Test
    void patientServicePublishesItsOwnAndReadsBestResponsesForTableOne() {
        ServiceConfig patient = services.get("patient-service");

        assertEquals(Set.of("ventrack.patient.v1"), patient.writes());
        assertEquals(Set.of("ventrack.response.v1"), patient.reads());
        assertEquals(Set.of("patient-service"), patient.groups());
        assertEquals(Set.of("ventrack.response.v1.dlq"), patient.deadLetters());
    }

    @Test
    void consumersReadWithTheirOwnGroupAndWriteTheDeadLettersOfWhatTheyRead() {
        ServiceConfig pk = services.get("pk-service");
        ServiceConfig survival = services.get("survival-service");

        assertEquals(Set.of("ventrack.pk.v1"), pk.writes());
        assertEquals(Set.of("ventrack.patient.v1"), pk.reads());
        assertEquals(Set.of("pk-service"), pk.groups());
        assertEquals(Set.of("ventrack.patient.v1.dlq"), pk.deadLetters());
        assertEquals(Set.of(), survival.writes());
        assertEquals(Set.of("ventrack.patient.v1", "ventrack.response.v1", "ventrack.pk.v1"), survival.reads());
        assertEquals(Set.of("survival-service"), survival.groups());
        assertEquals(Set.of("ventrack.patient.v1.dlq", "ventrack.response.v1.dlq", "ventrack.pk.v1.dlq"), survival.deadLetters());
    }

    @Test
    void bodyLimitsComeFromThePlatformDefaultOrTheService() {
        assertEquals(256L * 1024, services.get("response-service").maxBodyBytes());
        assertEquals(300L * 1024 * 1024, services.get("patient-service").maxBodyBytes());
        assertEquals(200L * 1024 * 1024, services.get("survival-service").maxBodyBytes());
        assertEquals(List.of(262144L, 209715200L), List.of(MemorySize.bytes("256k"), MemorySize.bytes("200m")));
    }
}
