package org.ventrack.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server: either embedded (PostgreSQL binaries from Maven Central, data kept in a
 * directory so it survives a restart) or an external server given by its JDBC base URL.
 */
public final class Database implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final String externalUrl;
    private final String user;
    private final String password;
    private EmbeddedPostgres embedded;

    private Database(Path directory, int port, String externalUrl, String user, String password) {
        this.directory = directory;
        this.port = port;
        this.externalUrl = externalUrl;
        this.user = user;
        this.password = password;
    }

    /** An embedded server keeping its data in {@code directory}. */
    public static Database embedded(Path directory, int port) {
        return new Database(directory.toAbsolutePath(), port, null, "postgres", "postgres");
    }

    /** An external server, e.g. {@code jdbc:postgresql://db.example:5432}, with a user that may create databases. */
    public static Database external(String baseUrl, String user, String password) {
        return new Database(null, 0, baseUrl.replaceAll("/+$", ""), user, password);
    }

    public boolean isEmbedded() {
        return externalUrl == null;
    }

    public synchronized void start() throws IOException {
        if (!isEmbedded() || embedded != null) {
            return;
        }
        Files.createDirectories(directory);
        embedded = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(directory.resolve("data"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(directory.resolve("work").toFile())
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                // the owner stops it after the services (LocalStack's shutdown hook, the test resource's stop)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .start();
    }

    public synchronized void stop() throws IOException {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    /** PostgreSQL's own output (embedded server only). */
    public Path logFile() {
        return directory == null ? null : directory.resolve("postgresql.log");
    }

    public String baseUrl() {
        return isEmbedded() ? "jdbc:postgresql://127.0.0.1:" + port : externalUrl;
    }

    public String jdbcUrl(String database) {
        return baseUrl() + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Creates each database that does not exist yet. */
    public void createDatabases(List<String> names) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password)) {
            for (String name : names) {
                if (!name.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + name);
                }
                try (var check = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    check.setString(1, name);
                    if (check.executeQuery().next()) {
                        continue;
                    }
                }
                try (var create = c.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
            }
        }
    }
}
