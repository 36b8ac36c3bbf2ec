package org.ventrack.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.ventrack.devstack.Database;
import org.ventrack.devstack.FreePorts;
import org.ventrack.devstack.KafkaBroker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real PostgreSQL (embedded binaries) and a real Kafka broker (KRaft, its own JVM) once per module's test
 * run, in a fresh temporary directory, and points the service at them. Use on every test class of a module:
 * {@code @WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)}.
 */
public class VentrackInfrastructure implements QuarkusTestResourceLifecycleManager {

    private Path directory;
    private Infrastructure infrastructure;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("ventrack-test-");
            Database database = Database.embedded(directory.resolve("postgres"), FreePorts.next());
            KafkaBroker broker = KafkaBroker.onFreePorts(directory.resolve("kafka"));
            CompletableFuture<Void> kafka = CompletableFuture.runAsync(() -> {
                try {
                    broker.start(Duration.ofSeconds(90));
                } catch (Exception e) {
                    throw new IllegalStateException("Kafka broker did not start, see " + broker.logFile(), e);
                }
            });
            database.start();
            database.createDatabases(List.of(Infrastructure.DATABASE));
            kafka.join();
            infrastructure = new Infrastructure(database, broker);
            return Map.of(
                    "quarkus.datasource.jdbc.url", infrastructure.jdbcUrl(),
                    "quarkus.datasource.username", database.user(),
                    "quarkus.datasource.password", database.password(),
                    "kafka.bootstrap.servers", broker.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("test infrastructure did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(infrastructure,
                new TestInjector.AnnotatedAndMatchesType(InjectInfrastructure.class, Infrastructure.class));
    }

    @Override
    public void stop() {
        try {
            if (infrastructure != null) {
                infrastructure.broker().stop();
                infrastructure.database().stop();
            }
            if (directory != null) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
