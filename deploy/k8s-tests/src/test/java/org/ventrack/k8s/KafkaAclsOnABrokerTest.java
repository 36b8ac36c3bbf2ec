package org.ventrack.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rendered KafkaUsers' ACLs on a real broker with Kafka's authorizer: each service, logged in as its user, can
 * do what it does the way its clients do it (the outbox relay's idempotent acks=all producer to its topic, its
 * consumer group reading what it consumes and committing, the dead-letter producer), and cannot write another
 * service's topic or read under another group. Complements {@link Policies}, which compares the ACLs with the
 * services' configuration but cannot tell whether Kafka needs more (e.g. a cluster ACL for idempotent writes).
 */
class KafkaAclsOnABrokerTest {

    @TempDir
    Path dir;

    @Test
    void eachServiceMayDoWhatItDoesAndNoMore() throws Exception {
        List<Resource> rendered = Kubectl.render(Overlays.overlay(Repository.k8s(), "staging"));
        List<ServiceConfig> services = ServiceConfig.all();
        Map<String, String> passwords = new HashMap<>();
        rendered.stream().filter(r -> r.kind().equals("KafkaUser"))
                .forEach(user -> passwords.put(user.name(), UUID.randomUUID().toString()));

        try (SecuredKafka kafka = SecuredKafka.start(dir, passwords)) {
            Set<String> topics = declare(kafka, rendered);
            List<String> failures = new ArrayList<>();
            for (ServiceConfig service : services) {
                String user = Policies.kafkaUserOf(rendered, service.name());
                Properties login = kafka.client(user, passwords.get(user));
                for (String topic : union(service.writes(), service.deadLetters())) {
                    expect(failures, service.name() + " writes " + topic, null, () -> write(login, topic));
                }
                for (String topic : service.reads()) {
                    String group = service.groups().iterator().next();
                    expect(failures, service.name() + " reads " + topic, null, () -> read(login, topic, group));
                    expect(failures, service.name() + " reads " + topic + " as group intruder",
                            GroupAuthorizationException.class, () -> read(login, topic, "intruder"));
                }
                for (String topic : topics) {
                    if (!union(service.writes(), service.deadLetters()).contains(topic)) {
                        expect(failures, service.name() + " writes " + topic, TopicAuthorizationException.class,
                                () -> write(login, topic));
                    }
                }
            }
            assertEquals(List.of(), failures);
        }
    }

    /** Creates the rendered KafkaTopics (one replica) and the KafkaUsers' ACLs, as the operators would. */
    private static Set<String> declare(SecuredKafka kafka, List<Resource> rendered) throws Exception {
        Set<String> topics = new TreeSet<>();
        List<NewTopic> newTopics = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (Resource resource : rendered) {
            if (resource.kind().equals("KafkaTopic")) {
                String name = resource.spec().path("topicName").asText(resource.name());
                topics.add(name);
                newTopics.add(new NewTopic(name, resource.spec().path("partitions").asInt(), (short) 1));
            }
            if (resource.kind().equals("KafkaUser")) {
                for (JsonNode acl : resource.spec().path("authorization").path("acls")) {
                    JsonNode target = acl.path("resource");
                    ResourcePattern pattern = new ResourcePattern(
                            ResourceType.fromString(target.path("type").asText().toUpperCase(Locale.ROOT)),
                            target.path("name").asText(),
                            PatternType.fromString(
                                    target.path("patternType").asText("literal").toUpperCase(Locale.ROOT)));
                    for (JsonNode operation : acl.path("operations")) {
                        acls.add(new AclBinding(pattern, new AccessControlEntry("User:" + resource.name(),
                                acl.path("host").asText("*"), AclOperation.fromString(operation.asText()),
                                AclPermissionType.ALLOW)));
                    }
                }
            }
        }
        try (Admin admin = Admin.create(kafka.admin())) {
            admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        }
        assertTrue(topics.size() >= 6 && acls.size() >= 20, "topics " + topics + ", " + acls.size() + " ACLs");
        // an event on every topic, for the consumers to read
        try (KafkaProducer<String, String> producer = producer(kafka.admin())) {
            for (String topic : topics) {
                producer.send(new ProducerRecord<>(topic, "patient-1", "{}")).get(30, TimeUnit.SECONDS);
            }
        }
        return topics;
    }

    /** As the outbox relay and the dead-letter producer do: idempotent, acks=all. */
    private static void write(Properties login, String topic) throws Exception {
        try (KafkaProducer<String, String> producer = producer(login)) {
            producer.send(new ProducerRecord<>(topic, "patient-1", "{}")).get(30, TimeUnit.SECONDS);
        }
    }

    /** As the messaging consumer does: subscribe with the group, fetch, commit. */
    private static void read(Properties login, String topic, String group) {
        Properties p = new Properties();
        p.putAll(login);
        p.put("group.id", group);
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    consumer.commitSync();
                    return;
                }
            }
            throw new IllegalStateException("nothing read from " + topic + " in 30 s");
        }
    }

    private static KafkaProducer<String, String> producer(Properties login) {
        Properties p = new Properties();
        p.putAll(login);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("max.block.ms", "15000");
        p.put("delivery.timeout.ms", "20000");
        p.put("request.timeout.ms", "10000");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private interface Action {
        void run() throws Exception;
    }

    /** Runs the action and records a failure unless it succeeds ({@code refusal} null) or fails with that refusal. */
    private static void expect(List<String> failures, String what, Class<? extends Exception> refusal, Action action) {
        Throwable outcome = null;
        try {
            action.run();
        } catch (ExecutionException e) {
            outcome = e.getCause();
        } catch (Exception e) {
            outcome = e;
        }
        if (refusal == null && outcome != null) {
            failures.add(what + ": refused, " + outcome);
        } else if (refusal != null && !refusal.isInstance(outcome)) {
            failures.add(what + ": expected " + refusal.getSimpleName() + ", got " + outcome);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }
}
