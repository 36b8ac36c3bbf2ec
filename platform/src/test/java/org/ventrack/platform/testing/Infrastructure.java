package org.ventrack.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.ventrack.devstack.Database;
import org.ventrack.devstack.KafkaBroker;

/** The real PostgreSQL and Kafka broker of a module's test run, which a test may stop and start again. */
public final class Infrastructure {

    public static final String DATABASE = "ventrack_test";

    private final Database database;
    private final KafkaBroker broker;

    Infrastructure(Database database, KafkaBroker broker) {
        this.database = database;
        this.broker = broker;
    }

    public String jdbcUrl() {
        return database.jdbcUrl(DATABASE);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public void stopDatabase() {
        try {
            database.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void startDatabase() {
        try {
            database.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stopBroker() {
        try {
            broker.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void startBroker() {
        try {
            broker.start(Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Database database() {
        return database;
    }

    KafkaBroker broker() {
        return broker;
    }
}
