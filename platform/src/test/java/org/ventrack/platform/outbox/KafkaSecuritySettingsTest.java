package org.ventrack.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaSecuritySettingsTest {

    @Test
    void takesTheProtocolAndTheSaslAndSslSettingsOnly() {
        Map<String, Object> kafkaConfig = Map.of(
                "bootstrap.servers", "ventrack-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PEM",
                "auto.offset.reset", "earliest");

        assertEquals(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PEM"), KafkaSecuritySettings.of(kafkaConfig));
    }

    @Test
    void aPlaintextBrokerNeedsNone() {
        assertEquals(Map.of(), KafkaSecuritySettings.of(Map.of("bootstrap.servers", "127.0.0.1:9092")));
    }
}
