package io.kgbuilder.neo4j;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * The project's Neo4j server: Neo4j Community embedded in this JVM, reachable only over Bolt on
 * 127.0.0.1, with authentication on. Started and stopped by {@code kg/stores/neo4j_server.py}.
 *
 * <p>Usage: {@code Launcher --home DIR --port N --password-file FILE [--pagecache-mb N]
 * [--sync-password true]}. The password is read from a file (never from the command line, which
 * other users can see): it seeds user neo4j when the store is created, and {@code --sync-password}
 * re-applies it to an existing store (it costs a Cypher compilation, ~8 s on 2 cores, so only when
 * the file changed). Prints {@value #READY} once Bolt answers; stops cleanly on SIGTERM.
 */
public final class Launcher {
    /** The line the Python side waits for (followed by the Bolt URI). */
    static final String READY = "KG-NEO4J READY";

    private Launcher() {}

    public static void main(String[] args) {
        try {
            run(Options.parse(args));
        } catch (UsageError e) {
            log("error: " + e.getMessage());
            System.exit(2);
        } catch (Throwable e) {
            log("error: Neo4j failed to start: " + rootMessage(e));
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void run(Options opts) throws Exception {
        String password = Files.readString(opts.passwordFile, StandardCharsets.UTF_8).strip();
        if (password.length() < 8) {
            throw new UsageError("the password in " + opts.passwordFile + " is shorter than 8 characters");
        }
        Path home = opts.home.toAbsolutePath();
        Files.createDirectories(home);
        // First start: the system database does not exist yet. Seed the initial user's password the
        // way `neo4j-admin dbms set-initial-password` does, so neo4j/neo4j is never accepted over Bolt.
        if (!Files.exists(home.resolve("data").resolve("databases").resolve("system"))) {
            writeInitialPassword(home, password);
        }

        AtomicReference<DatabaseManagementService> service = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService dbms = service.getAndSet(null);
            if (dbms != null) {
                log("stopping");
                dbms.shutdown();
                log("stopped");
            }
            stopped.countDown();
        }, "kg-neo4j-shutdown"));

        SocketAddress bolt = new SocketAddress("127.0.0.1", opts.port);
        log("starting Neo4j (home " + home + ", bolt " + bolt + ")");
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Routing would open a second port (7688) and advertise addresses we do not want.
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bounded memory: the default page cache is half the RAM.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(opts.pagecacheMb))
                // A project database, rebuilt from RDF at will: keep little transaction log.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "64M size")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // Bolt otherwise idles 2 x 5 s on shutdown, after the databases are already closed.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .build();
        service.set(dbms);
        // The system database has read the initial password: do not leave its hash lying around.
        Files.deleteIfExists(initialPasswordFile(home));
        if (opts.syncPassword) {
            syncPassword(dbms, password);
        }
        log(READY + " bolt://" + bolt);
        stopped.await();
    }

    /** Store the initial password of user neo4j (read once, when the system database is created). */
    private static void writeInitialPassword(Path home, String password) throws Exception {
        Path file = initialPasswordFile(home);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            FileUserRepository users =
                    new FileUserRepository(fs, file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            users.start();
            SystemGraphCredential credential = SystemGraphCredential.createCredentialForPassword(
                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher());
            users.create(new User("neo4j", null, credential, false, false));
            users.shutdown();
        }
    }

    private static Path initialPasswordFile(Path home) {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        return CommunitySecurityModule.getInitialUserRepositoryFile(config);
    }

    /** Make the stored password the one in the file (edited or regenerated since the last start). */
    private static void syncPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one already set: nothing to do then.
            String message = rootMessage(e);
            if (!message.toLowerCase().contains("old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        return message.replace('\n', ' ');
    }

    private static void log(String line) {
        System.out.println(Instant.now() + " " + line);
        System.out.flush();
    }

    private static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    /** Command-line options: few enough to parse by hand. */
    private record Options(Path home, int port, Path passwordFile, long pagecacheMb, boolean syncPassword) {
        static final String USAGE =
                "usage: --home DIR --port N --password-file FILE [--pagecache-mb N] [--sync-password true]";

        static Options parse(String[] args) throws UsageError {
            Path home = null;
            Path passwordFile = null;
            int port = -1;
            long pagecacheMb = 256;
            boolean syncPassword = false;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new UsageError("missing value for " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--home" -> home = Path.of(value);
                    case "--port" -> port = parseInt(name, value);
                    case "--password-file" -> passwordFile = Path.of(value);
                    case "--pagecache-mb" -> pagecacheMb = parseInt(name, value);
                    case "--sync-password" -> syncPassword = Boolean.parseBoolean(value);
                    default -> throw new UsageError("unknown option " + name + " (" + USAGE + ")");
                }
            }
            if (home == null || passwordFile == null || port <= 0 || port > 65535) {
                throw new UsageError(USAGE);
            }
            return new Options(home, port, passwordFile, pagecacheMb, syncPassword);
        }

        private static int parseInt(String name, String value) throws UsageError {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new UsageError(name + " expects a number, got " + value);
            }
        }
    }
}
