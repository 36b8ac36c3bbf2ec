package org.ventrack.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole VenTrack stack on one machine: PostgreSQL (embedded, or an external server), a Kafka broker (embedded,
 * or an external one) and the four packaged services as child JVMs, all keeping their data under one data directory.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().repositoryRoot(root).dataDirectory(tmp).basePort(18081).build()) {
 *     stack.start();
 *     String token = stack.token("investigator");
 *     // ... call stack.serviceUrl("patient-service") ...
 * }
 * }</pre>
 *
 * Run as a program ({@link #main}) it is the {@code ventrack} command, see {@link StackMain}.
 */
public final class LocalStack implements AutoCloseable {

    /** The services, in port order: the first listens on the base port, the next on base port + 1, ... */
    public static final List<String> SERVICES = List.of("patient-service", "response-service", "pk-service", "survival-service");
    /** The service whose static resources hold the study dashboard. */
    public static final String DASHBOARD_SERVICE = "survival-service";
    public static final String POSTGRESQL = "postgresql";
    public static final String KAFKA = "kafka";

    private static final System.Logger LOG = System.getLogger(LocalStack.class.getName());
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(120);

    private enum State { NEW, STARTING, RUNNING, STOPPED }

    private final Options options;
    private final Database database;
    private final KafkaBroker kafka;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Long> timings = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Guards the state: no service is launched once a stop has begun (a shutdown hook may stop us mid-start). */
    private final Object stateLock = new Object();
    private final Object stopLock = new Object();
    private volatile State state = State.NEW;
    private boolean stopping;
    private SigningKey signingKey;

    /**
     * Everything a stack is configured with; build it with {@link LocalStack#builder()}. The external database
     * fields are null for the embedded PostgreSQL, {@code externalKafka} is null for the embedded broker.
     */
    public record Options(Path repositoryRoot, Path dataDirectory, int basePort, int databasePort, int kafkaPort,
            int kafkaControllerPort, String externalDatabaseUrl, String externalDatabaseUser,
            String externalDatabasePassword, String externalKafka, boolean demoData, List<String> serviceJvmOptions,
            Duration readinessTimeout) {
    }

    private LocalStack(Options options) {
        this.options = options;
        Path data = options.dataDirectory();
        this.database = options.externalDatabaseUrl() == null
                ? Database.embedded(data.resolve("pg"), options.databasePort())
                : Database.external(options.externalDatabaseUrl(), options.externalDatabaseUser(), options.externalDatabasePassword());
        this.kafka = options.externalKafka() == null
                ? new KafkaBroker(data.resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort())
                : null;
        for (int i = 0; i < SERVICES.size(); i++) {
            String name = SERVICES.get(i);
            int port = options.basePort() + i;
            services.put(name, new ServiceProcess(name, port, jarOf(name), data.resolve("logs").resolve(name + ".log"), data,
                    options.serviceJvmOptions(), environment(name, port)));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code ventrack} command line; see {@link StackMain}. */
    public static void main(String[] args) {
        System.exit(StackMain.main(args));
    }

    /** The database a service keeps its data in, e.g. {@code ventrack_patient} for {@code patient-service}. */
    public static String databaseOf(String service) {
        return "ventrack_" + service.replaceFirst("-service$", "").replace('-', '_');
    }

    // ---------------------------------------------------------------------------------------------------- start

    /**
     * Starts PostgreSQL and Kafka (in parallel), creates the service databases, makes sure the signing key exists,
     * starts the four services (in parallel) and waits until each is ready. On failure everything started so far is
     * stopped again and a {@link StackStartException} names the failing component and its log file.
     */
    public void start() {
        synchronized (stateLock) {
            if (state != State.NEW) {
                throw new IllegalStateException("a LocalStack can be started once; this one is " + state);
            }
            state = State.STARTING;
        }
        long begin = System.nanoTime();
        try {
            requireServicesBuilt();
            requirePortsFree();
            ensureSigningKey();
            startInfrastructure();
            createDatabases();
            startServices();
            if (options.demoData()) {
                loadDemoData();
            }
            synchronized (stateLock) {
                abortIfStopping();
                state = State.RUNNING;
            }
            timings.put("total", millisSince(begin));
            LOG.log(Level.INFO, "VenTrack local stack ready in " + timings.get("total") + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new StackStartException("stack", null, "interrupted while starting", e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /**
     * Posts the paper's cohort ({@code demo/cousson-2025}) through the services' APIs, so events flow as in real use.
     * Idempotent: on a stack that already holds it, nothing changes.
     */
    void loadDemoData() throws InterruptedException {
        Path directory = options.repositoryRoot().resolve("demo/cousson-2025");
        long begin = System.nanoTime();
        try {
            DemoLoader.Result result = new DemoLoader(this::serviceUrl,
                    roleAndSites -> token(roleAndSites.get(0), roleAndSites.subList(1, roleAndSites.size()).toArray(String[]::new)))
                    .load(directory);
            timings.put("demo-data", millisSince(begin));
            LOG.log(Level.INFO, "Demo data (" + directory + "): " + result.posted() + " records posted, "
                    + result.alreadyPresent() + " already present");
        } catch (java.io.IOException e) {
            throw new StackStartException("demo data", null, e.getMessage(), e);
        }
    }

    private void requireServicesBuilt() {
        List<String> missing = SERVICES.stream().filter(name -> !Files.isRegularFile(jarOf(name))).toList();
        if (!missing.isEmpty()) {
            throw new StackStartException(String.join(", ", missing), null, "not built: no <service>/target/quarkus-app/quarkus-run.jar in "
                    + options.repositoryRoot() + ". Build with ./mvnw install -DskipTests (./ventrack start builds what changed).");
        }
    }

    private void requirePortsFree() {
        for (Map.Entry<Integer, String> port : portsInUse().entrySet()) {
            if (!isFree(port.getKey())) {
                throw new StackStartException(port.getValue(), null, "port " + port.getKey()
                        + " is already in use. Stop whatever listens on it (another stack? ./ventrack status) or choose other ports.");
            }
        }
    }

    /** The local ports this stack will listen on, each with the component that needs it. */
    private Map<Integer, String> portsInUse() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        services.values().forEach(s -> ports.put(s.port(), s.name()));
        if (database.isEmbedded()) {
            ports.put(options.databasePort(), POSTGRESQL);
        }
        if (kafka != null) {
            ports.put(options.kafkaPort(), KAFKA);
            ports.put(options.kafkaControllerPort(), KAFKA + " (controller)");
        }
        return ports;
    }

    private static boolean isFree(int port) {
        // Binds the wildcard address, as the services do, so a listener on any local address counts as taken.
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void ensureSigningKey() {
        try {
            signingKey();
        } catch (UncheckedIOException e) {
            throw new StackStartException("signing-key", null, e.getCause().getMessage(), e);
        }
    }

    private void startInfrastructure() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2, daemonThreads("ventrack-infra"));
        try {
            Future<Long> db = pool.submit(timed(database::start));
            Future<Long> broker = kafka == null ? null : pool.submit(timed(() -> kafka.start(KAFKA_TIMEOUT)));
            // Wait for both before failing, so nothing is still starting when stop() runs.
            StackStartException failure = null;
            try {
                record(POSTGRESQL, db.get(), database.isEmbedded());
            } catch (ExecutionException e) {
                failure = new StackStartException(POSTGRESQL, null, "could not start embedded PostgreSQL on port "
                        + options.databasePort() + " (data in " + options.dataDirectory().resolve("pg") + "): " + describe(e.getCause()),
                        e.getCause());
            }
            if (broker != null) {
                try {
                    record(KAFKA, broker.get(), true);
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = new StackStartException(KAFKA, kafka.logFile(), describe(e.getCause()), e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void record(String component, long millis, boolean measured) {
        if (measured) {
            timings.put(component, millis);
            LOG.log(Level.INFO, component + " ready in " + millis + " ms");
        }
    }

    private void createDatabases() {
        abortIfStopping();
        try {
            database.createDatabases(SERVICES.stream().map(LocalStack::databaseOf).toList());
        } catch (SQLException e) {
            throw new StackStartException(POSTGRESQL, null, "could not create the service databases on "
                    + database.baseUrl() + ": " + e.getMessage(), e);
        }
    }

    private void startServices() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(services.size(), daemonThreads("ventrack-ready"));
        try {
            CompletionService<Map.Entry<String, Long>> ready = new ExecutorCompletionService<>(pool);
            for (ServiceProcess service : services.values()) {
                launch(service);
                ready.submit(() -> Map.entry(service.name(), service.awaitReady(http, options.readinessTimeout())));
            }
            Map<String, Long> readyAfter = new LinkedHashMap<>();
            for (int i = 0; i < services.size(); i++) {
                try {
                    Map.Entry<String, Long> done = ready.take().get();
                    readyAfter.put(done.getKey(), done.getValue());
                    LOG.log(Level.INFO, done.getKey() + " ready in " + done.getValue() + " ms");
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException failure ? failure
                            : new StackStartException("stack", null, describe(e.getCause()), e.getCause());
                }
            }
            SERVICES.forEach(name -> timings.put(name, readyAfter.get(name)));
        } finally {
            pool.shutdownNow();
        }
    }

    private void launch(ServiceProcess service) {
        synchronized (stateLock) {
            abortIfStopping();
            try {
                service.start();
            } catch (IOException e) {
                throw new StackStartException(service.name(), service.logFile(), "could not be launched: " + e.getMessage(), e);
            }
        }
        service.process().onExit().thenAccept(process -> {
            if (isRunning()) {
                LOG.log(Level.WARNING, service.name() + " exited unexpectedly with code " + process.exitValue()
                        + ", see " + service.logFile());
            }
        });
    }

    private void abortIfStopping() {
        synchronized (stateLock) {
            if (stopping) {
                throw new StackStartException("stack", null, "stopped while starting");
            }
        }
    }

    private Map<String, String> environment(String service, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // Loopback only: this stack's tokens are signed with a key anyone on this machine can read.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(databaseOf(service)));
        env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKeyFile().toString());
        env.put("MP_JWT_VERIFY_ISSUER", SigningKey.ISSUER);
        // the dashboard is served by survival-service and calls the other services from the browser (CORS)
        int dashboardPort = portOf(DASHBOARD_SERVICE);
        env.put("VENTRACK_DASHBOARD_ORIGINS", "http://127.0.0.1:" + dashboardPort + ",http://localhost:" + dashboardPort);
        if (service.equals(DASHBOARD_SERVICE)) {
            env.put("VENTRACK_DASHBOARD_PATIENT_SERVICE_URL", "http://127.0.0.1:" + portOf("patient-service"));
            env.put("VENTRACK_DASHBOARD_RESPONSE_SERVICE_URL", "http://127.0.0.1:" + portOf("response-service"));
            env.put("VENTRACK_DASHBOARD_PK_SERVICE_URL", "http://127.0.0.1:" + portOf("pk-service"));
        }
        // patient-service hands imported assessments and drug levels to their owners' REST APIs (platform PeerClient)
        if (service.equals("patient-service")) {
            env.put("VENTRACK_PEERS_RESPONSE_SERVICE", "http://127.0.0.1:" + portOf("response-service"));
            env.put("VENTRACK_PEERS_PK_SERVICE", "http://127.0.0.1:" + portOf("pk-service"));
        }
        return env;
    }

    private int portOf(String service) {
        return options.basePort() + SERVICES.indexOf(service);
    }

    /** The study dashboard's page, served by survival-service. */
    public String dashboardUrl() {
        return serviceUrl(DASHBOARD_SERVICE) + "/dashboard/";
    }

    private Path jarOf(String service) {
        return options.repositoryRoot().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    // ----------------------------------------------------------------------------------------------------- stop

    /**
     * Stops the services (SIGTERM, each forced after 30 s), then Kafka, then PostgreSQL. Safe to call more than once
     * and from a shutdown hook while {@link #start()} is still running; a second caller waits until the first is done.
     */
    public void stop() {
        synchronized (stateLock) {
            stopping = true;
        }
        synchronized (stopLock) {
            if (state == State.STOPPED) {
                return;
            }
            boolean interrupted = stopServices();
            if (kafka != null) {
                try {
                    kafka.stop();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not stop Kafka cleanly", e);
                }
            }
            try {
                database.stop();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "could not stop PostgreSQL cleanly", e);
            }
            synchronized (stateLock) {
                state = State.STOPPED;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops the services in parallel; true if this thread was interrupted meanwhile. */
    private boolean stopServices() {
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            Thread stopper = new Thread(() -> {
                try {
                    service.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "ventrack-stop-" + service.name());
            stopper.start();
            stoppers.add(stopper);
        }
        boolean interrupted = false;
        for (Thread stopper : stoppers) {
            while (stopper.isAlive()) {
                try {
                    stopper.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }

    // ------------------------------------------------------------------------------------------------ accessors

    public Options options() {
        return options;
    }

    public boolean isRunning() {
        synchronized (stateLock) {
            return state == State.RUNNING && !stopping;
        }
    }

    /** The base URL of a service, e.g. {@code http://127.0.0.1:8081} for {@code patient-service}. */
    public String serviceUrl(String service) {
        return service(service).url();
    }

    public Path logFile(String service) {
        return service(service).logFile();
    }

    /** The pid of a running service's JVM. */
    public long serviceProcessId(String service) {
        Process process = service(service).process();
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(service + " is not running");
        }
        return process.pid();
    }

    /**
     * Kills a running service's JVM with SIGKILL (no shutdown hook, no graceful close of its consumers or pool), as a
     * crash or an OOM kill would, and waits until it is gone. For fault drills; {@link #restartService} brings it back.
     */
    public void killService(String name) throws InterruptedException {
        Process process = service(name).process();
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        process.destroyForcibly().waitFor();
    }

    /** Starts a service that was killed or has exited, on its port and data, and waits until it is ready. */
    public long restartService(String name) throws InterruptedException {
        ServiceProcess service = service(name);
        if (service.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch(service);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        return service.awaitReady(http, options.readinessTimeout());
    }

    /** The embedded Kafka broker, so tests can stop and start it; null when an external Kafka is used. */
    public KafkaBroker kafka() {
        return kafka;
    }

    public Database database() {
        return database;
    }

    public String kafkaBootstrapServers() {
        return kafka != null ? kafka.bootstrapServers() : options.externalKafka();
    }

    public Path dataDirectory() {
        return options.dataDirectory();
    }

    /** Absolute path of the PEM public key the services verify tokens with. */
    public Path publicKeyFile() {
        return options.dataDirectory().resolve("keys").resolve("publicKey.pem");
    }

    /**
     * A signed token (RS256, valid 24 h) for one of the roles site-user, investigator, statistician or admin. A
     * site user's token lists {@code sites} (default FR-RDB); other roles get a {@code sites} claim only if given.
     */
    public String token(String role, String... sites) {
        return signingKey().token(role, List.of(sites));
    }

    /**
     * Milliseconds measured during {@link #start()}: {@code postgresql} and {@code kafka} (when embedded), each
     * service from process start to ready, and {@code total}.
     */
    public Map<String, Long> timings() {
        synchronized (timings) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        }
    }

    private ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("unknown service '" + name + "', expected one of " + String.join(", ", SERVICES));
        }
        return service;
    }

    private synchronized SigningKey signingKey() {
        if (signingKey == null) {
            try {
                signingKey = SigningKey.loadOrCreate(options.dataDirectory().resolve("keys"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not create or read the signing key in "
                        + options.dataDirectory().resolve("keys") + ": " + e.getMessage(), e);
            }
        }
        return signingKey;
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private interface Step {
        void run() throws Exception;
    }

    private static Callable<Long> timed(Step step) {
        return () -> {
            long begin = System.nanoTime();
            step.run();
            return millisSince(begin);
        };
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append("; caused by ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // ---------------------------------------------------------------------------------------------------- builder

    /** Configures a {@link LocalStack}; every setting has a default suitable for a developer machine. */
    public static final class Builder {

        private Path repositoryRoot = Path.of("");
        private Path dataDirectory;
        private int basePort = 8081;
        private int databasePort = 5433;
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private String externalDatabaseUrl;
        private String externalDatabaseUser;
        private String externalDatabasePassword;
        private String externalKafka;
        private boolean demoData;
        private List<String> serviceJvmOptions = List.of("-Xmx256m", "-XX:+UseSerialGC");
        private Duration readinessTimeout = Duration.ofSeconds(120);

        private Builder() {
        }

        /** Where {@code <service>/target/quarkus-app/quarkus-run.jar} are found; default the current directory. */
        public Builder repositoryRoot(Path repositoryRoot) {
            this.repositoryRoot = Objects.requireNonNull(repositoryRoot);
            return this;
        }

        /** Where the stack keeps everything (pg/, kafka/, keys/, logs/); default {@code <repositoryRoot>/.ventrack}. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory);
            return this;
        }

        /** The services listen on basePort .. basePort + 3 in the order of {@link #SERVICES}; default 8081. */
        public Builder basePort(int basePort) {
            this.basePort = basePort;
            return this;
        }

        /** The embedded PostgreSQL's port; default 5433 (5432 may belong to a PostgreSQL of the machine). */
        public Builder databasePort(int databasePort) {
            this.databasePort = databasePort;
            return this;
        }

        /** The embedded Kafka broker's client and controller ports; default 9092 and 9093. */
        public Builder kafkaPorts(int broker, int controller) {
            this.kafkaPort = broker;
            this.kafkaControllerPort = controller;
            return this;
        }

        /** Use an existing PostgreSQL, e.g. {@code jdbc:postgresql://db:5432}, with a user that may create databases. */
        public Builder externalDatabase(String jdbcBaseUrl, String user, String password) {
            this.externalDatabaseUrl = Objects.requireNonNull(jdbcBaseUrl);
            this.externalDatabaseUser = Objects.requireNonNull(user);
            this.externalDatabasePassword = password == null ? "" : password;
            return this;
        }

        /** Use an existing Kafka, e.g. {@code 127.0.0.1:9092}, instead of the embedded broker. */
        public Builder externalKafka(String bootstrapServers) {
            this.externalKafka = Objects.requireNonNull(bootstrapServers);
            return this;
        }

        public Builder demoData(boolean demoData) {
            this.demoData = demoData;
            return this;
        }

        /** JVM options of each service; default {@code -Xmx256m -XX:+UseSerialGC}. */
        public Builder serviceJvmOptions(List<String> serviceJvmOptions) {
            this.serviceJvmOptions = List.copyOf(serviceJvmOptions);
            return this;
        }

        /** How long each service may take to become ready; default 120 s. */
        public Builder readinessTimeout(Duration readinessTimeout) {
            this.readinessTimeout = Objects.requireNonNull(readinessTimeout);
            return this;
        }

        public LocalStack build() {
            Path root = repositoryRoot.toAbsolutePath().normalize();
            Path data = (dataDirectory == null ? root.resolve(".ventrack") : dataDirectory).toAbsolutePath().normalize();
            Options options = new Options(root, data, basePort, databasePort, kafkaPort, kafkaControllerPort,
                    externalDatabaseUrl, externalDatabaseUser, externalDatabasePassword, externalKafka, demoData,
                    serviceJvmOptions, readinessTimeout);
            requireDistinctPorts(options);
            return new LocalStack(options);
        }

        private static void requireDistinctPorts(Options o) {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < SERVICES.size(); i++) {
                ports.add(o.basePort() + i);
            }
            if (o.externalDatabaseUrl() == null) {
                ports.add(o.databasePort());
            }
            if (o.externalKafka() == null) {
                ports.add(o.kafkaPort());
                ports.add(o.kafkaControllerPort());
            }
            for (int port : ports) {
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("not a TCP port: " + port);
                }
            }
            if (ports.stream().distinct().count() != ports.size()) {
                throw new IllegalArgumentException("the stack's ports overlap: services " + o.basePort() + ".." + (o.basePort() + 3)
                        + ", PostgreSQL " + o.databasePort() + ", Kafka " + o.kafkaPort() + "/" + o.kafkaControllerPort());
            }
        }
    }
}
