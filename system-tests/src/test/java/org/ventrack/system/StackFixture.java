package org.ventrack.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.ventrack.devstack.FreePorts;
import org.ventrack.devstack.LocalStack;

/** The whole stack (packaged services, real PostgreSQL, real Kafka) on free ports in a temporary directory. */
final class StackFixture {

    private StackFixture() {
    }

    static LocalStack start() throws IOException {
        return start(false);
    }

    /** @param demoData load the paper's cohort ({@code demo/cousson-2025}) through the APIs, as {@code --demo} does */
    static LocalStack start(boolean demoData) throws IOException {
        Path data = Files.createTempDirectory("ventrack-system-");
        LocalStack stack = LocalStack.builder()
                .repositoryRoot(Path.of("").toAbsolutePath().getParent())
                .dataDirectory(data)
                .basePort(fourFreePorts())
                .databasePort(FreePorts.next())
                .kafkaPorts(FreePorts.next(), FreePorts.next())
                .demoData(demoData)
                // a loaded shared machine may need longer: -Dventrack.stack.readiness-seconds=600
                .readinessTimeout(java.time.Duration.ofSeconds(Long.getLong("ventrack.stack.readiness-seconds", 120)))
                .build();
        stack.start();
        return stack;
    }

    static void stop(LocalStack stack) throws IOException {
        if (stack == null) {
            return;
        }
        stack.stop();
        if (Boolean.getBoolean("ventrack.keep-data")) {
            System.out.println("stack data and logs kept in " + stack.dataDirectory());
            return;
        }
        try (Stream<Path> files = Files.walk(stack.dataDirectory())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int fourFreePorts() {
        for (int attempt = 0; attempt < 50; attempt++) {
            // below Linux's ephemeral range (32768-60999): a client socket opened meanwhile cannot take the port
            int base = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (free(base) && free(base + 1) && free(base + 2) && free(base + 3)) {
                return base;
            }
        }
        throw new IllegalStateException("no four consecutive free ports");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
