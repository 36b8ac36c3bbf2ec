package org.ventrack.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.outbox.KafkaSecuritySettings;

import io.smallrye.common.annotation.Identifier;

/**
 * Parks a consumed record that can never be applied on its topic's dead-letter topic ({@link Topics#deadLetter}),
 * unchanged, with the headers SmallRye's dead-letter strategy writes ({@code dead-letter-reason}, {@code -cause},
 * {@code -exception-class-name}, {@code -topic}, {@code -partition}, {@code -offset}). The consumers take records in
 * batches, where the connector's own strategy would park a whole batch for one bad record.
 */
@ApplicationScoped
public class DeadLetters {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private KafkaProducer<String, String> producer;

    /** Returns once the broker has acknowledged the parked record; throws if it has not within 30 s. */
    public synchronized void park(ConsumerRecord<String, String> record, Throwable reason) {
        ProducerRecord<String, String> parked = new ProducerRecord<>(Topics.deadLetter(record.topic()), record.key(), record.value());
        record.headers().forEach(parked.headers()::add);
        header(parked, "dead-letter-reason", reason.getMessage());
        if (reason.getCause() != null) {
            header(parked, "dead-letter-cause", reason.getCause().getMessage());
        }
        header(parked, "dead-letter-exception-class-name", reason.getClass().getName());
        header(parked, "dead-letter-topic", record.topic());
        header(parked, "dead-letter-partition", Integer.toString(record.partition()));
        header(parked, "dead-letter-offset", Long.toString(record.offset()));
        try {
            producer().send(parked).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking a record of " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not park a record of " + record.topic() + " on its dead-letter topic", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.putAll(KafkaSecuritySettings.of(kafkaConfig));
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-dead-letters");
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
