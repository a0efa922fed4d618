package crosslink.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs Neo4j Community embedded, with Bolt on the loopback interface, for development and CI.
 *
 * <p>Maven Central serves the Neo4j DBMS library but not the server tarball, and there is no Docker
 * here, so this launcher stands in for {@code neo4j console}. Drivers connect over Bolt exactly as
 * they would to a real server. It is driven by {@code scripts/neo4j}; see that script for the
 * environment variables.
 *
 * <p>Usage: {@code java ... crosslink.neo4j.LocalNeo4j [home-dir]}. The home directory (argument,
 * else {@code NEO4J_HOME_DIR}, else {@code var/neo4j}) holds {@code data/}, {@code logs/} and the
 * {@code ready} marker, which exists only while Bolt is accepting authenticated connections.
 */
public final class LocalNeo4j {

    private static final String BOLT_HOST = "127.0.0.1";
    private static final Duration BOLT_WAIT = Duration.ofSeconds(60);
    private static final String SAME_PASSWORD = "Old password and new password cannot be the same";

    private LocalNeo4j() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // Neo4j's threads are not daemons: without an explicit exit a failed start would hang.
            System.err.println(Instant.now() + " [crosslink-neo4j] ERROR start failed: " + messageChain(e));
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws IOException, InterruptedException {
        Path home = Path.of(args.length > 0 ? args[0] : env("NEO4J_HOME_DIR", "var/neo4j"))
                .toAbsolutePath()
                .normalize();
        int boltPort = parsePort(env("NEO4J_BOLT_PORT", "7687"));
        String user = env("NEO4J_USER", "neo4j");
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            fail("NEO4J_PASSWORD is not set; scripts/neo4j sets it (from var/neo4j/password by default)");
        }
        long pageCache = parseSetting("NEO4J_PAGECACHE", "1g", SettingValueParsers.BYTES::parse);
        Duration txTimeout = parseSetting("NEO4J_TX_TIMEOUT", "60s", SettingValueParsers.DURATION::parse);

        Files.createDirectories(home);
        Path ready = home.resolve("ready");
        // A marker left by a killed run must not make a starting server look ready.
        Files.deleteIfExists(ready);

        log("starting Neo4j in " + home + ", Bolt on " + BOLT_HOST + ":" + boltPort
                + ", page cache " + pageCache / (1024 * 1024) + " MiB, transaction timeout " + txTimeout);

        AtomicReference<DatabaseManagementService> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("shutting down");
            try {
                Files.deleteIfExists(ready);
            } catch (IOException e) {
                log("could not remove " + ready + ": " + e);
            }
            DatabaseManagementService dbms = running.getAndSet(null);
            if (dbms != null) {
                dbms.shutdown();
            }
            stopped.countDown();
            log("stopped");
        }, "neo4j-shutdown"));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(System.out))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // No phoning home: runs are offline, and the data is sensitive.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.transaction_timeout, txTimeout)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(BOLT_HOST, boltPort))
                // Loopback only, so TLS would protect nothing and only complicate the clients.
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .build();
        running.set(dbms);

        setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), user, password);
        waitForBolt(boltPort);

        // Write then move, so a reader never sees a half-written marker.
        Path partial = home.resolve("ready.partial");
        Files.writeString(partial, "bolt://" + BOLT_HOST + ":" + boltPort + "\n", StandardCharsets.UTF_8);
        Files.move(partial, ready, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log("ready: bolt://" + BOLT_HOST + ":" + boltPort + " as user " + user);

        stopped.await();
    }

    /**
     * Makes {@code user} log in with {@code password}, without a forced change. Works on a fresh
     * store (default user with the initial password), on a restart with the same password, and
     * after the password was changed in the environment.
     */
    private static void setPassword(GraphDatabaseService system, String user, String password) {
        Map<String, Object> params = Map.of("user", user, "password", password);
        boolean exists;
        try (Transaction tx = system.beginTx();
                Result result = tx.execute("SHOW USERS YIELD user WHERE user = $user RETURN user", params)) {
            exists = result.hasNext();
        }
        if (!exists) {
            runAdmin(system, "CREATE USER $user SET PASSWORD $password CHANGE NOT REQUIRED", params);
            log("created user " + user);
            return;
        }
        try {
            runAdmin(system, "ALTER USER $user SET PASSWORD $password CHANGE NOT REQUIRED", params);
            log("password of user " + user + " set from NEO4J_PASSWORD");
        } catch (RuntimeException e) {
            if (!messageChain(e).contains(SAME_PASSWORD)) {
                throw e;
            }
            // Same password as before: keep it, only make sure no change is demanded at login.
            runAdmin(system, "ALTER USER $user SET PASSWORD CHANGE NOT REQUIRED", params);
            log("password of user " + user + " unchanged");
        }
    }

    private static void runAdmin(GraphDatabaseService system, String cypher, Map<String, Object> params) {
        try (Transaction tx = system.beginTx()) {
            tx.execute(cypher, params).close();
            tx.commit();
        }
    }

    private static String messageChain(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    /** The connector starts with the DBMS; this confirms the socket really accepts connections. */
    private static void waitForBolt(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(BOLT_WAIT);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(BOLT_HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    fail("Bolt is not accepting connections on " + BOLT_HOST + ":" + port + " after "
                            + BOLT_WAIT.toSeconds() + " s: " + e.getMessage());
                }
                Thread.sleep(200);
            }
        }
    }

    private interface Parser<T> {
        T parse(String value);
    }

    private static <T> T parseSetting(String name, String fallback, Parser<T> parser) {
        String value = env(name, fallback);
        try {
            return parser.parse(value);
        } catch (RuntimeException e) {
            fail(name + "=" + value + " is not valid: " + e.getMessage());
            return null; // unreachable
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail("NEO4J_BOLT_PORT=" + value + " is not a TCP port number");
        return -1; // unreachable
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static void log(String message) {
        System.out.println(Instant.now() + " [crosslink-neo4j] " + message);
        System.out.flush();
    }

    private static void fail(String message) {
        System.err.println(Instant.now() + " [crosslink-neo4j] ERROR " + message);
        System.exit(2);
    }
}
