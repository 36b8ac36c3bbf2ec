package org.ventrack.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node), run as its own
 * JVM from Kafka's jars on this JVM's class path. It keeps its data in {@code directory}, so it can be
 * stopped and started again on the same port without losing topics or offsets.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLUSTER_ID = "VenTrackLocalKafka0001";

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private Process process;

    public KafkaBroker(Path directory, int port, int controllerPort) {
        this.directory = directory.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A broker on free loopback ports. */
    public static KafkaBroker onFreePorts(Path directory) {
        return new KafkaBroker(directory, FreePorts.next(), FreePorts.next());
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return directory.resolve("kafka.log");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized void start(Duration timeout) throws IOException, InterruptedException {
        if (isRunning()) {
            return;
        }
        Files.createDirectories(directory);
        Path config = writeConfig();
        if (!Files.exists(directory.resolve("data/meta.properties"))) {
            Process format = java("kafka.tools.StorageTool", "format", "-t", CLUSTER_ID, "-c", config.toString(),
                    "--ignore-formatted").start();
            if (!format.waitFor(60, TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("Kafka storage format timed out, see " + logFile());
            }
            if (format.exitValue() != 0) {
                throw new IllegalStateException("Kafka storage format failed, see " + logFile());
            }
        }
        process = java("kafka.Kafka", config.toString()).start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "kafka-broker-stop"));
        awaitReady(timeout);
    }

    /** Stops the broker cleanly (SIGTERM, then a forced kill after 30 s). */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-cp", absoluteClassPath(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    }

    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private Path writeConfig() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", directory.resolve("data").toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.flush.interval.messages", "1000");
        Path config = directory.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config)) {
            p.store(out, "VenTrack local Kafka broker (KRaft)");
        }
        return config;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties adminConfig = new Properties();
        adminConfig.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        adminConfig.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        adminConfig.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with code " + process.exitValue() + ", see " + logFile());
            }
            try (Admin admin = Admin.create(adminConfig)) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Kafka broker not ready after " + timeout + ", see " + logFile());
    }
}
