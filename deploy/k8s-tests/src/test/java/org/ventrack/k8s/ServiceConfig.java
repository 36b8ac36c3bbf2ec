package org.ventrack.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service does with Kafka and how large a request body it accepts, read from the service's own configuration
 * and code (not from the manifests, which are what is checked against it):
 * <ul>
 * <li>the topics it writes: the {@code Topics} constants its code passes to {@code outbox.publish}, and outgoing
 * channels;</li>
 * <li>the topics it reads, its consumer groups and dead-letter topics: the enabled incoming channels of the
 * platform's defaults (META-INF/microprofile-config.properties) with the service's application.properties over
 * them;</li>
 * <li>{@code quarkus.http.limits.max-body-size}.</li>
 * </ul>
 * Only the default profile counts: Kafka and the body limit are not profile-specific in the services.
 */
public record ServiceConfig(String name, Set<String> writes, Set<String> reads, Set<String> deadLetters,
        Set<String> groups, long maxBodyBytes) {

    private static final Pattern PUBLISH = Pattern.compile("outbox\\.publish\\(\\s*Topics\\.([A-Z_]+)");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("String ([A-Z_]+) = \"([^\"]+)\"");
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern OUTGOING_TOPIC = Pattern.compile("mp\\.messaging\\.outgoing\\.([^.]+)\\.topic");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    /** Quarkus' default for quarkus.http.limits.max-body-size. */
    private static final String QUARKUS_DEFAULT_MAX_BODY = "10240K";

    /** Every *-service module of the repository. */
    public static List<ServiceConfig> all() {
        Path root = Repository.root();
        try (Stream<Path> modules = Files.list(root)) {
            return modules.filter(m -> m.getFileName().toString().endsWith("-service"))
                    .filter(m -> Files.exists(m.resolve("src/main/resources/application.properties")))
                    .sorted()
                    .map(m -> read(root, m))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceConfig read(Path root, Path module) {
        Map<String, String> config = new HashMap<>();
        config.putAll(load(root.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")));
        config.putAll(load(module.resolve("src/main/resources/application.properties")));
        Map<String, String> topicConstants = new HashMap<>();
        Matcher constants = TOPIC_CONSTANT.matcher(
                readString(root.resolve("platform/src/main/java/org/ventrack/platform/events/Topics.java")));
        while (constants.find()) {
            topicConstants.put(constants.group(1), constants.group(2));
        }

        Set<String> writes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(source -> {
                Matcher publish = PUBLISH.matcher(readString(source));
                while (publish.find()) {
                    writes.add(require(topicConstants.get(publish.group(1)), "Topics." + publish.group(1)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> reads = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String key : config.keySet()) {
            Matcher outgoing = OUTGOING_TOPIC.matcher(key);
            if (outgoing.matches() && enabled(config, "mp.messaging.outgoing." + outgoing.group(1))) {
                writes.add(resolve(config, key, null));
            }
            Matcher incoming = INCOMING_TOPIC.matcher(key);
            if (!incoming.matches() || !enabled(config, "mp.messaging.incoming." + incoming.group(1))) {
                continue;
            }
            String channel = "mp.messaging.incoming." + incoming.group(1);
            reads.add(resolve(config, key, null));
            groups.add(require(resolve(config, channel + ".group.id", null), channel + ".group.id"));
            // the platform's InboxProcessor parks what it cannot apply on <topic>.dlq (DeadLetters, Topics.deadLetter)
            deadLetters.add(resolve(config, key, null) + ".dlq");
        }
        String maxBody = resolve(config, "quarkus.http.limits.max-body-size", QUARKUS_DEFAULT_MAX_BODY);
        return new ServiceConfig(module.getFileName().toString(), writes, reads, deadLetters, groups,
                MemorySize.bytes(maxBody));
    }

    /** Every topic the service touches. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>(writes);
        topics.addAll(reads);
        topics.addAll(deadLetters);
        return topics;
    }

    private static boolean enabled(Map<String, String> config, String channel) {
        return Boolean.parseBoolean(resolve(config, channel + ".enabled", "true"));
    }

    private static String resolve(Map<String, String> config, String key, String fallback) {
        String value = config.getOrDefault(key, fallback);
        if (value == null) {
            return null;
        }
        Matcher expression = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (expression.find()) {
            String inner = resolve(config, expression.group(1), expression.group(2));
            expression.appendReplacement(resolved, Matcher.quoteReplacement(require(inner, expression.group(1))));
        }
        expression.appendTail(resolved);
        return resolved.toString();
    }

    private static Map<String, String> load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        properties.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("%"))
                .forEach(key -> config.put(key, properties.getProperty(key).strip()));
        return config;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String require(String value, String what) {
        if (value == null) {
            throw new IllegalStateException("cannot resolve " + what);
        }
        return value;
    }
}
