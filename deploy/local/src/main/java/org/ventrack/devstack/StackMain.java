package org.ventrack.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code ventrack} command line: {@code start [--demo] [--data DIR]}, {@code stop [--data DIR]},
 * {@code status [--data DIR]} and {@code token <role> [site ...] [--data DIR]}. Configured by environment variables
 * (see deploy/local/README.md); the repository root and the caller's working directory come from the system
 * properties {@code ventrack.root} and {@code ventrack.cwd} (both default to the current directory).
 */
public final class StackMain {

    static final String USAGE = """
            Usage: ventrack <command> [options]

              start [--demo] [--data DIR]   build what changed, then run PostgreSQL, Kafka and the four services
                                            in the foreground (Ctrl-C stops everything)
              stop [--data DIR]             stop a stack started with 'ventrack start'
              status [--data DIR]           show whether the stack and each service are up
              token <role> [site ...]       print a signed token; roles: site-user (default site FR-RDB),
                                            investigator, statistician, admin
              help                          this text

            Environment: VENTRACK_DATA (data directory, default <repo>/.ventrack),
              VENTRACK_DB_URL / VENTRACK_DB_USER / VENTRACK_DB_PASSWORD (external PostgreSQL, e.g. jdbc:postgresql://host:5432),
              VENTRACK_KAFKA_BOOTSTRAP (external Kafka), VENTRACK_BASE_PORT (8081), VENTRACK_DB_PORT (5433),
              VENTRACK_KAFKA_PORT (9092), VENTRACK_KAFKA_CONTROLLER_PORT (9093), VENTRACK_SKIP_BUILD=1 (start without building)
            """;

    private static final Duration STOP_WAIT = Duration.ofSeconds(150);
    private static final int LOG_TAIL_LINES = 20;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path repositoryRoot;
    private final Path workingDirectory;

    /** The command line of {@link LocalStack#main}: returns the exit code. */
    static int main(String[] args) {
        // One-line log records, and no SLF4J "no provider" warning (Kafka's client and zonky log through SLF4J; we don't).
        setDefault("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
        setDefault("slf4j.internal.verbosity", "ERROR");
        return new StackMain(System.out, System.err, System.getenv(), Path.of(System.getProperty("ventrack.root", "")),
                Path.of(System.getProperty("ventrack.cwd", ""))).run(args);
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    StackMain(PrintStream out, PrintStream err, Map<String, String> env, Path repositoryRoot, Path workingDirectory) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** Runs one command and returns the process exit code; {@code start} only returns if the stack fails to start. */
    public int run(String... args) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        try {
            Arguments arguments = Arguments.parse(Arrays.copyOfRange(args, 1, args.length));
            return switch (args[0]) {
                case "start" -> start(arguments);
                case "stop" -> stop(arguments);
                case "status" -> status(arguments);
                case "token" -> token(arguments);
                case "help", "-h", "--help" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("ventrack: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("ventrack: " + e.getMessage());
            return 1;
        }
    }

    // ---------------------------------------------------------------------------------------------------- start

    private int start(Arguments arguments) throws IOException {
        arguments.requireNoPositionals("start");
        LocalStack stack = configure(arguments).demoData(arguments.demo).build();
        Path pidFile = stack.dataDirectory().resolve("stack.pid");
        Optional<ProcessHandle> running = runningStack(pidFile);
        if (running.isPresent()) {
            err.println("The VenTrack local stack is already running (pid " + running.get().pid() + ", data in "
                    + stack.dataDirectory() + "). Stop it with ./ventrack stop.");
            return 1;
        }
        long pid = ProcessHandle.current().pid();
        Files.createDirectories(stack.dataDirectory());
        Files.writeString(pidFile, pid + "\n");

        Thread shutdown = new Thread(() -> {
            out.println("Stopping the VenTrack local stack...");
            stack.stop();
            deletePidFile(pidFile, pid);
            out.println("Stopped.");
        }, "ventrack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        out.println("Starting the VenTrack local stack (data in " + stack.dataDirectory() + ")...");
        try {
            stack.start();
        } catch (StackStartException e) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdown);
            } catch (IllegalStateException shuttingDown) {
                return 130; // Ctrl-C or ./ventrack stop during start-up: the shutdown hook reports and cleans up
            }
            printFailure(e);
            deletePidFile(pidFile, pid);
            return 1;
        }
        if (stack.isRunning()) { // not when Ctrl-C came just as the stack became ready
            printBanner(stack);
        }
        awaitShutdown();
        return 0;
    }

    private void printFailure(StackStartException e) {
        err.println();
        err.println("The VenTrack local stack did not start. Failed: " + e.getMessage());
        e.logFile().filter(Files::isRegularFile).ifPresent(log -> {
            err.println("---- last lines of " + log + " ----");
            tail(log, LOG_TAIL_LINES).forEach(err::println);
            err.println("---- end of " + log + " ----");
        });
        err.println("Everything that had been started was stopped.");
    }

    private void printBanner(LocalStack stack) {
        String firstUrl = stack.serviceUrl(LocalStack.SERVICES.get(0));
        StringBuilder b = new StringBuilder();
        b.append("\n=== VenTrack local stack is up ===\n\n");
        for (String service : LocalStack.SERVICES) {
            String url = stack.serviceUrl(service);
            b.append("  %-17s %s   Swagger UI %s/q/swagger-ui   OpenAPI %s/q/openapi%n".formatted(service, url, url, url));
        }
        b.append("\n  %-17s %s   (sign in with a token below)%n".formatted("Dashboard", stack.dashboardUrl()));
        b.append("  %-17s %s%n".formatted("Kafka", stack.kafkaBootstrapServers()
                + (stack.kafka() == null ? "  (external)" : "")));
        Database db = stack.database();
        b.append("  %-17s %s  (user %s%s)  databases %s%n".formatted("PostgreSQL", db.baseUrl(), db.user(),
                db.isEmbedded() ? ", password " + db.password() : ", external",
                String.join(", ", LocalStack.SERVICES.stream().map(LocalStack::databaseOf).toList())));

        b.append("\nTokens, valid 24 h (paste one line; more with ./ventrack token <role> [site ...]):\n");
        for (String role : SigningKey.ROLES) {
            String label = role.equals(SigningKey.SITE_USER) ? role + ", sites " + String.join(",", SigningKey.DEFAULT_SITES) : role;
            b.append("  export TOKEN=").append(stack.token(role)).append("   # ").append(label).append('\n');
        }
        b.append("\nTry:\n  curl -H \"Authorization: Bearer $TOKEN\" ").append(firstUrl).append("/api/v1/sites\n");

        b.append("\nStart times:");
        stack.timings().forEach((component, millis) -> b.append("  ").append(component).append(' ').append(millis).append(" ms"));
        b.append("\nLogs: ").append(stack.dataDirectory().resolve("logs")).append("/<service>.log");
        if (stack.kafka() != null) {
            b.append(", Kafka: ").append(stack.kafka().logFile());
        }
        b.append("\n\nStop with Ctrl-C or ./ventrack stop\n");
        out.print(b);
        out.flush();
    }

    /** Blocks until the JVM shuts down (Ctrl-C, SIGTERM from ./ventrack stop); the shutdown hook stops the stack. */
    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ----------------------------------------------------------------------------------------------------- stop

    private int stop(Arguments arguments) throws IOException {
        arguments.requireNoPositionals("stop");
        Path pidFile = dataDirectory(arguments).resolve("stack.pid");
        Optional<ProcessHandle> running = runningStack(pidFile);
        if (running.isEmpty()) {
            out.println("The VenTrack local stack is not running (data in " + pidFile.getParent() + ").");
            return 0;
        }
        ProcessHandle stack = running.get();
        out.println("Stopping the VenTrack local stack (pid " + stack.pid() + ")...");
        stack.destroy();
        try {
            stack.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            err.println("Still running after " + STOP_WAIT.toSeconds() + " s; see the logs in " + pidFile.resolveSibling("logs")
                    + " (kill -9 " + stack.pid() + " as a last resort).");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        out.println("Stopped.");
        return 0;
    }

    /** The live stack process named in the pid file; a stale pid file (dead or reused pid) is removed. */
    private static Optional<ProcessHandle> runningStack(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process;
        try {
            process = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            process = Optional.empty();
        }
        if (process.isEmpty() || !looksLikeStack(process.get())) {
            Files.deleteIfExists(pidFile);
            return Optional.empty();
        }
        return process;
    }

    /** Guards against a reused pid: the command line (when visible) must be this program's. */
    private static boolean looksLikeStack(ProcessHandle process) {
        return process.info().commandLine().map(line -> line.contains("org.ventrack.devstack")).orElse(true);
    }

    private static void deletePidFile(Path pidFile, long pid) {
        try {
            if (Files.exists(pidFile) && Files.readString(pidFile).trim().equals(Long.toString(pid))) {
                Files.delete(pidFile);
            }
        } catch (IOException ignored) {
            // a pid file left behind is detected as stale on the next start
        }
    }

    // --------------------------------------------------------------------------------------------------- status

    private int status(Arguments arguments) throws IOException {
        arguments.requireNoPositionals("status");
        LocalStack stack = configure(arguments).build();
        Optional<ProcessHandle> running = runningStack(stack.dataDirectory().resolve("stack.pid"));
        out.println("VenTrack local stack: " + running.map(p -> "running (pid " + p.pid() + ")").orElse("not running")
                + ", data in " + stack.dataDirectory());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        boolean allReady = running.isPresent();
        for (String service : LocalStack.SERVICES) {
            String state = readiness(http, stack.serviceUrl(service));
            allReady &= state.equals("ready");
            out.printf("  %-17s %-24s %s%n", service, stack.serviceUrl(service), state);
        }
        if (stack.kafka() != null) {
            out.printf("  %-17s %-24s %s%n", "kafka", stack.kafkaBootstrapServers(), listening(stack.options().kafkaPort()));
        }
        if (stack.database().isEmbedded()) {
            out.printf("  %-17s %-24s %s%n", "postgresql", "127.0.0.1:" + stack.options().databasePort(),
                    listening(stack.options().databasePort()));
        }
        return allReady ? 0 : 1;
    }

    private static String readiness(HttpClient http, String url) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? "ready" : "not ready (" + response.statusCode() + ")";
        } catch (IOException e) {
            return "down";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return "listening";
        } catch (IOException e) {
            return "down";
        }
    }

    // ---------------------------------------------------------------------------------------------------- token

    private int token(Arguments arguments) throws IOException {
        if (arguments.demo) {
            throw new UsageException("--demo is an option of start only");
        }
        if (arguments.positionals.isEmpty()) {
            throw new UsageException("token needs a role: " + String.join(", ", SigningKey.ROLES));
        }
        String role = arguments.positionals.get(0);
        if (!SigningKey.ROLES.contains(role)) {
            throw new UsageException("unknown role '" + role + "', expected one of " + String.join(", ", SigningKey.ROLES));
        }
        Path keys = dataDirectory(arguments).resolve("keys");
        SigningKey key;
        try {
            key = SigningKey.load(keys);
        } catch (NoSuchFileException e) {
            err.println("ventrack: no signing key in " + keys + " yet; start the stack once with ./ventrack start.");
            return 1;
        }
        out.println(key.token(role, arguments.positionals.subList(1, arguments.positionals.size())));
        return 0;
    }

    // ------------------------------------------------------------------------------------------- configuration

    private LocalStack.Builder configure(Arguments arguments) {
        LocalStack.Builder builder = LocalStack.builder()
                .repositoryRoot(repositoryRoot)
                .dataDirectory(dataDirectory(arguments))
                .basePort(port("VENTRACK_BASE_PORT", 8081))
                .databasePort(port("VENTRACK_DB_PORT", 5433))
                .kafkaPorts(port("VENTRACK_KAFKA_PORT", 9092), port("VENTRACK_KAFKA_CONTROLLER_PORT", 9093));
        String dbUrl = setting("VENTRACK_DB_URL");
        if (dbUrl != null) {
            builder.externalDatabase(dbUrl, Optional.ofNullable(setting("VENTRACK_DB_USER")).orElse("postgres"),
                    Optional.ofNullable(env.get("VENTRACK_DB_PASSWORD")).orElse(""));
        }
        String kafka = setting("VENTRACK_KAFKA_BOOTSTRAP");
        if (kafka != null) {
            builder.externalKafka(kafka);
        }
        return builder;
    }

    /** --data, else VENTRACK_DATA (both relative to the caller's directory), else {@code <repo>/.ventrack}. */
    private Path dataDirectory(Arguments arguments) {
        String configured = arguments.data != null ? arguments.data : setting("VENTRACK_DATA");
        return configured == null ? repositoryRoot.resolve(".ventrack") : workingDirectory.resolve(configured).normalize();
    }

    private String setting(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private int port(String name, int defaultPort) {
        String value = setting(name);
        if (value == null) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " is not a port number: " + value);
        }
    }

    /**
     * The last {@code lines} lines of a log's latest run (a service log starts each run with a "=====" line), reading
     * only the end of the file, as logs are appended to across runs.
     */
    static List<String> tail(Path log, int lines) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, 64 * 1024);
            byte[] end = new byte[size];
            file.seek(length - size);
            file.readFully(end);
            List<String> all = new ArrayList<>(new String(end, StandardCharsets.UTF_8).lines().toList());
            if (size < length && !all.isEmpty()) {
                all.remove(0); // most likely cut in the middle
            }
            int lastRun = 0;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).startsWith(ServiceProcess.RUN_MARKER)) {
                    lastRun = i;
                }
            }
            return all.subList(Math.max(lastRun, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(could not read " + log + ": " + e.getMessage() + ")");
        }
    }

    // -------------------------------------------------------------------------------------------------- arguments

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** {@code --data DIR}, {@code --demo} and positional arguments, in any order. */
    private record Arguments(String data, boolean demo, List<String> positionals) {

        static Arguments parse(String[] args) {
            String data = null;
            boolean demo = false;
            List<String> positionals = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data" -> {
                        if (i + 1 >= args.length) {
                            throw new UsageException("--data needs a directory");
                        }
                        data = args[++i];
                    }
                    case "--demo" -> demo = true;
                    default -> {
                        if (args[i].startsWith("--data=")) {
                            data = args[i].substring("--data=".length());
                        } else if (args[i].startsWith("-")) {
                            throw new UsageException("unknown option " + args[i]);
                        } else {
                            positionals.add(args[i]);
                        }
                    }
                }
            }
            return new Arguments(data, demo, List.copyOf(positionals));
        }

        void requireNoPositionals(String command) {
            if (!positionals.isEmpty()) {
                throw new UsageException(command + " takes no argument '" + positionals.get(0) + "'");
            }
            if (demo && !command.equals("start")) {
                throw new UsageException("--demo is an option of start only");
            }
        }
    }
}
