package org.ventrack.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A one-node KRaft broker as the Strimzi component configures Kafka: a TLS listener with SCRAM-SHA-512 logins and
 * Kafka's ACL authorizer, nothing allowed that no ACL allows. It runs in a child JVM on the test class path, with a
 * self-signed certificate made by keytool and one SCRAM user per entry of {@code users} (plus the super user admin).
 */
final class SecuredKafka implements AutoCloseable {

    static final String ADMIN = "admin";

    private final Path dir;
    private final String adminPassword;
    private final int port;
    private Process broker;

    private SecuredKafka(Path dir, String adminPassword, int port) {
        this.dir = dir;
        this.adminPassword = adminPassword;
        this.port = port;
    }

    static SecuredKafka start(Path dir, Map<String, String> users) throws IOException, InterruptedException {
        SecuredKafka kafka = new SecuredKafka(dir, Long.toHexString(System.nanoTime()), freePort());
        kafka.makeCertificate();
        int controllerPort = freePort();
        Files.writeString(dir.resolve("server.properties"), """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=SASL_SSL://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=SASL_SSL://127.0.0.1:%1$d
                listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=SASL_SSL
                sasl.enabled.mechanisms=SCRAM-SHA-512
                sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
                listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=%3$s
                ssl.keystore.location=%4$s
                ssl.keystore.password=changeit
                ssl.keystore.type=PKCS12
                ssl.truststore.type=PEM
                ssl.truststore.location=%5$s
                authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
                super.users=User:admin;User:ANONYMOUS
                allow.everyone.if.no.acl.found=false
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.dirs=%6$s
                """.formatted(kafka.port, controllerPort, jaas(ADMIN, kafka.adminPassword), dir.resolve("broker.p12"),
                dir.resolve("ca.crt"), dir.resolve("data")));
        List<String> format = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "-t",
                Uuid.randomUuid().toString(), "-c", dir.resolve("server.properties").toString(),
                "--add-scram", scram(ADMIN, kafka.adminPassword)));
        users.forEach((user, password) -> format.addAll(List.of("--add-scram", scram(user, password))));
        if (kafka.java(format).waitFor() != 0) {
            throw new IllegalStateException(
                    "kafka-storage format failed: " + Files.readString(dir.resolve("broker.log")));
        }
        kafka.broker = kafka.java(List.of("kafka.Kafka", dir.resolve("server.properties").toString()));
        kafka.awaitReady();
        return kafka;
    }

    /** Client settings as a service gets them from its ConfigMap and Secrets. */
    Properties client(String user, String password) {
        Properties p = new Properties();
        p.put("bootstrap.servers", "127.0.0.1:" + port);
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", jaas(user, password));
        p.put("ssl.truststore.type", "PEM");
        try {
            p.put("ssl.truststore.certificates", Files.readString(dir.resolve("ca.crt")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    Properties admin() {
        return client(ADMIN, adminPassword);
    }

    @Override
    public void close() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor();
            }
        }
    }

    private void makeCertificate() throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", dir.resolve("broker.p12").toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit"));
        Process export = new ProcessBuilder(keytool, "-exportcert", "-rfc", "-alias", "broker",
                "-keystore", dir.resolve("broker.p12").toString(), "-storepass", "changeit")
                .redirectOutput(dir.resolve("ca.crt").toFile()).redirectError(dir.resolve("keytool.log").toFile())
                .start();
        if (export.waitFor() != 0) {
            throw new IllegalStateException("keytool -exportcert failed");
        }
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Properties admin = admin();
        admin.put("request.timeout.ms", "3000");
        admin.put("default.api.timeout.ms", "3000");
        while (System.nanoTime() < deadline) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("broker exited: " + Files.readString(dir.resolve("broker.log")));
            }
            try (Admin client = Admin.create(admin)) {
                client.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("broker not ready in 90 s: " + Files.readString(dir.resolve("broker.log")));
    }

    private Process java(List<String> mainAndArguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed");
        }
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
                .formatted(user, password);
    }

    private static String scram(String user, String password) {
        return "SCRAM-SHA-512=[name=%s,password=%s]".formatted(user, password);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
