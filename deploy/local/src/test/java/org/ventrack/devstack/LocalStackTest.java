package org.ventrack.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What can be checked without starting PostgreSQL, Kafka or a service. */
class LocalStackTest {

    @TempDir
    Path root;

    @Test
    void defaults() {
        LocalStack stack = LocalStack.builder().repositoryRoot(root).build();

        assertEquals("http://127.0.0.1:8081", stack.serviceUrl("patient-service"));
        assertEquals("http://127.0.0.1:8082", stack.serviceUrl("response-service"));
        assertEquals("http://127.0.0.1:8083", stack.serviceUrl("pk-service"));
        assertEquals("http://127.0.0.1:8084", stack.serviceUrl("survival-service"));
        assertEquals("127.0.0.1:9092", stack.kafkaBootstrapServers());
        assertEquals("jdbc:postgresql://127.0.0.1:5433/ventrack_pk", stack.database().jdbcUrl("ventrack_pk"));
        assertTrue(stack.database().isEmbedded());
        assertEquals(root.resolve(".ventrack"), stack.dataDirectory());
        assertEquals(root.resolve(".ventrack/keys/publicKey.pem"), stack.publicKeyFile());
        assertEquals(root.resolve(".ventrack/logs/pk-service.log"), stack.logFile("pk-service"));
        assertEquals(List.of("-Xmx256m", "-XX:+UseSerialGC"), stack.options().serviceJvmOptions());
    }

    @Test
    void databaseOfEachService() {
        assertEquals(List.of("ventrack_patient", "ventrack_response", "ventrack_pk", "ventrack_survival"),
                LocalStack.SERVICES.stream().map(LocalStack::databaseOf).toList());
    }

    @Test
    void externalDatabaseAndKafka() {
        LocalStack stack = LocalStack.builder()
                .repositoryRoot(root)
                .externalDatabase("jdbc:postgresql://db.example:5432/", "ventrack", "secret")
                .externalKafka("kafka.example:9092")
                .build();

        assertNull(stack.kafka());
        assertEquals("kafka.example:9092", stack.kafkaBootstrapServers());
        assertFalse(stack.database().isEmbedded());
        assertEquals("jdbc:postgresql://db.example:5432/ventrack_survival", stack.database().jdbcUrl("ventrack_survival"));
        assertEquals("ventrack", stack.database().user());
    }

    @Test
    void rejectsOverlappingPorts() {
        LocalStack.Builder builder = LocalStack.builder().repositoryRoot(root).basePort(5430);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);

        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    }

    @Test
    void rejectsUnknownServices() {
        LocalStack stack = LocalStack.builder().repositoryRoot(root).build();

        assertThrows(IllegalArgumentException.class, () -> stack.serviceUrl("billing-service"));
    }

    @Test
    void startFailsClearlyWhenServicesAreNotBuilt() throws Exception {
        fakeJar("patient-service");
        fakeJar("response-service");
        LocalStack stack = LocalStack.builder().repositoryRoot(root).dataDirectory(root.resolve("data")).build();

        StackStartException e = assertThrows(StackStartException.class, stack::start);

        assertEquals("pk-service, survival-service", e.component());
        assertTrue(e.getMessage().contains("not built"), e.getMessage());
        assertFalse(stack.isRunning());
        assertFalse(Files.exists(root.resolve("data/pg")), "nothing was started");
    }

    @Test
    void startFailsClearlyWhenAPortIsTaken() throws Exception {
        for (String service : LocalStack.SERVICES) {
            fakeJar(service);
        }
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            LocalStack stack = LocalStack.builder()
                    .repositoryRoot(root)
                    .dataDirectory(root.resolve("data"))
                    .basePort(port)
                    .databasePort(FreePorts.next())
                    .kafkaPorts(FreePorts.next(), FreePorts.next())
                    .build();

            StackStartException e = assertThrows(StackStartException.class, stack::start);

            assertEquals("patient-service", e.component());
            assertTrue(e.getMessage().contains("port " + port + " is already in use"), e.getMessage());
        }
    }

    @Test
    void stopIsIdempotentAndAStoppedStackCannotStart() {
        LocalStack stack = LocalStack.builder().repositoryRoot(root).build();

        stack.stop();
        stack.close();

        assertThrows(IllegalStateException.class, stack::start);
    }

    @Test
    void tokenCreatesTheSigningKeyOnFirstUse() {
        LocalStack stack = LocalStack.builder().repositoryRoot(root).build();

        String token = stack.token("site-user", "FR-RDB");

        assertEquals(3, token.split("\\.").length);
        assertTrue(Files.exists(stack.publicKeyFile()));
    }

    private void fakeJar(String service) throws Exception {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Files.createFile(jar);
    }
}
