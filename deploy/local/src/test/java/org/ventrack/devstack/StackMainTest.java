package org.ventrack.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackMainTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>();

    @Test
    void tokenNeedsTheStacksKey() {
        assertEquals(1, run("token", "admin"));
        assertTrue(err().contains("no signing key in " + root.resolve(".ventrack/keys")), err());
        assertEquals("", out());
    }

    @Test
    void tokenPrintsOnlyATokenSignedWithTheStacksKey() throws Exception {
        SigningKey.loadOrCreate(root.resolve(".ventrack/keys"));

        assertEquals(0, run("token", "site-user", "FR-RDB", "DE-BER"));

        String token = out().strip();
        assertEquals(3, token.split("\\.").length, token);
        assertFalse(token.contains("\n"));
    }

    @Test
    void dataDirectoryFromEnvironmentOrOptionRelativeToTheCallersDirectory() throws Exception {
        Path caller = Files.createDirectories(root.resolve("elsewhere"));
        SigningKey.loadOrCreate(caller.resolve("mydata/keys"));

        env.put("VENTRACK_DATA", "mydata");
        assertEquals(0, new StackMain(print(out), print(err), env, root, caller).run("token", "admin"));
        env.remove("VENTRACK_DATA");
        assertEquals(0, new StackMain(print(out), print(err), env, root, caller).run("token", "--data", "mydata", "admin"));
        assertEquals(1, new StackMain(print(out), print(err), env, root, caller).run("token", "admin"));
    }

    @Test
    void usageErrors() {
        assertEquals(2, run());
        assertEquals(2, run("launch"));
        assertEquals(2, run("token"));
        assertEquals(2, run("token", "root"));
        assertEquals(2, run("stop", "--force"));
        assertEquals(2, run("status", "now"));
        assertEquals(2, run("start", "--data"));
        env.put("VENTRACK_BASE_PORT", "eighty");
        assertEquals(2, run("status"));
        assertTrue(err().contains("VENTRACK_BASE_PORT is not a port number"), err());
        assertEquals(0, run("help"));
    }

    @Test
    void startWithoutBuiltServicesFailsNamingThemAndLeavesNoPidFile() {
        assertEquals(1, run("start"));

        assertTrue(err().contains("did not start"), err());
        assertTrue(err().contains("patient-service, response-service, pk-service, survival-service: not built"), err());
        assertFalse(Files.exists(root.resolve(".ventrack/stack.pid")));
    }

    @Test
    void stopWhenNotRunning() {
        assertEquals(0, run("stop"));
        assertTrue(out().contains("not running"), out());
    }

    @Test
    void stopRemovesAStalePidFile() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path pidFile = root.resolve(".ventrack/stack.pid");
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, gone.pid() + "\n");

        assertEquals(0, run("stop"));

        assertTrue(out().contains("not running"), out());
        assertFalse(Files.exists(pidFile));
    }

    @Test
    void statusWhenNotRunning() {
        env.put("VENTRACK_BASE_PORT", Integer.toString(FreePorts.next()));
        env.put("VENTRACK_DB_PORT", Integer.toString(FreePorts.next()));
        env.put("VENTRACK_KAFKA_PORT", Integer.toString(FreePorts.next()));
        env.put("VENTRACK_KAFKA_CONTROLLER_PORT", Integer.toString(FreePorts.next()));

        assertEquals(1, run("status"));

        assertTrue(out().contains("VenTrack local stack: not running"), out());
        assertTrue(out().contains("patient-service"), out());
    }

    @Test
    void logTailShowsTheLatestRunOnly() throws Exception {
        Path log = root.resolve("service.log");
        Files.writeString(log, "\n===== earlier run\nold line\n\n===== latest run\nnew line\n");

        assertEquals(List.of("===== latest run", "new line"), StackMain.tail(log, 20));
    }

    @Test
    void logTailIsBounded() throws Exception {
        Path log = root.resolve("kafka.log");
        Files.write(log, IntStream.range(0, 100_000).mapToObj(i -> "line " + i).toList());

        List<String> tail = StackMain.tail(log, 20);

        assertEquals(20, tail.size());
        assertEquals("line 99999", tail.get(19));
    }

    private int run(String... args) {
        return new StackMain(print(out), print(err), env, root, root).run(args);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
