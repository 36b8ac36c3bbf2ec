package org.ventrack.platform.outbox;

import java.util.Map;
import java.util.TreeMap;

/**
 * The settings that encrypt and authenticate a Kafka connection ({@code security.protocol}, {@code sasl.*},
 * {@code ssl.*}), picked from the shared {@code kafka.*} client configuration (environment variables such as
 * KAFKA_SECURITY_PROTOCOL or KAFKA_SASL_JAAS_CONFIG), so that the outbox relay's own producer connects the way the
 * messaging connector's clients do.
 */
public final class KafkaSecuritySettings {

    private KafkaSecuritySettings() {
    }

    public static Map<String, Object> of(Map<String, Object> kafkaConfig) {
        Map<String, Object> security = new TreeMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                security.put(key, value);
            }
        });
        return security;
    }
}
