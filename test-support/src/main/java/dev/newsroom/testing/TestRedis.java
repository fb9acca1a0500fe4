package dev.newsroom.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/**
 * The real Redis the tests run against, found once per test JVM, in this order:
 * {@code NEWSROOM_TEST_REDIS_URL} (e.g. {@code redis://127.0.0.1:6379}); a Testcontainers
 * container where a Docker engine answers; else redis-server from a Maven artifact on a free
 * loopback port, stopped when the JVM exits.
 *
 * <p>Modules use databases of their own ({@link #url(int)}), so two modules' tests run at once
 * against one configured server never flush each other's keys.
 */
public final class TestRedis {
    /** The database of tests that don't choose one. */
    public static final int DEFAULT_DATABASE = 9;

    /** Nothing listens on port 1: connections are refused at once (a Redis that is down). */
    public static final String CLOSED_PORT = "redis://127.0.0.1:1";

    private static String base;

    private TestRedis() {}

    /** The server's URL without a database, found or started on first use. */
    public static synchronized String serverUrl() {
        if (base == null) {
            base = find();
        }
        return base;
    }

    public static String url() {
        return url(DEFAULT_DATABASE);
    }

    public static String url(int database) {
        return serverUrl() + "/" + database;
    }

    public static RedisClient client(int database) {
        return RedisClient.create(URI.create(url(database)));
    }

    /** Empties one database (a fresh PostgreSQL reuses story ids that old cache entries name). */
    public static void flush(int database) {
        try (RedisClient redis = client(database)) {
            redis.flushDB();
        }
    }

    /** A key prefix of its own, for tests that share a database. */
    public static String freshPrefix() {
        return "test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    private static String find() {
        String configured = System.getenv("NEWSROOM_TEST_REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        if (Docker.answers()) {
            GenericContainer<?> container =
                    new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-redis-stop"));
            return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
        }
        return embedded();
    }

    private static String embedded() {
        try {
            int port = freePort();
            RedisServer server =
                    RedisServer.newRedisServer()
                            .port(port)
                            .bind("127.0.0.1")
                            .setting("save \"\"")
                            .setting("appendonly no")
                            .build();
            server.start();
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        try {
                                            server.stop();
                                        } catch (IOException e) {
                                            // the JVM is ending
                                        }
                                    },
                                    "test-redis-stop"));
            String url = "redis://127.0.0.1:" + port;
            System.out.println("test Redis: redis-server from Maven (embedded-redis) at " + url);
            return url;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot start redis-server from its Maven artifact"
                            + " (set NEWSROOM_TEST_REDIS_URL to use a server of your own)",
                    e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
